// Row normalisation and the cosine-similarity matrix.
import { beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarityMatrix, l2Normalize } from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, randomMatrix, useCpu, values } from './helpers';

describe('l2Normalize', () => {
  beforeAll(useCpu);

  it('scales rows to unit length and keeps zero rows at zero with finite gradients', () => {
    const x = tf.tensor2d([
      [3, 4],
      [0, 0],
    ]);
    expectClose(values(l2Normalize(x)), [0.6, 0.8, 0, 0]);
    const [g] = tf.grads((a: tf.Tensor) => tf.sum(l2Normalize(a as tf.Tensor2D)))([x]);
    expect(values(g!).every(Number.isFinite)).toBe(true);
    tf.dispose([x, g!]);
  });
});

describe('cosineSimilarityMatrix', () => {
  beforeAll(useCpu);

  it('has ones on the diagonal of a self-similarity matrix and is symmetric', () => {
    const x = randomMatrix(5, 3, 2);
    const s = cosineSimilarityMatrix(x).arraySync();
    for (let i = 0; i < 5; i++) {
      expect(s[i]![i]).toBeCloseTo(1, 6);
      for (let j = 0; j < 5; j++) expect(s[i]![j]).toBeCloseTo(s[j]![i]!, 6);
    }
    x.dispose();
  });

  it('computes cos(a_i, b_j) for two sets', () => {
    const a = tf.tensor2d([
      [1, 0],
      [0, 2],
    ]);
    const b = tf.tensor2d([
      [1, 1],
      [-3, 0],
      [0, 0],
    ]);
    const c = Math.SQRT1_2;
    expectClose(values(cosineSimilarityMatrix(a, b)), [c, -1, 0, c, 0, 0]);
    expect(() => cosineSimilarityMatrix(a, tf.ones([2, 3]) as tf.Tensor2D)).toThrow(
      /same number of columns/,
    );
    tf.dispose([a, b]);
  });
});
