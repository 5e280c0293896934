// The supervised contrastive loss (SupCon) of Khosla et al. (2020): NT-Xent with labels, where
// every other sample of the anchor's class is a positive.
import { l2Normalize, matMulTransposed } from './similarity';
import { tf } from './tf';
import { assertMatrix, assertPositive, checkLabels } from './validate';

/**
 * The positive mask of SupCon: entry (i, j) is 1 when j ≠ i and j has i's label, else 0.
 * Anchors whose row is all zeros have no positive.
 */
function positiveMask(labels: readonly number[]): Float32Array {
  const n = labels.length;
  const mask = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i && labels[j] === labels[i]) mask[i * n + j] = 1;
  }
  return mask;
}

/**
 * Supervised contrastive loss, the L_out form of Khosla et al. (2020, Eq. 2), which the paper
 * found to train better than averaging inside the logarithm. With unit vectors u = z/‖z‖,
 * P(i) the other samples with i's label and A(i) all samples other than i,
 *
 *   ℓ_i = −(1/|P(i)|) Σ_{p∈P(i)} log( exp(u_i·u_p/τ) / Σ_{a∈A(i)} exp(u_i·u_a/τ) ),
 *
 * and L is the mean of ℓ_i over the anchors that have at least one positive (an anchor alone in
 * its class has no term, as in the paper's reference code). With two views per sample and one
 * label per sample, each view's only positive is the other view and SupCon is exactly NT-Xent.
 *
 * The self-similarity is kept out of the denominator by pushing its logit below every other one
 * and masking its exponential, so τ as small as 0.01 stays finite and no −1e9 constant is needed.
 *
 * @param z - `[N, d]` raw embeddings, N ≥ 2 (normalised inside).
 * @param labels - N non-negative integer class ids.
 * @param tau - temperature τ > 0 (the paper uses 0.1).
 * @returns scalar loss, differentiable with respect to `z`.
 * @throws if the shapes or labels are bad, τ ≤ 0, or no anchor has a positive.
 */
export function supConLoss(z: tf.Tensor2D, labels: ArrayLike<number>, tau: number): tf.Scalar {
  assertMatrix(z, 'z', 2);
  assertPositive(tau, 'tau');
  const n = z.shape[0];
  const classes = checkLabels(labels, n);
  const mask = positiveMask(classes);
  const counts = new Float32Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) counts[i] += mask[i * n + j] as number;
  const anchors = counts.reduce((total, c) => total + (c > 0 ? 1 : 0), 0);
  if (anchors === 0) {
    throw new Error('supConLoss needs at least two samples with the same label (no positives).');
  }
  return tf.tidy(() => {
    const u = l2Normalize(z);
    const logits = tf.div(matMulTransposed(u, u), tau);
    const eye = tf.eye(n);
    // Self logits (≤ 1/τ) drop to ≤ −2/τ, below every other logit (≥ −1/τ): the row maximum is a
    // real candidate's, and the masked exponential removes the self term exactly.
    const shifted = tf.sub(logits, tf.mul(eye, 3 / tau));
    const rowMax = tf.max(shifted, 1, true);
    const others = tf.sum(tf.mul(tf.exp(tf.sub(shifted, rowMax)), tf.sub(1, eye)), 1);
    const logDenominator = tf.add(tf.squeeze(rowMax, [1]), tf.log(others));
    const positives = tf.tensor2d(mask, [n, n]);
    const positiveSum = tf.sum(tf.mul(positives, logits), 1);
    const count = tf.tensor1d(counts);
    const has = tf.tensor1d(counts.map((c) => (c > 0 ? 1 : 0)));
    // ℓ_i = log Σ_{a≠i} e^{s_ia/τ} − mean_{p∈P(i)} s_ip/τ, for anchors with positives.
    const perAnchor = tf.sub(logDenominator, tf.div(positiveSum, tf.maximum(count, 1)));
    return tf.div(tf.sum(tf.mul(perAnchor, has)), anchors) as tf.Scalar;
  });
}
