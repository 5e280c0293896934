// SupCon (Khosla et al. 2020, L_out): hand-computed cases, the NT-Xent special case, small τ,
// gradients, argument checks and no leaked tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import { ntXentLoss } from '../../src/core/ntxent';
import { supConLoss } from '../../src/core/supcon';
import { tf } from '../../src/core/tf';
import { leakedBy, randomMatrix, take, useCpu, values } from './helpers';

const matrix = (rows: number[][]) => tf.tensor2d(rows) as tf.Tensor2D;

describe('supConLoss', () => {
  beforeAll(useCpu);

  it('one positive per anchor: −log(e^1 / (e^1 + e^0)), the lone class excluded', () => {
    const z = matrix([
      [1, 0],
      [2, 0], // same direction: the norm must not matter
      [0, 1],
    ]);
    // Anchors 0 and 1: positive at cosine 1, the other sample at cosine 0; anchor 2 has none.
    expect(take(supConLoss(z, [0, 0, 1], 1))).toBeCloseTo(Math.log(1 + Math.exp(-1)), 6);
    z.dispose();
  });

  it('four points on the circle at τ = 0.5: log(2 + e^−2) for every anchor', () => {
    const z = matrix([
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ]);
    // Anchor (1,0): positive (0,1) at 0; negatives (−1,0) at −1/τ = −2 and (0,−1) at 0.
    expect(take(supConLoss(z, [0, 0, 1, 1], 0.5))).toBeCloseTo(Math.log(2 + Math.exp(-2)), 6);
    z.dispose();
  });

  it('several positives: the mean of −log softmax over them, outside the log', () => {
    const z = matrix([
      [1, 0],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
    // τ = 1. Anchors 0 and 1: positives at 1 and 0, denominator e + 1 + e^−1.
    // Anchor 2: positives at 0 and 0, denominator 3. Anchor 3: no positive.
    const d = Math.E + 1 + Math.exp(-1);
    const expected = (2 * (Math.log(d) - 0.5) + Math.log(3)) / 3;
    expect(take(supConLoss(z, [0, 0, 0, 1], 1))).toBeCloseTo(expected, 6);
    z.dispose();
  });

  it('is NT-Xent when the only positive of each view is its other view', () => {
    const z1 = randomMatrix(6, 4, 3);
    const z2 = randomMatrix(6, 4, 4);
    const both = tf.concat([z1, z2]) as tf.Tensor2D;
    const labels = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5];
    for (const tau of [0.1, 0.5]) {
      expect(take(supConLoss(both, labels, tau))).toBeCloseTo(take(ntXentLoss(z1, z2, tau)), 5);
    }
    tf.dispose([z1, z2, both]);
  });

  it('stays finite at τ = 0.01 and has the finite-difference gradient', () => {
    const z = randomMatrix(8, 3, 9);
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    expect(Number.isFinite(take(supConLoss(z, labels, 0.01)))).toBe(true);
    const grad = tf.grad((x: tf.Tensor) => supConLoss(x as tf.Tensor2D, labels, 0.3))(z);
    const analytic = values(grad);
    const base = values(z);
    const h = 1e-2;
    for (const k of [0, 5, 13, 22]) {
      const at = (delta: number) => {
        const shifted = base.slice();
        shifted[k] = (shifted[k] as number) + delta;
        const x = tf.tensor2d(shifted, [8, 3]);
        const v = take(supConLoss(x, labels, 0.3));
        x.dispose();
        return v;
      };
      expect(analytic[k]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 2);
    }
    tf.dispose([z, grad]);
  });

  it('rejects bad arguments with a clear message', () => {
    const z = randomMatrix(4, 2, 1);
    expect(() => supConLoss(z, [0, 0, 1, 1], 0)).toThrow(/tau/);
    expect(() => supConLoss(z, [0, 0, 1], 0.1)).toThrow(/one label per row/);
    expect(() => supConLoss(z, [0, 0.5, 1, 1], 0.1)).toThrow(/labels\[1\]/);
    expect(() => supConLoss(z, [0, 1, 2, 3], 0.1)).toThrow(/no positives/);
    expect(() => supConLoss(tf.tensor1d([1, 2]) as never, [0, 0], 0.1)).toThrow(/2-D/);
    z.dispose();
  });

  it('leaves no tensor behind', () => {
    const z = randomMatrix(10, 3, 2);
    const labels = [0, 1, 0, 1, 2, 2, 0, 1, 2, 0];
    expect(leakedBy(() => supConLoss(z, labels, 0.2))).toBe(0);
    expect(
      leakedBy(() => tf.grad((x: tf.Tensor) => supConLoss(x as tf.Tensor2D, labels, 0.2))(z)),
    ).toBe(0);
    z.dispose();
  });
});
