// Alignment, uniformity (Wang & Isola, 2020) and tolerance (Wang & Liu, 2021): closed forms and stability.
import { beforeAll, describe, expect, it } from 'vitest';
import { alignment, tolerance, uniformity } from '../../src/core';
import { tf } from '../../src/core/tf';
import { randomMatrix, take, useCpu, values } from './helpers';

describe('alignment', () => {
  beforeAll(useCpu);

  it('is 0 for identical directions and 2 (α = 2) or √2 (α = 1) for orthogonal ones', () => {
    const x = tf.tensor2d([
      [2, 0],
      [0, 3],
    ]);
    const y = tf.tensor2d([
      [0, 1],
      [5, 0],
    ]);
    expect(take(alignment(x, x))).toBeCloseTo(0, 6);
    expect(take(alignment(x, y))).toBeCloseTo(2, 6);
    expect(take(alignment(x, y, 1))).toBeCloseTo(Math.SQRT2, 5);
    tf.dispose([x, y]);
  });

  it('has finite gradients at coinciding pairs for α = 1', () => {
    const x = randomMatrix(3, 2, 4);
    const [g] = tf.grads((a: tf.Tensor) => alignment(a as tf.Tensor2D, x, 1))([x]);
    expect(values(g!).every(Number.isFinite)).toBe(true);
    tf.dispose([x, g!]);
  });

  it('rejects α ≤ 0', () => {
    const x = randomMatrix(2, 2, 1);
    expect(() => alignment(x, x, 0)).toThrow(/alpha/);
    x.dispose();
  });
});

describe('uniformity', () => {
  beforeAll(useCpu);

  it('is 0 under collapse and −4t for two antipodal points', () => {
    const same = tf.ones([5, 3]) as tf.Tensor2D;
    expect(take(uniformity(same))).toBeCloseTo(0, 6);
    const antipodal = tf.tensor2d([
      [1, 0],
      [-3, 0],
    ]);
    for (const t of [0.5, 2, 40]) expect(take(uniformity(antipodal, t))).toBeCloseTo(-4 * t, 4);
    tf.dispose([same, antipodal]);
  });

  it('matches the mean over the three pairs of an equilateral triangle on the circle', () => {
    const angles = [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3];
    const x = tf.tensor2d(angles.map((a) => [Math.cos(a), Math.sin(a)]));
    // Each pair is at squared distance 3.
    expect(take(uniformity(x, 2))).toBeCloseTo(-6, 5);
    x.dispose();
  });

  it('does not underflow for a large t where every pair is far apart', () => {
    const x = tf.tensor2d([
      [1, 0],
      [-1, 0],
      [0, 1],
    ]);
    // Pairs at squared distances 4, 2, 2 with t = 100: log((e^-400 + 2e^-200)/3).
    const expected = -200 + Math.log(2 / 3);
    expect(take(uniformity(x, 100))).toBeCloseTo(expected, 2);
    x.dispose();
  });

  it('rejects a single row and t ≤ 0', () => {
    const one = randomMatrix(1, 2, 1);
    const two = randomMatrix(2, 2, 2);
    expect(() => uniformity(one)).toThrow(/x needs at least 2 rows/);
    expect(() => uniformity(two, -1)).toThrow(/\bt\b/);
    tf.dispose([one, two]);
  });
});

describe('tolerance', () => {
  it('is the mean cosine of the same-class pairs, rows normalised, other pairs ignored', () => {
    // Class 0: (1, 0), (2, 2) → cos 45°; class 1: (0, 3), (0, −1), (1, 0) → −1, 0, 0.
    const rows = [1, 0, 2, 2, 0, 3, 0, -1, 1, 0];
    const classes = [0, 0, 1, 1, 1];
    expect(tolerance(rows, 2, classes)).toBeCloseTo((Math.SQRT1_2 - 1 + 0 + 0) / 4, 12);
  });

  it('is 1 when each class sits on one point, NaN with no same-class pair, and checks sizes', () => {
    expect(tolerance([0, 1, 0, 2, 1, 0], 2, [3, 3, 4])).toBeCloseTo(1, 12);
    expect(tolerance([0, 1, 1, 0], 2, [0, 1])).toBeNaN();
    expect(() => tolerance([0, 1, 1], 2, [0, 1])).toThrow(/3 numbers are not 2 rows of 2/);
  });
});
