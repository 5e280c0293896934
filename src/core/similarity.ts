// Cosine geometry shared by every contrastive loss: row-wise L2 normalisation and the matrix of
// pairwise cosine similarities.
import { tf } from './tf';
import { assertMatrix, assertSameWidth } from './validate';

/**
 * Added to the squared norm before the square root, so a zero vector normalises to zero with a
 * finite gradient instead of 0/0. Small enough that float32 `|x|² + ε` equals `|x|²` for any
 * vector with a norm above about 1e-3, so ordinary inputs are normalised exactly.
 */
export const NORM_EPSILON = 1e-12;

/**
 * Scales every row of `x` to unit Euclidean length: `x_i / sqrt(‖x_i‖² + ε)` with
 * ε = {@link NORM_EPSILON}. Zero rows stay zero (and keep finite gradients).
 *
 * @param x - `[n, d]` float32 matrix, one example per row.
 * @returns `[n, d]` matrix of unit rows.
 */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  assertMatrix(x, 'x');
  return tf.tidy(() => tf.mul(x, tf.rsqrt(tf.add(tf.sum(tf.square(x), 1, true), NORM_EPSILON))));
}

/**
 * Matrix product `a · bᵀ` of two row-major matrices, written as an explicit transpose and a plain
 * matMul: the WASM backend only sends untransposed products to XNNPACK and computes
 * `matMul(a, b, false, true)` with a slow scalar loop (about 10× slower at 512 × 128).
 */
export function matMulTransposed(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(a, tf.transpose(b)));
}

/**
 * Pairwise cosine similarities `S_ij = cos(a_i, b_j)`; with one argument, of `a` with itself.
 * Rows are normalised with {@link l2Normalize}, so a zero row has similarity 0 with everything.
 *
 * @param a - `[n, d]` float32 matrix.
 * @param b - optional `[m, d]` float32 matrix (defaults to `a`).
 * @returns `[n, m]` matrix with entries in [−1, 1].
 */
export function cosineSimilarityMatrix(a: tf.Tensor2D, b?: tf.Tensor2D): tf.Tensor2D {
  assertMatrix(a, 'a');
  if (b !== undefined) {
    assertMatrix(b, 'b');
    assertSameWidth(a, 'a', b, 'b');
  }
  return tf.tidy(() => {
    const ua = l2Normalize(a);
    return matMulTransposed(ua, b === undefined ? ua : l2Normalize(b));
  });
}
