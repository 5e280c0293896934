// What the loss explorer shows for one arrangement of points, computed by the core: similarities,
// the softmax over the anchor's row, the hardness weights, both losses and the gradient of InfoNCE
// on every point (automatic differentiation, no hand-written derivative), projected onto the circle.
import { cosineSimilarityMatrix, hardnessWeights, simpleLoss } from '../core';
import { tf } from '../core/tf';
import { readVector, singleAnchorInfoNCE } from './single-anchor-loss';

/** One reading of the loss explorer; negatives in the order given. */
export interface LossExplorerReading {
  /** s(a, p), then s(a, n_k): cosine similarities with the anchor. */
  similarities: number[];
  /** The softmax P over the anchor's row (positive first); sums to 1. */
  probabilities: number[];
  /** Each negative's share of the push on negatives, exp(s_k/τ)/Σ_j exp(s_j/τ) (core `hardnessWeights`). */
  weights: number[];
  /** The InfoNCE loss of the anchor. */
  loss: number;
  /** The simple loss −s_p + λ Σ s_k with λ = {@link lambda}. */
  simpleLoss: number;
  /** λ = 1/K, the weight the hot limit of InfoNCE gives every negative. */
  lambda: number;
  /**
   * ∂L/∂θ per radian for every point (anchor, positive, negatives): the gradient with respect to
   * the point, projected onto the circle's counter-clockwise tangent (−sin θ, cos θ).
   */
  gradients: number[];
}

/**
 * Evaluates InfoNCE for one anchor on the unit circle, with one `tf.tidy` and one read-back.
 *
 * @param degrees - angles of the anchor, the positive and K ≥ 1 negatives, in degrees.
 * @param tau - temperature τ > 0.
 */
export function exploreLoss(degrees: readonly number[], tau: number): LossExplorerReading {
  const k = degrees.length - 2;
  if (k < 1) throw new Error('exploreLoss needs an anchor, a positive and at least one negative.');
  const radians = degrees.map((d) => (d * Math.PI) / 180);
  const lambda = 1 / k;

  const packed = readVector(() => {
    const points = tf.tensor2d(
      radians.map((r) => [Math.cos(r), Math.sin(r)]),
      [k + 2, 2],
    );
    const anchor = tf.slice(points, [0, 0], [1, 2]) as tf.Tensor2D;
    const candidates = tf.slice(points, [1, 0], [k + 1, 2]) as tf.Tensor2D;
    const { value: loss, grads } = tf.valueAndGrads((a: tf.Tensor, c: tf.Tensor) =>
      singleAnchorInfoNCE(a as tf.Tensor2D, c as tf.Tensor2D, tau),
    )([anchor, candidates]);
    const s = tf.reshape(cosineSimilarityMatrix(anchor, candidates), [k + 1]) as tf.Tensor1D;
    const sNeg = tf.slice(s, [1], [k]);
    // Both core functions take s_pos as a number. The weights do not depend on it (it is only
    // checked), and the simple loss is linear in it: L(s_pos) = L(0) − s_pos.
    const simple = tf.sub(simpleLoss(0, sNeg, lambda), tf.slice(s, [0], [1]));
    return tf.concat([
      tf.reshape(loss, [1]),
      simple,
      s,
      tf.softmax(tf.div(s, tau)),
      hardnessWeights(0, sNeg, tau),
      tf.reshape(tf.concat(grads), [-1]),
    ]);
  });

  const at = (from: number, length: number) => packed.slice(from, from + length);
  const grad = at(2 + 2 * (k + 1) + k, 2 * (k + 2));
  return {
    loss: packed[0],
    simpleLoss: packed[1],
    similarities: at(2, k + 1),
    probabilities: at(2 + (k + 1), k + 1),
    weights: at(2 + 2 * (k + 1), k),
    gradients: radians.map((r, i) => -Math.sin(r) * grad[2 * i] + Math.cos(r) * grad[2 * i + 1]),
    lambda,
  };
}
