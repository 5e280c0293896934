// What the temperature figure shows for one setting, computed by the core: InfoNCE's hardness
// weights, the simple loss's relative penalties (from its gradient), and both loss values.
import { hardnessWeights, simpleLoss } from '../core';
import { tf } from '../core/tf';
import { pointsWithSimilarities, readVector, singleAnchorInfoNCE } from './single-anchor-loss';

/** One reading of the temperature figure; negatives in the order given. */
export interface TemperatureReading {
  /** InfoNCE's relative penalty on each negative, w_k (sums to 1). */
  weights: number[];
  /** The simple loss's relative penalty on each negative: its gradient, normalised (sums to 1). */
  simpleShares: number[];
  /** InfoNCE loss of the anchor. */
  loss: number;
  /** Simple loss −s_pos + λ Σ s_k with λ = {@link lambda}. */
  simpleLoss: number;
  /** λ = 1/K. */
  lambda: number;
}

/**
 * Evaluates both losses for one anchor whose similarities are given directly. The InfoNCE value is
 * taken from the core on unit vectors placed at exactly those similarities to the anchor.
 *
 * @param sPos - the positive's similarity to the anchor, in [−1, 1].
 * @param sNeg - K ≥ 1 negative similarities, in [−1, 1].
 * @param tau - temperature τ > 0.
 */
export function temperatureReading(
  sPos: number,
  sNeg: readonly number[],
  tau: number,
): TemperatureReading {
  const k = sNeg.length;
  if (k < 1) throw new Error('temperatureReading needs at least one negative.');
  const lambda = 1 / k;
  const packed = readVector(() => {
    const s = tf.tensor1d([...sNeg]);
    const gradient = tf.grad((x) => simpleLoss(sPos, x as tf.Tensor1D, lambda))(s);
    const candidates = tf.tensor2d(pointsWithSimilarities([sPos, ...sNeg]));
    const loss = singleAnchorInfoNCE(tf.tensor2d([[1, 0]]), candidates, tau);
    return tf.concat([
      tf.stack([loss, simpleLoss(sPos, s, lambda)]),
      hardnessWeights(sPos, s, tau),
      tf.div(gradient, tf.sum(gradient)),
    ]);
  });
  return {
    loss: packed[0],
    simpleLoss: packed[1],
    weights: packed.slice(2, k + 2),
    simpleShares: packed.slice(k + 2),
    lambda,
  };
}
