// Triplet mining: which (anchor, positive, negative) triplets of a labelled batch the triplet loss
// trains on. Most triplets already satisfy the margin and teach nothing (Schroff et al. 2015,
// FaceNet), so the choice decides how fast, and whether, training works.
import type { Rng } from './rng';
import { tf } from './tf';
import { assertMatrix, checkLabels } from './validate';

/** How negatives (and, for `hard`, positives) are chosen. */
export type MiningStrategy = 'random' | 'semi-hard' | 'hard';

/** The strategies, in the order a menu lists them. */
export const MINING_STRATEGIES: readonly MiningStrategy[] = ['random', 'semi-hard', 'hard'];

/** Row indices of the mined triplets, int32, one entry per triplet. */
export interface Triplets {
  anchor: tf.Tensor1D;
  positive: tf.Tensor1D;
  negative: tf.Tensor1D;
}

/**
 * Squared Euclidean distances between the rows of `x`: `D_ij = ‖x_i − x_j‖²`, clipped at 0
 * (the expansion ‖a‖² + ‖b‖² − 2a·b can round slightly below it).
 *
 * @param x - `[n, d]`.
 * @returns `[n, n]`.
 */
export function squaredDistanceMatrix(x: tf.Tensor2D): tf.Tensor2D {
  assertMatrix(x, 'x');
  return tf.tidy(() => {
    const norms = tf.sum(tf.square(x), 1, true);
    const dots = tf.matMul(x, tf.transpose(x));
    return tf.relu(tf.sub(tf.add(norms, tf.transpose(norms)), tf.mul(dots, 2))) as tf.Tensor2D;
  });
}

/** Each row's positives (same label, not itself) and negatives (other labels). */
function partition(labels: readonly number[]): { positives: number[][]; negatives: number[][] } {
  const positives = labels.map((l, i) => labels.flatMap((m, j) => (j !== i && m === l ? [j] : [])));
  const negatives = labels.map((l) => labels.flatMap((m, j) => (m !== l ? [j] : [])));
  return { positives, negatives };
}

/**
 * Picks triplets from a labelled batch. Anchors without a positive or without a negative in the
 * batch are skipped. Strategies:
 *
 * - `random`: for every anchor, one positive and one negative drawn uniformly from `rng`.
 * - `semi-hard` (Schroff et al. 2015, FaceNet): every anchor–positive pair, with the negative
 *   that is closest to the anchor while still farther than the positive,
 *   `d(a,p) < d(a,n)`; when its distance is also below `d(a,p) + α` the triplet is semi-hard
 *   and trains, otherwise it costs nothing. When no negative is farther than the positive, the
 *   fallback is the farthest negative, the least hard of the violating ones (the rule of
 *   TensorFlow Addons' `triplet_semihard_loss`); FaceNet warns that the hardest ones can collapse
 *   the model early in training.
 * - `hard` (batch-hard, Hermans, Beyer & Leibe 2017): for every anchor, its farthest positive and
 *   its closest negative.
 *
 * Distances are squared Euclidean ones of `embeddings`, as in FaceNet's loss. The choice is not
 * differentiated: gradients flow only through the rows the indices select.
 *
 * @param embeddings - `[n, d]` current embeddings of the batch.
 * @param labels - n non-negative integer class ids.
 * @param strategy - see above.
 * @param rng - random source; required for `random`.
 * @throws on bad shapes, labels or strategy, or when no anchor has both a positive and a negative.
 */
export function mineTriplets(
  embeddings: tf.Tensor2D,
  labels: ArrayLike<number>,
  strategy: MiningStrategy,
  rng?: Rng,
): Triplets {
  assertMatrix(embeddings, 'embeddings', 2);
  const classes = checkLabels(labels, embeddings.shape[0]);
  if (!MINING_STRATEGIES.includes(strategy)) {
    throw new Error(`strategy must be one of ${MINING_STRATEGIES.join(', ')} (got ${strategy}).`);
  }
  const { positives, negatives } = partition(classes);
  const anchors = classes.flatMap((_, i) =>
    (positives[i] as number[]).length && (negatives[i] as number[]).length ? [i] : [],
  );
  if (anchors.length === 0) {
    throw new Error('No triplet: every anchor needs a same-label and a different-label sample.');
  }
  const ints = (values: number[]) => tf.tensor1d(values, 'int32');
  if (strategy === 'random') {
    if (!rng) throw new Error('random mining needs an rng.');
    const pick = (options: number[]) => options[rng.int(options.length)] as number;
    return {
      anchor: ints(anchors),
      positive: ints(anchors.map((a) => pick(positives[a] as number[]))),
      negative: ints(anchors.map((a) => pick(negatives[a] as number[]))),
    };
  }
  const n = classes.length;
  const same = new Float32Array(n * n);
  classes.forEach((l, i) => classes.forEach((m, j) => (same[i * n + j] = l === m ? 1 : 0)));
  return tf.tidy(() => {
    const d = squaredDistanceMatrix(embeddings);
    const sameMask = tf.tensor2d(same, [n, n]);
    const differentMask = tf.sub(1, sameMask);
    // A value beyond every distance, to rule entries out of a min or a max without ±1e9.
    const beyond = tf.add(tf.max(d), 1);
    if (strategy === 'hard') {
      const positiveMask = tf.sub(sameMask, tf.eye(n));
      const farthestPositive = tf.argMax(
        tf.sub(tf.mul(d, positiveMask), tf.sub(1, positiveMask)),
        1,
      );
      const closestNegative = tf.argMin(tf.add(d, tf.mul(sameMask, beyond)), 1);
      const rows = ints(anchors);
      return {
        anchor: rows,
        positive: tf.cast(tf.gather(farthestPositive, rows), 'int32') as tf.Tensor1D,
        negative: tf.cast(tf.gather(closestNegative, rows), 'int32') as tf.Tensor1D,
      };
    }
    const anchorList = anchors.flatMap((a) => (positives[a] as number[]).map(() => a));
    const positiveList = anchors.flatMap((a) => positives[a] as number[]);
    const anchor = ints(anchorList);
    const positive = ints(positiveList);
    const rows = tf.gather(d, anchor); // [pairs, n]
    const negativeRows = tf.gather(differentMask, anchor);
    const flat = ints(anchorList.map((a, k) => a * n + (positiveList[k] as number)));
    const toPositive = tf.gather(tf.reshape(d, [-1]), flat);
    const farther = tf.mul(
      negativeRows,
      tf.cast(tf.greater(rows, tf.expandDims(toPositive, 1)), 'float32'),
    );
    // Closest negative beyond the positive; rows with none take the farthest negative.
    const closestFarther = tf.argMin(tf.add(rows, tf.mul(tf.sub(1, farther), beyond)), 1);
    const farthest = tf.argMax(tf.sub(tf.mul(rows, negativeRows), tf.sub(1, negativeRows)), 1);
    const hasFarther = tf.greater(tf.sum(farther, 1), 0);
    const negative = tf.cast(
      tf.where(hasFarther, closestFarther, farthest),
      'int32',
    ) as tf.Tensor1D;
    return { anchor, positive, negative };
  });
}
