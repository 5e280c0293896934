// One anchor's InfoNCE through the core's `infoNCEWithNegatives`, for the figures that show a
// single row of the loss (the loss explorer and the temperature figure).
import { infoNCEWithNegatives } from '../core';
import { tf } from '../core/tf';

/**
 * InfoNCE of one anchor against its candidates (the positive first, then the negatives),
 *
 *   L = −log( exp(s(a, c_0)/τ) / Σ_j exp(s(a, c_j)/τ) ),
 *
 * the core's {@link infoNCEWithNegatives} with N = 1: positive c_0, negatives c_1 … c_K.
 *
 * @param anchor - `[1, d]` the anchor (normalised inside).
 * @param candidates - `[K + 1, d]` the positive, then K ≥ 1 negatives (normalised inside).
 * @param tau - temperature τ > 0.
 * @returns scalar loss, differentiable with respect to both inputs.
 */
export function singleAnchorInfoNCE(
  anchor: tf.Tensor2D,
  candidates: tf.Tensor2D,
  tau: number,
): tf.Scalar {
  const [rows, dims] = candidates.shape;
  if (anchor.shape[0] !== 1 || anchor.shape[1] !== dims) {
    throw new Error(`anchor must be [1, ${dims}] (got [${anchor.shape.join(', ')}]).`);
  }
  if (rows < 2) throw new Error('candidates need the positive and at least one negative.');
  return tf.tidy(() =>
    infoNCEWithNegatives(
      anchor,
      tf.slice(candidates, [0, 0], [1, -1]),
      tf.slice(candidates, [1, 0], [-1, -1]),
      tau,
    ),
  );
}

/**
 * Unit vectors whose cosine similarity with `(1, 0)` is the given value: rows `(s, √(1 − s²))`.
 * Lets a figure that sets similarities directly still evaluate the loss on embeddings.
 *
 * @param similarities - values in [−1, 1] (clamped).
 * @returns one `[x, y]` row per similarity.
 */
export function pointsWithSimilarities(similarities: readonly number[]): [number, number][] {
  return similarities.map((value) => {
    const s = Math.min(1, Math.max(-1, value));
    return [s, Math.sqrt(1 - s * s)];
  });
}

/**
 * Runs `build` in `tf.tidy`, reads the resulting tensor back synchronously and disposes it. Only
 * for the figures' tiny per-update vectors, where one synchronous read is cheaper than a frame.
 */
export function readVector(build: () => tf.Tensor): number[] {
  const tensor = tf.tidy(build);
  try {
    return Array.from(tensor.dataSync());
  } finally {
    tensor.dispose();
  }
}
