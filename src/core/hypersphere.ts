// Alignment and uniformity, the two properties of representations on the unit hypersphere that
// Wang & Isola (2020) show the contrastive loss optimises.
import { cachedConstant } from './constants';
import { DISTANCE_EPSILON } from './losses';
import { l2Normalize, matMulTransposed } from './similarity';
import { tf } from './tf';
import { assertMatrix, assertPositive, assertSameShape } from './validate';

/**
 * Alignment loss of Wang & Isola (2020): `E ‖f(x) − f(y)‖^α` over positive pairs, rows of `x` and
 * `y` normalised first. Lower is better aligned; 0 when every pair coincides.
 * For α ≠ 2 the squared distance gets {@link DISTANCE_EPSILON} added before the power so
 * coinciding pairs keep a finite gradient.
 *
 * @param x - `[N, d]` first members of the positive pairs.
 * @param y - `[N, d]` second members.
 * @param alpha - exponent α > 0 (default 2, as in the paper).
 */
export function alignment(x: tf.Tensor2D, y: tf.Tensor2D, alpha = 2): tf.Scalar {
  assertMatrix(x, 'x');
  assertMatrix(y, 'y');
  assertSameShape(x, 'x', y, 'y');
  assertPositive(alpha, 'alpha');
  return tf.tidy(() => {
    const squared = tf.sum(tf.squaredDifference(l2Normalize(x), l2Normalize(y)), 1);
    return tf.mean(alpha === 2 ? squared : tf.pow(tf.add(squared, DISTANCE_EPSILON), alpha / 2));
  });
}

/** 1 for the pairs i < j of an n × n matrix, 0 elsewhere. */
function upperPairMask(n: number): tf.Tensor2D {
  return cachedConstant(`upper-pairs:${n}`, () => {
    const mask = new Float32Array(n * n);
    for (let i = 0; i < n; i++) mask.fill(1, i * n + i + 1, (i + 1) * n);
    return tf.tensor2d(mask, [n, n]);
  });
}

/**
 * Uniformity loss of Wang & Isola (2020): `log E_{i<j} exp(−t‖u_i − u_j‖²)` over the distinct pairs
 * of normalised rows, the log of the average Gaussian potential. Lower is more uniform; 0 when all
 * rows coincide (collapse). Computed as a log-sum-exp with the maximum subtracted, so large t does
 * not underflow.
 * The pair mask for each N is cached (see `disposeCachedConstants()`).
 *
 * @param x - `[N, d]`, N ≥ 2.
 * @param t - kernel scale t > 0 (default 2, as in the paper).
 */
export function uniformity(x: tf.Tensor2D, t = 2): tf.Scalar {
  assertMatrix(x, 'x', 2);
  assertPositive(t, 't');
  const n = x.shape[0];
  return tf.tidy(() => {
    const u = l2Normalize(x);
    const norms = tf.sum(tf.square(u), 1, true);
    // ‖u_i − u_j‖² = ‖u_i‖² + ‖u_j‖² − 2⟨u_i, u_j⟩, all in [0, 4].
    const squared = tf.sub(tf.add(norms, tf.transpose(norms)), tf.mul(matMulTransposed(u, u), 2));
    const pairs = upperPairMask(n);
    // Push the non-pairs below every pair (pairs lie in [−4t, 0]) so the maximum is a pair's.
    const potential = tf.sub(tf.mul(squared, -t), tf.mul(tf.sub(1, pairs), 4 * t + 1));
    const top = tf.max(potential);
    const total = tf.sum(tf.mul(pairs, tf.exp(tf.sub(potential, top))));
    return tf.sub(tf.add(top, tf.log(total)), Math.log((n * (n - 1)) / 2));
  });
}

/**
 * Tolerance of Wang & Liu (2021): `E ⟨u_i, u_j⟩` over the distinct pairs of rows that share a
 * class, rows normalised first. High when each class sits together on the sphere (tolerant of
 * similar samples), low when the encoder pushes same-class samples apart as hard as any other.
 * Plain numbers: it reads rows already brought back from the accelerator.
 *
 * @param rows - `count · dim` numbers, row-major.
 * @param dim - numbers per row.
 * @param classes - the class of each row (`count` entries).
 * @returns the mean cosine, or NaN when no two rows share a class.
 */
export function tolerance(
  rows: ArrayLike<number>,
  dim: number,
  classes: ArrayLike<number>,
): number {
  const count = classes.length;
  if (rows.length !== count * dim) {
    throw new Error(`tolerance: ${rows.length} numbers are not ${count} rows of ${dim}.`);
  }
  const norms = Array.from({ length: count }, (_, i) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += rows[i * dim + k]! ** 2;
    return Math.sqrt(s) || 1;
  });
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      if (classes[i] !== classes[j]) continue;
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += rows[i * dim + k]! * rows[j * dim + k]!;
      sum += dot / (norms[i]! * norms[j]!);
      pairs += 1;
    }
  }
  return pairs === 0 ? Number.NaN : sum / pairs;
}
