// How good is an embedding? The two standard read-outs of self-supervised learning: a cosine k-NN
// classifier (Wu et al., 2018) and a linear probe (a logistic regression on frozen features).
import { cosineSimilarityMatrix } from './similarity';
import { tf } from './tf';
import { assertInteger, assertMatrix, assertPositive, assertSameWidth } from './validate';

/** Class labels: non-negative integers, one per row. */
export type Labels = ArrayLike<number> | tf.Tensor1D;

async function labelArray(labels: Labels, name: string, rows: number): Promise<number[]> {
  const values = labels instanceof tf.Tensor ? Array.from(await labels.data()) : Array.from(labels);
  if (values.length !== rows) {
    throw new Error(`${name} must have one label per row (${rows}), got ${values.length}.`);
  }
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`${name}[${i}] must be a non-negative integer class id (got ${v}).`);
    }
  });
  return values;
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
 * k-nearest-neighbour accuracy under cosine similarity: each test row takes the majority label of
 * its k most similar training rows. A tie goes to the tied label whose nearest member ranks first,
 * so results are deterministic.
 *
 * @param trainEmb - `[n, d]` training embeddings.
 * @param trainLabels - n integer labels.
 * @param testEmb - `[m, d]` test embeddings.
 * @param testLabels - m integer labels.
 * @param k - neighbours, 1 ≤ k ≤ n.
 * @returns the fraction of test rows classified correctly, in [0, 1].
 */
export async function knnAccuracy(
  trainEmb: tf.Tensor2D,
  trainLabels: Labels,
  testEmb: tf.Tensor2D,
  testLabels: Labels,
  k: number,
): Promise<number> {
  assertMatrix(trainEmb, 'trainEmb');
  assertMatrix(testEmb, 'testEmb');
  assertSameWidth(trainEmb, 'trainEmb', testEmb, 'testEmb');
  assertInteger(k, 'k', 1);
  const n = trainEmb.shape[0];
  if (k > n) throw new Error(`k must be at most the number of training rows (${n}), got ${k}.`);
  const train = await labelArray(trainLabels, 'trainLabels', n);
  const test = await labelArray(testLabels, 'testLabels', testEmb.shape[0]);
  const neighbours = tf.tidy(() => tf.topk(cosineSimilarityMatrix(testEmb, trainEmb), k).indices);
  const indices = await neighbours.data();
  neighbours.dispose();
  const predicted = test.map((_, row) =>
    majorityLabel(
      Array.from({ length: k }, (_, j) => train[indices[row * k + j] as number] as number),
    ),
  );
  return fraction(predicted, test);
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
