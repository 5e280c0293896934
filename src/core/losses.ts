// Contrastive losses other than NT-Xent: InfoNCE (in-batch, or against a bank of negatives),
// supervised SimCSE, the margin (pairwise) contrastive loss and the triplet loss. All reduce by
// the mean over rows.
import { l2Normalize, matMulTransposed } from './similarity';
import { tf } from './tf';
import {
  assertFinite,
  assertMatrix,
  assertPositive,
  assertSameShape,
  assertSameWidth,
  assertVector,
} from './validate';

/**
 * Mean softmax cross-entropy of `logits` [n, m] where the correct class of row i is given by the
 * separately computed `positive` logits [n]. `tf.logSumExp` subtracts the row maximum, so logits
 * of 1/τ = 100 and more stay finite.
 */
function crossEntropyWithPositives(logits: tf.Tensor2D, positive: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), positive));
}

/** Row-wise dot products of two equally shaped matrices. */
function rowDot(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(a, b), 1);
}

/**
 * One-directional InfoNCE (van den Oord et al., 2018, CPC; the unsupervised SimCSE loss of
 * Gao et al., 2021; one direction of CLIP). The positive of anchor i is `positives[i]`; the other
 * rows of `positives` are its negatives:
 *
 *   L = −(1/N) Σ_i log( exp(s(a_i, p_i)/τ) / Σ_j exp(s(a_i, p_j)/τ) ),
 *
 * s = cosine similarity (inputs are normalised inside).
 *
 * @param anchors - `[N, d]`, N ≥ 2.
 * @param positives - `[N, d]`.
 * @param tau - temperature τ > 0.
 */
export function infoNCELoss(anchors: tf.Tensor2D, positives: tf.Tensor2D, tau: number): tf.Scalar {
  assertMatrix(anchors, 'anchors', 2);
  assertMatrix(positives, 'positives', 2);
  assertSameShape(anchors, 'anchors', positives, 'positives');
  assertPositive(tau, 'tau');
  return tf.tidy(() => {
    const ua = l2Normalize(anchors);
    const up = l2Normalize(positives);
    const logits = tf.div(matMulTransposed(ua, up), tau) as tf.Tensor2D;
    return crossEntropyWithPositives(logits, tf.div(rowDot(ua, up), tau));
  });
}

/**
 * InfoNCE against an explicit set of negatives shared by every query: MoCo's queue (He et al.,
 * 2020), a memory bank (Wu et al., 2018), or the K negatives of a single anchor (N = 1, as in the
 * loss explorer). Query i's candidates are its own positive p_i and the K negatives n_1 … n_K; the
 * other queries' positives are not among them (unlike {@link infoNCELoss}):
 *
 *   L = −(1/N) Σ_i log( exp(s(q_i, p_i)/τ) / ( exp(s(q_i, p_i)/τ) + Σ_k exp(s(q_i, n_k)/τ) ) ),
 *
 * s = cosine similarity (inputs are normalised inside), τ the temperature. Gradients flow into all
 * three inputs; a caller that keeps the negatives fixed (MoCo's queue) passes constants.
 *
 * @param queries - `[N, d]` anchors, N ≥ 1.
 * @param positives - `[N, d]`, row i the positive of query i.
 * @param negatives - `[K, d]`, K ≥ 1, any K (independent of N).
 * @param tau - temperature τ > 0.
 * @returns scalar loss, the mean over the N queries.
 */
export function infoNCEWithNegatives(
  queries: tf.Tensor2D,
  positives: tf.Tensor2D,
  negatives: tf.Tensor2D,
  tau: number,
): tf.Scalar {
  assertMatrix(queries, 'queries');
  assertMatrix(positives, 'positives');
  assertMatrix(negatives, 'negatives');
  assertSameShape(queries, 'queries', positives, 'positives');
  assertSameWidth(queries, 'queries', negatives, 'negatives');
  assertPositive(tau, 'tau');
  return tf.tidy(() => {
    const uq = l2Normalize(queries);
    const positive = tf.div(rowDot(uq, l2Normalize(positives)), tau) as tf.Tensor1D;
    const toNegatives = tf.div(matMulTransposed(uq, l2Normalize(negatives)), tau);
    const logits = tf.concat([tf.expandDims(positive, 1), toNegatives], 1) as tf.Tensor2D;
    return crossEntropyWithPositives(logits, positive);
  });
}

/**
 * Supervised SimCSE with hard negatives (Gao, Yao & Chen, 2021, Eq. 5). Row i's logits are
 * `[cos(h_i, hPos_j)/τ for all j] ++ [cos(h_i, hNeg_j)/τ for all j]` and its label is i:
 *
 *   L = −(1/N) Σ_i log( e^{s(h_i,h⁺_i)/τ} / Σ_j (e^{s(h_i,h⁺_j)/τ} + e^{s(h_i,h⁻_j)/τ}) ).
 *
 * @param h - `[N, d]` anchors, N ≥ 2.
 * @param hPos - `[N, d]` positives (entailment), row i for anchor i.
 * @param hNeg - `[N, d]` hard negatives (contradiction).
 * @param tau - temperature τ > 0.
 */
export function supervisedSimCSELoss(
  h: tf.Tensor2D,
  hPos: tf.Tensor2D,
  hNeg: tf.Tensor2D,
  tau: number,
): tf.Scalar {
  assertMatrix(h, 'h', 2);
  assertMatrix(hPos, 'hPos', 2);
  assertMatrix(hNeg, 'hNeg', 2);
  assertSameShape(h, 'h', hPos, 'hPos');
  assertSameShape(h, 'h', hNeg, 'hNeg');
  assertPositive(tau, 'tau');
  return tf.tidy(() => {
    const u = l2Normalize(h);
    const uPos = l2Normalize(hPos);
    const candidates = tf.concat([uPos, l2Normalize(hNeg)], 0);
    const logits = tf.div(matMulTransposed(u, candidates), tau) as tf.Tensor2D;
    return crossEntropyWithPositives(logits, tf.div(rowDot(u, uPos), tau));
  });
}

/**
 * Added under the square root of the Euclidean distance so identical pairs have a finite
 * gradient; it shifts a distance of 1e-3 by less than float32 precision.
 */
export const DISTANCE_EPSILON = 1e-12;

/**
 * The contrastive loss of Hadsell, Chopra & LeCun (2006) on the Euclidean distance D between raw
 * vectors (no normalisation): similar pairs pay ½D², dissimilar pairs pay ½·max(0, m − D)².
 * Mean over pairs.
 *
 * @param x1 - `[N, d]` first members of the pairs.
 * @param x2 - `[N, d]` second members.
 * @param similar - `[N]` of 1 (similar pair) or 0 (dissimilar pair): float32, int32 or bool.
 * @param margin - m > 0: dissimilar pairs further apart than m cost nothing.
 */
export function marginContrastiveLoss(
  x1: tf.Tensor2D,
  x2: tf.Tensor2D,
  similar: tf.Tensor1D,
  margin: number,
): tf.Scalar {
  assertMatrix(x1, 'x1');
  assertMatrix(x2, 'x2');
  assertSameShape(x1, 'x1', x2, 'x2');
  assertVector(similar, 'similar', x1.shape[0], ['float32', 'int32', 'bool']);
  assertPositive(margin, 'margin');
  return tf.tidy(() => {
    const squared = tf.sum(tf.squaredDifference(x1, x2), 1);
    const distance = tf.sqrt(tf.add(squared, DISTANCE_EPSILON));
    const isSimilar = tf.cast(similar, 'float32');
    const pull = tf.mul(isSimilar, squared);
    const push = tf.mul(tf.sub(1, isSimilar), tf.square(tf.relu(tf.sub(margin, distance))));
    return tf.mul(tf.mean(tf.add(pull, push)), 0.5);
  });
}

/**
 * The triplet loss of FaceNet (Schroff, Kalenichenko & Philbin, 2015) on squared Euclidean
 * distances of the vectors as given: mean of `[‖a−p‖² − ‖a−n‖² + margin]₊`.
 *
 * @param anchor - `[N, d]`.
 * @param positive - `[N, d]`, same identity as the anchor.
 * @param negative - `[N, d]`, a different identity.
 * @param margin - α ≥ 0 (default 0.2, as in FaceNet).
 */
export function tripletLoss(
  anchor: tf.Tensor2D,
  positive: tf.Tensor2D,
  negative: tf.Tensor2D,
  margin = 0.2,
): tf.Scalar {
  assertMatrix(anchor, 'anchor');
  assertMatrix(positive, 'positive');
  assertMatrix(negative, 'negative');
  assertSameShape(anchor, 'anchor', positive, 'positive');
  assertSameShape(anchor, 'anchor', negative, 'negative');
  assertFinite(margin, 'margin');
  if (margin < 0) throw new Error(`margin must be ≥ 0 (got ${margin}).`);
  return tf.tidy(() => {
    const toPositive = tf.sum(tf.squaredDifference(anchor, positive), 1);
    const toNegative = tf.sum(tf.squaredDifference(anchor, negative), 1);
    return tf.mean(tf.relu(tf.add(tf.sub(toPositive, toNegative), margin)));
  });
}
