// NT-Xent (SimCLR) with a hand-written gradient. It is the loss every live training figure runs,
// so it is written for speed on WebAssembly, where each op costs a few microseconds whatever its
// size: two matrix products in all (the backward one uses the symmetry of the similarities), one
// softmax, no gather of rows, cached constants, and no masking constants such as −1e9 (which turn
// into −∞ or NaN on half-precision WebGL textures).
import { cachedConstant } from './constants';
import { NORM_EPSILON } from './similarity';
import { tf } from './tf';
import { assertMatrix, assertPositive, assertSameShape } from './validate';

/**
 * Margin by which each self-similarity logit is pushed below every other logit of its row: the
 * softmax then gives it exp(−128) or less of the row's weight, which is 0 in float32.
 */
const SELF_MARGIN = 128;

/**
 * `(2/τ + SELF_MARGIN)·I` for 2N views. A self-similarity logit is at most 1/τ and every other
 * logit at least −1/τ, so subtracting it leaves each self term SELF_MARGIN below its row.
 */
function diagonalOffset(views: number, tau: number): tf.Tensor2D {
  return cachedConstant(`ntxent-offset:${views}:${tau}`, () =>
    tf.mul(tf.eye(views), 2 / tau + SELF_MARGIN),
  );
}

/** Twice the permutation matrix that pairs each view with the other view of its example. */
function doublePositives(views: number): tf.Tensor2D {
  return cachedConstant(`ntxent-positives:${views}`, () => {
    const half = views / 2;
    const eye = tf.eye(half);
    const zeros = tf.zerosLike(eye);
    const pairs = tf.concat([tf.concat([zeros, eye], 1), tf.concat([eye, zeros], 1)], 0);
    return tf.mul(pairs, 2) as tf.Tensor2D;
  });
}

/** Flat index of each anchor's positive logit in the `2N × 2N` logit matrix. */
function positiveIndices(views: number): tf.Tensor1D {
  return cachedConstant(`positive-logits:${views}`, () =>
    tf.tensor1d(
      Array.from({ length: views }, (_, k) => k * views + ((k + views / 2) % views)),
      'int32',
    ),
  );
}

function ntXentWithGradient(tau: number) {
  return tf.customGrad((zArg, saveArg) => {
    const z = zArg as tf.Tensor2D;
    const views = z.shape[0];
    const invNorm = tf.rsqrt(tf.add(tf.sum(tf.square(z), 1, true), NORM_EPSILON));
    const u = tf.mul(z, invNorm) as tf.Tensor2D;
    // Logits S/τ in one product (1/τ scales the small [d, 2N] factor, not S); the explicit
    // transpose keeps the product on WebAssembly's fast (XNNPACK) path.
    const logits = tf.matMul(u, tf.mul(tf.transpose(u), 1 / tau));
    // Self terms pushed out of the softmax: p_kk = 0, so each row of p is already the softmax
    // over the other 2N − 1 views, and log Σ_j exp(shifted_kj) is log Σ_{j≠k} exp(s_kj/τ).
    const shifted = tf.sub(logits, diagonalOffset(views, tau));
    const rowMax = tf.max(shifted, 1, true);
    const p = tf.softmax(shifted);
    // log Σ_j exp(shifted_kj) = m_k − log max_j p_kj: exact, and p's largest entry cannot underflow.
    const logSum = tf.sub(rowMax, tf.log(tf.max(p, 1, true)));
    // Off the diagonal the shifted logits are the plain ones, so the positives are read there.
    const positive = tf.gather(tf.reshape(shifted, [-1]), positiveIndices(views));
    const value = tf.mean(tf.sub(tf.reshape(logSum, [-1]), positive));
    doublePositives(views); // built now, so that a first backward pass allocates nothing to keep
    (saveArg as tf.GradSaveFunc)([u, invNorm, p]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [su, sInvNorm, sp] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        // ∂L/∂S = (P − Pos)/(2Nτ) with Pos the positive pairs; S = U·Uᵀ is symmetric, so
        // ∂L/∂U = (P + Pᵀ − 2·Pos)·U/(2Nτ): one product, not two.
        const symmetric = tf.sub(tf.add(sp, tf.transpose(sp)), doublePositives(views));
        const gradU = tf.matMul(symmetric, su);
        // Through u = z / sqrt(‖z‖² + ε): ∂z = (∂u − u·⟨u, ∂u⟩) / sqrt(‖z‖² + ε), with the
        // constant 1/(2Nτ) and the upstream gradient folded into the per-row factor.
        const radial = tf.sum(tf.mul(gradU, su), 1, true);
        const scale = tf.mul(sInvNorm, tf.div(dy, views * tau));
        return tf.mul(tf.sub(gradU, tf.mul(su, radial)), scale);
      },
    };
  });
}

/**
 * NT-Xent of 2N views stacked in one matrix: rows i and N + i are the two views of example i.
 * The same loss as {@link ntXentLoss}`(z[:N], z[N:], τ)`, without the split and re-stacking,
 * for callers whose views come out of one forward pass.
 *
 * @param z - `[2N, d]` views, N ≥ 2 (an even number of rows, at least 4).
 * @param tau - temperature τ > 0.
 * @returns scalar loss, differentiable with respect to `z`.
 */
export function ntXentLossStacked(z: tf.Tensor2D, tau: number): tf.Scalar {
  assertMatrix(z, 'z', 4);
  if (z.shape[0] % 2 !== 0) {
    throw new Error(
      `z must stack two views of each example: an even number of rows (got ${z.shape[0]}).`,
    );
  }
  assertPositive(tau, 'tau');
  return ntXentWithGradient(tau)(z) as tf.Scalar;
}

/**
 * NT-Xent, the normalised temperature-scaled cross-entropy of SimCLR (Chen et al., 2020,
 * Algorithm 1). The 2N views are `z1` and `z2` stacked; for anchor k with other view p(k),
 *
 *   ℓ_k = −log( exp(s_{k,p(k)}/τ) / Σ_{j≠k} exp(s_{kj}/τ) ),   L = (1/2N) Σ_k ℓ_k,
 *
 * where s is cosine similarity. The positive is inside the denominator, self-similarity is
 * excluded, and the mean runs over all 2N anchors (the TensorFlow reference code reports twice
 * this). Inputs are raw vectors; they are L2-normalised inside. All identical vectors give
 * log(2N − 1).
 *
 * The gradient is written by hand (`tf.customGrad`) and checked against autodiff and finite
 * differences in the tests. Finite for τ from 0.01 to 10 and beyond, for duplicate and zero rows.
 * The first call for a new batch size (or τ) on a backend builds a few cached constants (a diagonal
 * offset, the positive pairs, an index vector); later calls reuse them and leave the tensor count
 * unchanged. Call `disposeCachedConstants()` to free them.
 *
 * @param z1 - `[N, d]` first views, N ≥ 2.
 * @param z2 - `[N, d]` second views, row i the positive of `z1` row i.
 * @param tau - temperature τ > 0.
 * @returns scalar loss, differentiable with respect to `z1` and `z2`.
 */
export function ntXentLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number): tf.Scalar {
  assertMatrix(z1, 'z1', 2);
  assertMatrix(z2, 'z2', 2);
  assertSameShape(z1, 'z1', z2, 'z2');
  assertPositive(tau, 'tau');
  return tf.tidy(() => ntXentWithGradient(tau)(tf.concat([z1, z2], 0)) as tf.Scalar);
}
