// NT-Xent (SimCLR) with a hand-written gradient. It is the loss every live training figure runs,
// so it is written for speed: two matrix products in all, one softmax, cached constants, and no
// masking constants such as −1e9 (which turn into −∞ or NaN on half-precision WebGL textures).
import { cachedConstant } from './constants';
import { NORM_EPSILON } from './similarity';
import { tf } from './tf';
import { assertMatrix, assertPositive, assertSameShape } from './validate';

/**
 * `(3/τ)·I` for 2N views. Subtracting it moves each self-similarity logit (at most 1/τ) below
 * every other logit (at least −1/τ), so the row maximum and the softmax see the true negatives
 * first; the small remaining diagonal probability is then removed exactly.
 */
function diagonalOffset(size: number, tau: number): tf.Tensor2D {
  return cachedConstant(`ntxent-offset:${size}:${tau}`, () => tf.mul(tf.eye(size), 3 / tau));
}

/** Flat indices of the diagonal of a `size × size` matrix. */
function diagonalIndices(size: number): tf.Tensor1D {
  return cachedConstant(`diagonal-indices:${size}`, () =>
    tf.mul(tf.range(0, size, 1, 'int32'), tf.scalar(size + 1, 'int32')),
  );
}

/** For each of the 2N views, the row of the other view of the same example. */
function partnerIndices(views: number): tf.Tensor1D {
  return cachedConstant(`partner-rows:${views}`, () =>
    tf.tensor1d(
      Array.from({ length: views }, (_, k) => (k + views / 2) % views),
      'int32',
    ),
  );
}

/** Flat index of each anchor's positive logit in the `2N × 2N` logit matrix. */
function positiveIndices(views: number): tf.Tensor1D {
  return cachedConstant(`positive-logits:${views}`, () =>
    tf.add(
      tf.mul(tf.range(0, views, 1, 'int32'), tf.scalar(views, 'int32')),
      partnerIndices(views),
    ),
  );
}

function ntXentWithGradient(tau: number) {
  return tf.customGrad((z1Arg, z2Arg, saveArg) => {
    const save = saveArg as tf.GradSaveFunc;
    const views = 2 * (z1Arg as tf.Tensor2D).shape[0];
    const z = tf.concat([z1Arg as tf.Tensor2D, z2Arg as tf.Tensor2D], 0);
    const invNorm = tf.rsqrt(tf.add(tf.sum(tf.square(z), 1, true), NORM_EPSILON));
    const u = tf.mul(z, invNorm) as tf.Tensor2D;
    // Logits S/τ in one product (1/τ scales the small [d, 2N] factor, not S), diagonal pushed down.
    const logits = tf.matMul(u, tf.mul(tf.transpose(u), 1 / tau));
    const shifted = tf.sub(logits, diagonalOffset(views, tau));
    const rowMax = tf.max(shifted, 1, true);
    const p = tf.softmax(shifted);
    const pSelf = tf.reshape(tf.gather(tf.reshape(p, [-1]), diagonalIndices(views)), [views, 1]);
    // log Σ_j exp(shifted_kj) = m_k − log max_j p_kj: exact, and p's largest entry cannot underflow.
    const logSumAll = tf.sub(rowMax, tf.log(tf.max(p, 1, true)));
    // Drop the self term: Σ_{j≠k} = Σ_j · (1 − p_kk), where p_kk < ½ by construction.
    const logSumOthers = tf.add(logSumAll, tf.log1p(tf.neg(pSelf)));
    // Off the diagonal the shifted logits are the plain ones, so the positives are read there.
    const positive = tf.gather(tf.reshape(shifted, [-1]), positiveIndices(views));
    const value = tf.sub(tf.mean(logSumOthers), tf.mean(positive));
    save([u, invNorm, p, pSelf]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [su, sInvNorm, sp, sSelf] = saved as tf.Tensor2D[] as [
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
        ];
        // q = softmax over the other views, plus a residue c_k·p_kk left on the diagonal.
        const rescale = tf.reciprocal(tf.sub(1, sSelf));
        const q = tf.mul(sp, rescale);
        // ∂L/∂S = (P_off − Pos)/(2Nτ); through S = U·Uᵀ that is (G + Gᵀ)·U.
        const spread = tf.matMul(tf.add(q, tf.transpose(q)), su);
        const residue = tf.mul(tf.mul(rescale, sSelf), 2);
        const partner = tf.gather(su, partnerIndices(views));
        const gradU = tf.mul(
          tf.sub(tf.sub(spread, tf.mul(residue, su)), tf.mul(partner, 2)),
          tf.div(dy, views * tau),
        );
        // Through u = z / sqrt(‖z‖² + ε): ∂z = (∂u − u·⟨u, ∂u⟩) / sqrt(‖z‖² + ε).
        const gradZ = tf.mul(
          tf.sub(gradU, tf.mul(su, tf.sum(tf.mul(gradU, su), 1, true))),
          sInvNorm,
        );
        return tf.split(gradZ, 2, 0);
      },
    };
  });
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
 * offset and index vectors); later calls reuse them and leave the tensor count unchanged. Call
 * `disposeCachedConstants()` to free them.
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
  return ntXentWithGradient(tau)(z1, z2) as tf.Scalar;
}
