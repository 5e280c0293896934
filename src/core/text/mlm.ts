// Masked-word prediction (BERT's pretraining task, Devlin et al. 2019) for the sentence encoder,
// scored contrastively: the Transformer's output at a masked position must pick the true word's
// embedding out of the true word and k words drawn from the noise distribution (count^0.75),
// shared by the batch — an InfoNCE loss over words, instead of a softmax over the whole
// vocabulary, which would cost a [positions × vocabulary] product every step. The output side
// is tied to the input word embeddings, as in BERT. The token ids are handed in.
import { createRng, type Rng } from '../rng';
import { tf } from '../tf';
import { assertInteger } from '../validate';
import type { SentenceEncoder } from './encoder';
import { gatherRows } from './layers';
import { padBatch } from './vocabulary';

/** Settings of {@link createMaskedWordModel}. */
export interface MaskedWordOptions {
  /** The encoder to train (all of its weights; its `tokens` table is also the output side). */
  encoder: SentenceEncoder;
  /** Id of the `[MASK]` token that replaces a masked word in the input. */
  maskId: number;
  /** Count of each id in the training text (the noise distribution). */
  counts: ArrayLike<number>;
  /** Share of real tokens masked per sentence, at least one (default 0.15, as BERT). */
  maskRate?: number;
  /** Noise words per step, shared by every masked position (default 256). */
  negatives?: number;
  /** Dropout p inside the encoder while pretraining (default 0.1, as BERT). */
  dropout?: number;
  /** Adam learning rate (default 1e-3). */
  lr?: number;
  /** Seeds masking, noise words and dropout masks. */
  seed?: number;
}

/** A masked-word pretraining run. */
export interface MaskedWordModel {
  /** One Adam step on these sentences (id lists, each at most the encoder's maxLength). */
  step(sentences: readonly (readonly number[])[]): tf.Scalar;
  /** Share of masked words whose true embedding scored above every noise word in the last step. */
  accuracy(): Promise<number | null>;
  dispose(): void;
}

/** Draws ids in proportion to count^0.75 by binary search over the cumulative weights. */
function noiseSampler(counts: ArrayLike<number>, rng: Rng): () => number {
  const cumulative = new Float64Array(counts.length);
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    total += Math.pow(counts[i]!, 0.75);
    cumulative[i] = total;
  }
  return () => {
    const target = rng.uniform() * total;
    let low = 0;
    let high = counts.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

/** Creates a masked-word pretraining run over `encoder`'s weights (all of them are trained). */
export function createMaskedWordModel(options: MaskedWordOptions): MaskedWordModel {
  const { encoder, maskId } = options;
  const maskRate = options.maskRate ?? 0.15;
  const negatives = options.negatives ?? 256;
  const dropout = options.dropout ?? 0.1;
  assertInteger(negatives, 'negatives', 1);
  if (!(maskRate > 0 && maskRate < 1))
    throw new Error(`maskRate must be in (0, 1) (got ${maskRate}).`);
  const rng = createRng(options.seed ?? 0);
  const noise = noiseSampler(options.counts, rng);
  const optimizer = tf.train.adam(options.lr ?? 1e-3);
  const table = encoder.variables[encoder.names.indexOf('tokens')] as tf.Variable<tf.Rank.R2>;
  let lastAccuracy: tf.Scalar | null = null;

  return {
    step(sentences) {
      const length = Math.max(1, ...sentences.map((s) => s.length));
      const positions: number[] = [];
      const targets: number[] = [];
      const masked = sentences.map((ids, row) => {
        const copy = ids.slice();
        const picks = ids.map((_, i) => i).filter(() => rng.uniform() < maskRate);
        if (picks.length === 0 && ids.length > 0) picks.push(rng.int(ids.length));
        for (const i of picks) {
          positions.push(row * length + i);
          targets.push(ids[i]!);
          copy[i] = maskId;
        }
        return copy;
      });
      const batch = padBatch(masked);
      const noiseIds = Int32Array.from({ length: negatives }, noise);
      const seed = rng.tfSeed();
      lastAccuracy?.dispose();
      return tf.tidy(() => {
        const at = tf.tensor1d(positions, 'int32');
        const truth = tf.tensor1d(targets, 'int32');
        const noiseTensor = tf.tensor1d(noiseIds, 'int32');
        const cost = optimizer.minimize(
          () => {
            const states = gatherRows(encoder.encodeTokens(batch, { dropout, seed }), at);
            const positive = tf.sum(tf.mul(states, gatherRows(table, truth)), 1, true);
            const negative = tf.matMul(states, gatherRows(table, noiseTensor), false, true);
            const logits = tf.concat([positive, negative], 1) as tf.Tensor2D;
            lastAccuracy = tf.keep(
              tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), 0), 'float32')) as tf.Scalar,
            );
            // InfoNCE with the true word in column 0: −log softmax(logits)[0].
            return tf.mean(tf.sub(tf.logSumExp(logits, 1), tf.squeeze(positive, [1]))) as tf.Scalar;
          },
          true,
          [...encoder.variables],
        )!;
        return cost;
      });
    },
    async accuracy() {
      return lastAccuracy ? (await lastAccuracy.data())[0]! : null;
    },
    dispose() {
      lastAccuracy?.dispose();
      optimizer.dispose();
    },
  };
}
