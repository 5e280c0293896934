// What the loss explorer shows for one arrangement of points, computed by the core: similarities,
// the softmax over the anchor's row, the hardness weights, both losses and the gradient of InfoNCE
// with respect to every point's angle (automatic differentiation, no hand-written derivative).
import { cosineSimilarityMatrix, hardnessWeights, simpleLoss } from '../core';
import { tf } from '../core/tf';
import { pointsOnCircle, readVector, singleAnchorInfoNCE } from './single-anchor-loss';

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
  /** ∂L/∂θ per radian for every point (anchor, positive, negatives): the tangential gradient. */
  gradients: number[];
}

/**
 * Evaluates InfoNCE for one anchor on the unit circle.
 *
 * Differentiating with respect to the angles gives the component of the gradient along the
 * circle's tangent directly: the radial component, which normalisation removes, never appears.
 *
 * @param degrees - angles of the anchor, the positive and K ≥ 1 negatives, in degrees.
 * @param tau - temperature τ > 0.
 */
export function exploreLoss(degrees: readonly number[], tau: number): LossExplorerReading {
  const k = degrees.length - 2;
  if (k < 1) throw new Error('exploreLoss needs an anchor, a positive and at least one negative.');
  const radians = degrees.map((d) => (d * Math.PI) / 180);
  const split = (points: tf.Tensor2D) => ({
    anchor: tf.slice(points, [0, 0], [1, 2]) as tf.Tensor2D,
    candidates: tf.slice(points, [1, 0], [k + 1, 2]) as tf.Tensor2D,
  });

  const similarities = readVector(() => {
    const { anchor, candidates } = split(pointsOnCircle(tf.tensor1d(radians)));
    return tf.reshape(cosineSimilarityMatrix(anchor, candidates), [k + 1]);
  });
  const sPos = similarities[0];
  const lambda = 1 / k;

  const packed = readVector(() => {
    const theta = tf.tensor1d(radians);
    const lossOf = (t: tf.Tensor1D) => {
      const { anchor, candidates } = split(pointsOnCircle(t));
      return singleAnchorInfoNCE(anchor, candidates, tau);
    };
    const { value, grad } = tf.valueAndGrad(lossOf)(theta);
    const s = tf.tensor1d(similarities);
    const sNeg = tf.slice(s, [1], [k]);
    return tf.concat([
      tf.stack([value, simpleLoss(sPos, sNeg, lambda)]),
      tf.softmax(tf.div(s, tau)),
      hardnessWeights(sPos, sNeg, tau),
      grad,
    ]);
  });

  return {
    similarities,
    loss: packed[0],
    simpleLoss: packed[1],
    probabilities: packed.slice(2, k + 3),
    weights: packed.slice(k + 3, 2 * k + 3),
    gradients: packed.slice(2 * k + 3),
    lambda,
  };
}
