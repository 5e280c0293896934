// k-NN accuracy (cosine and Euclidean, on tensors and on plain arrays) and the linear probe:
// perfect on separable data, deterministic, leak-free.
import { beforeAll, describe, expect, it } from 'vitest';
import { euclideanKnnAccuracy, knnAccuracy, linearProbe } from '../../src/core';
import { tf } from '../../src/core/tf';
import { randomMatrix, useCpu } from './helpers';

/** Points around `classes` directions on the circle, `perClass` each, with a little spread. */
function clusters(classes: number, perClass: number, offset: number) {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const angle = (2 * Math.PI * c) / classes + 0.2 * Math.sin(7 * i + offset);
      const radius = 1 + 0.3 * Math.cos(3 * i + offset);
      rows.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
      labels.push(c);
    }
  }
  return { x: tf.tensor2d(rows), labels };
}

describe('knnAccuracy', () => {
  beforeAll(useCpu);

  it('is 1 on well separated classes and leaves no tensors behind', async () => {
    const train = clusters(4, 10, 0);
    const test = clusters(4, 5, 1);
    const before = tf.memory().numTensors;
    expect(await knnAccuracy(train.x, train.labels, test.x, test.labels, 5)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([train.x, test.x]);
  });

  it('counts the fraction correct, accepts tensor labels, and breaks ties by the nearest member', async () => {
    const train = tf.tensor2d([
      [1, 0],
      [0.9, 0.1],
      [0, 1],
      [-1, 0],
    ]);
    const test = tf.tensor2d([
      [1, 0.05],
      [0.1, 1],
    ]);
    const trainLabels = tf.tensor1d([0, 1, 2, 3], 'int32');
    // k = 2: test 0 sees labels 0 (nearest) and 1 → tie → 0; test 1 sees 2 (nearest) and 1 → 2.
    expect(await knnAccuracy(train, trainLabels, test, [0, 2], 2)).toBe(1);
    expect(await knnAccuracy(train, trainLabels, test, [1, 2], 2)).toBe(0.5);
    tf.dispose([train, test, trainLabels]);
  });

  it('breaks a tie reached late in favour of the label ranked nearest', async () => {
    // Neighbours of the test point, nearest first, carry labels 0, 1, 1, 0: a 2–2 tie that
    // label 1 reaches first, but label 0 has the nearest member, so 0 wins.
    const train = tf.tensor2d([
      [1, 0],
      [0.95, 0.31],
      [0.9, 0.44],
      [0.8, 0.6],
      [-1, 0],
    ]);
    const test = tf.tensor2d([[1, -0.01]]);
    expect(await knnAccuracy(train, [0, 1, 1, 0, 2], test, [0], 4)).toBe(1);
    tf.dispose([train, test]);
  });

  it('rejects bad k and labels', async () => {
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    await expect(knnAccuracy(x, [0, 1], x, [0, 1], 3)).rejects.toThrow(/k must be at most/);
    await expect(knnAccuracy(x, [0], x, [0, 1], 1)).rejects.toThrow(/trainLabels/);
    await expect(knnAccuracy(x, [0, 1.5], x, [0, 1], 1)).rejects.toThrow(/trainLabels\[1\]/);
    x.dispose();
  });
});

describe('euclideanKnnAccuracy', () => {
  beforeAll(useCpu);

  it('takes the majority of the k nearest', () => {
    const train = Float32Array.from([0, 0, 0.1, 0, 5, 5, 5.1, 5, 0.2, 0]);
    const trainLabels = [0, 0, 1, 1, 1];
    const test = Float32Array.from([0.05, 0, 5, 5.05]);
    // k = 3: near the origin two 0s and one 1 → 0; near (5, 5) → 1.
    expect(euclideanKnnAccuracy(train, trainLabels, test, [0, 1], 3)).toBe(1);
    expect(euclideanKnnAccuracy(train, trainLabels, test, [1, 1], 3)).toBe(0.5);
  });

  it('breaks a tie reached late in favour of the label ranked nearest, as knnAccuracy does', () => {
    // Distances 1, 2, 3, 4 from the test point carry labels 0, 1, 1, 0.
    const train = Float32Array.from([1, 0, 2, 0, 3, 0, 4, 0]);
    const test = Float32Array.from([0, 0]);
    expect(euclideanKnnAccuracy(train, [0, 1, 1, 0], test, [0], 4)).toBe(1);
  });

  it('agrees with knnAccuracy under the Euclidean metric, in any dimension', async () => {
    for (const [d, k] of [
      [2, 1],
      [5, 3],
      [8, 7],
    ] as const) {
      const train = randomMatrix(30, d, 40 + d);
      const test = randomMatrix(12, d, 50 + d);
      const trainLabels = Array.from({ length: 30 }, (_, i) => (i * 7) % 4);
      const testLabels = Array.from({ length: 12 }, (_, i) => (i * 5) % 4);
      const plain = euclideanKnnAccuracy(
        train.dataSync() as Float32Array,
        trainLabels,
        test.dataSync() as Float32Array,
        testLabels,
        k,
      );
      const before = tf.memory().numTensors;
      expect(await knnAccuracy(train, trainLabels, test, testLabels, k, 'euclidean')).toBe(plain);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([train, test]);
    }
  });

  it('rejects mismatched rows, bad k and bad labels with the shared messages', async () => {
    const rows = Float32Array.from([0, 0, 1, 1]);
    expect(() => euclideanKnnAccuracy(rows, [0, 1], Float32Array.from([0, 0, 0]), [0], 1)).toThrow(
      /\[n, d\] and \[m, d\]/,
    );
    expect(() => euclideanKnnAccuracy(rows, [0, 1], rows, [0, 1], 3)).toThrow(/k must be at most/);
    expect(() => euclideanKnnAccuracy(rows, [0, -1], rows, [0, 1], 1)).toThrow(/trainLabels\[1\]/);
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    await expect(knnAccuracy(x, [0, 1], x, [0, 1], 1, 'manhattan' as never)).rejects.toThrow(
      /metric/,
    );
    x.dispose();
  });
});

describe('linearProbe', () => {
  beforeAll(useCpu);

  it('separates linearly separable classes and leaves no tensors behind', async () => {
    const train = clusters(3, 20, 0);
    const test = clusters(3, 10, 2);
    const before = tf.memory().numTensors;
    expect(await linearProbe(train.x, train.labels, test.x, test.labels)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([train.x, test.x]);
  });

  it('is deterministic and near chance on random labels', async () => {
    const train = clusters(2, 30, 0);
    const test = clusters(2, 30, 3);
    const shuffled = train.labels.map((_, i) => (i * 7919) % 2);
    const a = await linearProbe(train.x, shuffled, test.x, test.labels, { steps: 50 });
    const b = await linearProbe(train.x, shuffled, test.x, test.labels, { steps: 50 });
    expect(a).toBe(b);
    expect(a).toBeLessThan(0.8);
    tf.dispose([train.x, test.x]);
  });

  it('rejects bad options', async () => {
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    await expect(linearProbe(x, [0, 1], x, [0, 1], { steps: 0 })).rejects.toThrow(/steps/);
    await expect(linearProbe(x, [0, 1], x, [0, 1], { weightDecay: -1 })).rejects.toThrow(
      /weightDecay/,
    );
    x.dispose();
  });
});
