// Closed-form views of how the contrastive loss treats its negatives, for the temperature figures:
// the relative penalty on each negative, the "simple" loss it tends to, and CPC's bound.
import { tf } from './tf';
import { assertFinite, assertInteger, assertPositive, assertVector } from './validate';

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
