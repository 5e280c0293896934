// Every public function leaves no tensor behind, called directly or under tf.grads.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alignment,
  cachedConstantCount,
  cosineSimilarityMatrix,
  disposeCachedConstants,
  hardnessWeights,
  infoNCELoss,
  l2Normalize,
  marginContrastiveLoss,
  mutualInformationBound,
  ntXentLoss,
  ntXentLossStacked,
  releaseAbandonedTape,
  simpleLoss,
  supervisedSimCSELoss,
  tripletLoss,
  uniformity,
} from '../../src/core';
import { cachedConstant } from '../../src/core/constants';
import { tf } from '../../src/core/tf';
import { leakedBy, randomMatrix, useCpu } from './helpers';

describe('tensor leaks', () => {
  beforeAll(useCpu);

  const x = () => randomMatrix(6, 4, 1);
  const y = () => randomMatrix(6, 4, 2);
  const w = () => randomMatrix(6, 4, 3);

  // Each entry: how many matrix inputs it differentiates, and the scalar it computes from them.
  type Entry = [number, (m: tf.Tensor2D[]) => tf.Scalar];
  const scalars: Record<string, Entry> = {
    ntXentLoss: [2, ([a, b]) => ntXentLoss(a!, b!, 0.2)],
    ntXentLossStacked: [1, ([a]) => ntXentLossStacked(a!, 0.2)],
    infoNCELoss: [2, ([a, b]) => infoNCELoss(a!, b!, 0.2)],
    supervisedSimCSELoss: [3, ([a, b, c]) => supervisedSimCSELoss(a!, b!, c!, 0.2)],
    alignment: [2, ([a, b]) => alignment(a!, b!)],
    alignmentAlpha1: [2, ([a, b]) => alignment(a!, b!, 1)],
    uniformity: [1, ([a]) => uniformity(a!)],
    marginContrastiveLoss: [
      2,
      ([a, b]) => tf.tidy(() => marginContrastiveLoss(a!, b!, tf.tensor1d([1, 0, 1, 0, 1, 0]), 1)),
    ],
    tripletLoss: [3, ([a, b, c]) => tripletLoss(a!, b!, c!)],
    cosineSimilarityMatrix: [2, ([a, b]) => tf.tidy(() => tf.sum(cosineSimilarityMatrix(a!, b!)))],
    l2Normalize: [1, ([a]) => tf.tidy(() => tf.sum(l2Normalize(a!)))],
  };

  for (const [name, [arity, f]] of Object.entries(scalars)) {
    it(`${name}: forward and gradient`, () => {
      const inputs = [x(), y(), w()].slice(0, arity);
      f(inputs).dispose(); // the first call may build cached constants
      expect(leakedBy(() => f(inputs))).toBe(0);
      const grads = tf.grads((...m: tf.Tensor[]) => f(m as tf.Tensor2D[]));
      expect(leakedBy(() => grads(inputs))).toBe(0);
      tf.dispose(inputs);
    });
  }

  it('hardnessWeights, simpleLoss, mutualInformationBound', () => {
    const sNeg = tf.tensor1d([0.1, 0.2]);
    expect(leakedBy(() => hardnessWeights(0.5, sNeg, 0.1))).toBe(0);
    expect(leakedBy(() => simpleLoss(0.5, sNeg, 1))).toBe(0);
    expect(leakedBy(() => mutualInformationBound(0.3, 4))).toBe(0);
    sNeg.dispose();
  });

  it('does not leak when it throws', () => {
    const a = x();
    expect(
      leakedBy(() => {
        try {
          return ntXentLoss(a, a, -1);
        } catch {
          return [];
        }
      }),
    ).toBe(0);
    a.dispose();
  });

  it('frees what an abandoned gradient tape saved (a loss that throws midway)', () => {
    const a = x();
    const failing = tf.grad((v: tf.Tensor) => {
      const h = tf.relu(tf.matMul(v as tf.Tensor2D, v as tf.Tensor2D, false, true));
      return ntXentLoss(h as tf.Tensor2D, h as tf.Tensor2D, Number.NaN);
    });
    const attempt = () => {
      try {
        failing(a);
      } catch {
        releaseAbandonedTape();
      }
      return [];
    };
    expect(leakedBy(attempt)).toBe(0);
    a.dispose();
  });

  it('evicts cached constants beyond its element budget, oldest first', () => {
    disposeCachedConstants();
    const big = (i: number) => cachedConstant(`test-big:${i}`, () => tf.zeros([2 ** 22]));
    const first = big(0);
    big(1);
    expect(first.isDisposed).toBe(false);
    expect(big(0)).toBe(first); // a hit refreshes it, so entry 1 is now the oldest
    const third = big(2);
    expect(cachedConstantCount()).toBe(2);
    expect(first.isDisposed).toBe(false);
    expect(third.isDisposed).toBe(false);
    disposeCachedConstants();
    expect(first.isDisposed).toBe(true);
  });

  it('keeps its constant cache bounded and releases it on request', () => {
    const a = x();
    for (let i = 0; i < 40; i++) ntXentLoss(a, a, 0.1 + i / 100).dispose();
    expect(cachedConstantCount()).toBeLessThanOrEqual(16);
    const before = tf.memory().numTensors;
    const cached = cachedConstantCount();
    disposeCachedConstants();
    expect(tf.memory().numTensors).toBe(before - cached);
    expect(cachedConstantCount()).toBe(0);
    a.dispose();
  });
});
