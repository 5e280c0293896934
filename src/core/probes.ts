// How good is an embedding? The two standard read-outs of self-supervised learning: a k-NN
// classifier (cosine, as in Wu et al., 2018, or Euclidean) and a linear probe (a logistic
// regression on frozen features).
import { cosineSimilarityMatrix } from './similarity';
import { tf } from './tf';
import {
  assertInteger,
  assertMatrix,
  assertPositive,
  assertSameWidth,
  checkLabels,
} from './validate';

/** Class labels: non-negative integers, one per row. */
export type Labels = ArrayLike<number> | tf.Tensor1D;

/** `labels` as checked plain integers (see {@link checkLabels}), read back first if a tensor. */
async function labelArray(labels: Labels, name: string, rows: number): Promise<number[]> {
  const values = labels instanceof tf.Tensor ? await labels.data() : labels;
  return checkLabels(values, rows, name);
}

/**
 * The most frequent label of `ranked` (nearest neighbour first); among equally frequent labels,
 * the one whose first occurrence ranks highest.
 */
function majorityLabel(ranked: readonly number[]): number {
  const counts = new Map<number, number>(); // insertion order = order of first occurrence
  for (const label of ranked) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best = -1;
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

function fraction(predicted: ArrayLike<number>, truth: readonly number[]): number {
  let correct = 0;
  truth.forEach((label, i) => {
    if (predicted[i] === label) correct += 1;
  });
  return correct / truth.length;
}

/**
 * The share of test rows whose k-NN vote is right. `neighbours` holds each test row's k training
 * rows, nearest first (`[m, k]`, row-major); a row's vote is {@link majorityLabel} of theirs.
 */
function knnScore(
  neighbours: ArrayLike<number>,
  k: number,
  train: readonly number[],
  test: readonly number[],
): number {
  const predicted = test.map((_, row) =>
    majorityLabel(
      Array.from({ length: k }, (_, j) => train[neighbours[row * k + j] as number] as number),
    ),
  );
  return fraction(predicted, test);
}

/** Throws unless 1 ≤ k ≤ n, the number of training rows. */
function checkK(k: number, n: number): void {
  assertInteger(k, 'k', 1);
  if (k > n) throw new Error(`k must be at most the number of training rows (${n}), got ${k}.`);
}

/** How the k-NN read-out ranks training rows: by cosine similarity or by Euclidean distance. */
export type KnnMetric = 'cosine' | 'euclidean';

/**
 * k-nearest-neighbour accuracy: each test row takes the majority label of its k nearest training
 * rows, by cosine similarity (default) or Euclidean distance. A tie goes to the tied label whose
 * nearest member ranks first, so results are deterministic.
 *
 * @param trainEmb - `[n, d]` training embeddings.
 * @param trainLabels - n integer labels.
 * @param testEmb - `[m, d]` test embeddings.
 * @param testLabels - m integer labels.
 * @param k - neighbours, 1 ≤ k ≤ n.
 * @param metric - `'cosine'` (default) or `'euclidean'`.
 * @returns the fraction of test rows classified correctly, in [0, 1].
 */
export async function knnAccuracy(
  trainEmb: tf.Tensor2D,
  trainLabels: Labels,
  testEmb: tf.Tensor2D,
  testLabels: Labels,
  k: number,
  metric: KnnMetric = 'cosine',
): Promise<number> {
  assertMatrix(trainEmb, 'trainEmb');
  assertMatrix(testEmb, 'testEmb');
  assertSameWidth(trainEmb, 'trainEmb', testEmb, 'testEmb');
  checkK(k, trainEmb.shape[0]);
  if (metric !== 'cosine' && metric !== 'euclidean') {
    throw new Error(`metric must be 'cosine' or 'euclidean' (got ${String(metric)}).`);
  }
  const train = await labelArray(trainLabels, 'trainLabels', trainEmb.shape[0]);
  const test = await labelArray(testLabels, 'testLabels', testEmb.shape[0]);
  const neighbours = tf.tidy(() => {
    // Higher is nearer: the cosine, or minus the squared distance (same order as the distance).
    const closeness =
      metric === 'cosine'
        ? cosineSimilarityMatrix(testEmb, trainEmb)
        : tf.neg(
            tf.sum(tf.squaredDifference(tf.expandDims(testEmb, 1), tf.expandDims(trainEmb, 0)), 2),
          );
    return tf.topk(closeness, k).indices;
  });
  const indices = await neighbours.data();
  neighbours.dispose();
  return knnScore(indices, k, train, test);
}

/**
 * {@link knnAccuracy} under Euclidean distance on plain arrays, synchronously: for read-outs of
 * embeddings already read back from the device (the metric-learning lab's panels). Equal
 * distances rank the lower training row first. On unit vectors Euclidean order is cosine order
 * (‖u − v‖² = 2 − 2·cos), so the same read-out serves points in the plane and on the circle.
 *
 * @param train - `[n, d]` training rows, row-major (d = train.length / n).
 * @param trainLabels - n integer labels.
 * @param test - `[m, d]` test rows, row-major.
 * @param testLabels - m integer labels.
 * @param k - neighbours, 1 ≤ k ≤ n.
 * @returns the fraction of test rows classified correctly, in [0, 1].
 */
export function euclideanKnnAccuracy(
  train: Float32Array,
  trainLabels: ArrayLike<number>,
  test: Float32Array,
  testLabels: ArrayLike<number>,
  k: number,
): number {
  const n = trainLabels.length;
  const m = testLabels.length;
  const d = n > 0 ? train.length / n : 0;
  if (!Number.isInteger(d) || d < 1 || test.length !== m * d) {
    throw new Error(
      `train and test must be [n, d] and [m, d] rows for ${n} and ${m} labels (got ${train.length} and ${test.length} values).`,
    );
  }
  checkK(k, n);
  const trainClasses = checkLabels(trainLabels, n, 'trainLabels');
  const testClasses = checkLabels(testLabels, m, 'testLabels');
  const distances = new Float64Array(n);
  const order = Array.from({ length: n }, (_, j) => j);
  const neighbours = new Int32Array(m * k);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let squared = 0;
      for (let c = 0; c < d; c++) squared += (train[j * d + c]! - test[i * d + c]!) ** 2;
      distances[j] = squared;
    }
    order.sort((a, b) => distances[a]! - distances[b]! || a - b);
    for (let r = 0; r < k; r++) neighbours[i * k + r] = order[r]!;
  }
  return knnScore(neighbours, k, trainClasses, testClasses);
}

/** Options of {@link linearProbe}. */
export interface LinearProbeOptions {
  /** Full-batch Adam steps (default 200). */
  steps?: number;
  /** Adam learning rate (default 0.05). */
  learningRate?: number;
  /** L2 penalty on the weights (default 1e-4). */
  weightDecay?: number;
}

/**
 * Linear-probe accuracy: a multinomial logistic regression trained on the frozen training
 * embeddings (full batch, Adam, a fixed number of steps, zero initial weights so the result is
 * deterministic), evaluated on the test embeddings.
 *
 * @returns the fraction of test rows whose arg-max class is right, in [0, 1].
 */
export async function linearProbe(
  trainEmb: tf.Tensor2D,
  trainLabels: Labels,
  testEmb: tf.Tensor2D,
  testLabels: Labels,
  options: LinearProbeOptions = {},
): Promise<number> {
  const { steps = 200, learningRate = 0.05, weightDecay = 1e-4 } = options;
  assertMatrix(trainEmb, 'trainEmb');
  assertMatrix(testEmb, 'testEmb');
  assertSameWidth(trainEmb, 'trainEmb', testEmb, 'testEmb');
  assertInteger(steps, 'steps', 1);
  assertPositive(learningRate, 'learningRate');
  if (!Number.isFinite(weightDecay) || weightDecay < 0) {
    throw new Error(`weightDecay must be a finite number ≥ 0 (got ${weightDecay}).`);
  }
  const train = await labelArray(trainLabels, 'trainLabels', trainEmb.shape[0]);
  const test = await labelArray(testLabels, 'testLabels', testEmb.shape[0]);
  const classes = Math.max(...train, ...test) + 1;
  const d = trainEmb.shape[1];
  // tf.variable copies its initial value; the tidies free the zeros.
  const weights = tf.tidy(() => tf.variable(tf.zeros([d, classes])));
  const bias = tf.tidy(() => tf.variable(tf.zeros([classes])));
  const optimizer = tf.train.adam(learningRate);
  const targets = tf.tidy(() => tf.oneHot(tf.tensor1d(train, 'int32'), classes));
  try {
    for (let i = 0; i < steps; i++) {
      optimizer.minimize(
        () =>
          tf.tidy(() => {
            const logits = tf.add(tf.matMul(trainEmb, weights), bias);
            const nll = tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)));
            return tf.add(nll, tf.mul(tf.sum(tf.square(weights)), weightDecay)) as tf.Scalar;
          }),
        false,
        [weights, bias],
      );
    }
    const predicted = tf.tidy(() => tf.argMax(tf.add(tf.matMul(testEmb, weights), bias), 1));
    const values = await predicted.data();
    predicted.dispose();
    return fraction(values, test);
  } finally {
    tf.dispose([weights, bias, targets]);
    optimizer.dispose();
  }
}
