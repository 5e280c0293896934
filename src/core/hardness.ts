// Closed-form views of how the contrastive loss treats its negatives, for the temperature figures:
// the relative penalty on each negative, the "simple" loss it tends to (for one anchor, and over
// a batch of pairs), and CPC's bound.
import { l2Normalize } from './similarity';
import { tf } from './tf';
import {
  assertFinite,
  assertInteger,
  assertMatrix,
  assertPositive,
  assertSameShape,
  assertVector,
} from './validate';

/**
 * The relative penalty the contrastive loss puts on each negative (Wang & Liu, 2021, "hardness-aware"):
 * the gradient on negative k divided by the gradient on the positive,
 *
 *   r_k = exp(s_k/τ) / Σ_j exp(s_j/τ),
 *
 * a softmax over the negatives' similarities. Small τ concentrates the weight on the hardest
 * (most similar) negative; large τ spreads it uniformly. The ratio does not depend on the
 * positive's similarity `sPos`, which is only checked, so that both curves of a figure are driven by
 * the same arguments as {@link simpleLoss}.
 *
 * @param sPos - the positive pair's similarity (a finite number).
 * @param sNeg - `[K]` similarities of the negatives, K ≥ 1.
 * @param tau - temperature τ > 0.
 * @returns `[K]` weights summing to 1.
 */
export function hardnessWeights(sPos: number, sNeg: tf.Tensor1D, tau: number): tf.Tensor1D {
  assertFinite(sPos, 'sPos');
  assertVector(sNeg, 'sNeg');
  if (sNeg.shape[0] < 1) throw new Error('sNeg needs at least one negative similarity.');
  assertPositive(tau, 'tau');
  return tf.tidy(() => tf.softmax(tf.div(sNeg, tau)));
}

/**
 * The "simple" contrastive loss `−s_pos + λ Σ_k s_k` (Wang & Liu, 2021): the limit the
 * contrastive loss approaches as τ → ∞, where every negative is pushed equally hard.
 *
 * @param sPos - the positive pair's similarity.
 * @param sNeg - `[K]` similarities of the negatives.
 * @param lambda - weight λ ≥ 0 on the negatives.
 * @returns scalar loss, differentiable with respect to `sNeg`.
 */
export function simpleLoss(sPos: number, sNeg: tf.Tensor1D, lambda: number): tf.Scalar {
  assertFinite(sPos, 'sPos');
  assertVector(sNeg, 'sNeg');
  assertFinite(lambda, 'lambda');
  if (lambda < 0) throw new Error(`lambda must be ≥ 0 (got ${lambda}).`);
  return tf.tidy(() => tf.sub(tf.mul(tf.sum(sNeg), lambda), sPos));
}

/**
 * The simple loss of {@link simpleLoss} over a batch of positive pairs, as the sphere lab trains
 * it: for each of the 2N points u (rows of z1 and z2, normalised), `−s(u, u⁺) + λ · mean_k s(u, u_k)`
 * over its partner u⁺ and its 2N − 2 negatives (every other point), averaged over the 2N points.
 * The mean over negatives, rather than {@link simpleLoss}'s sum, keeps λ independent of N.
 *
 * @param z1 - `[N, d]` first views, N ≥ 2.
 * @param z2 - `[N, d]` second views; row i pairs with row i of `z1`.
 * @param lambda - weight λ ≥ 0 on the negatives.
 * @returns scalar loss, differentiable with respect to both inputs.
 */
export function batchSimpleLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, lambda: number): tf.Scalar {
  assertMatrix(z1, 'z1', 2);
  assertMatrix(z2, 'z2', 2);
  assertSameShape(z1, 'z1', z2, 'z2');
  assertFinite(lambda, 'lambda');
  if (lambda < 0) throw new Error(`lambda must be ≥ 0 (got ${lambda}).`);
  return tf.tidy(() => {
    const n = z1.shape[0];
    const u = l2Normalize(tf.concat([z1, z2]));
    const partner = tf.concat([tf.slice(u, [n, 0], [n, -1]), tf.slice(u, [0, 0], [n, -1])]);
    const positive = tf.sum(tf.mul(u, partner), 1);
    // Σ_j u·u_j over all 2N points, less the partner and the point itself: the negatives' sum.
    const total = tf.reshape(tf.matMul(u, tf.transpose(tf.sum(u, 0, true))), [2 * n]);
    const negatives = tf.sub(tf.sub(total, positive), tf.sum(tf.square(u), 1));
    return tf.mean(tf.sub(tf.mul(negatives, lambda / (2 * n - 2)), positive));
  });
}

/**
 * The lower bound on mutual information from CPC (van den Oord, Li & Vinyals, 2018):
 * `I(x; c) ≥ log n − L`, where L is the InfoNCE loss with n candidates (one positive and
 * n − 1 negatives). The bound can never exceed log n, which is why large batches matter.
 *
 * @param loss - InfoNCE loss value (number or scalar tensor), in nats.
 * @param n - number of candidates per anchor, an integer ≥ 2.
 * @returns scalar tensor `log n − loss`.
 */
export function mutualInformationBound(loss: number | tf.Scalar, n: number): tf.Scalar {
  assertInteger(n, 'n', 2);
  if (typeof loss === 'number') {
    assertFinite(loss, 'loss');
  } else if (loss == null || loss.rank !== 0) {
    throw new Error('loss must be a number or a scalar tensor.');
  }
  return tf.tidy(() => tf.sub(Math.log(n), loss));
}
