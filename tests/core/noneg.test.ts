// The losses and read-outs of learning without negatives (src/core/noneg.ts): what each one is at
// its known extremes, what gets a gradient, the EMA update and the spectrum. Values against the
// float64 reference are in reference.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  barlowTwinsLoss,
  byolLoss,
  covarianceSpectrum,
  crossCorrelation,
  effectiveRank,
  emaUpdate,
  normalizedOutputStd,
  simsiamLoss,
  stopGradient,
  symmetricEigenvalues,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, randomMatrix, take, useCpu, values } from './helpers';

beforeAll(useCpu);

describe('stopGradient', () => {
  it('passes the value and stops the gradient', () => {
    const x = tf.tensor1d([1, -2, 3]);
    const { value, grad } = tf.valueAndGrad((t: tf.Tensor) =>
      tf.sum(tf.add(tf.mul(t, 2), tf.square(stopGradient(t)))),
    )(x);
    expect(take(value)).toBe(2 * 2 + 14);
    expect(values(grad)).toEqual([2, 2, 2]);
    tf.dispose([x, grad]);
  });
});

describe('SimSiam and BYOL losses', () => {
  it('reach −1 and 0 when every prediction points at its target, and +1 and 8 when opposite', () => {
    const z = randomMatrix(6, 4, 1);
    const minus = tf.neg(z) as tf.Tensor2D;
    expect(take(simsiamLoss(z, z, z, z))).toBeCloseTo(-1, 5);
    expect(take(simsiamLoss(minus, minus, z, z))).toBeCloseTo(1, 5);
    expect(take(byolLoss(z, z, z, z))).toBeCloseTo(0, 5);
    expect(take(byolLoss(minus, minus, z, z))).toBeCloseTo(8, 5);
    tf.dispose([z, minus]);
  });

  it('send no gradient into the targets (SimSiam unless asked to)', () => {
    const [p1, p2, z1, z2] = [1, 2, 3, 4].map((s) => randomMatrix(5, 3, s));
    const gradsOf = (f: (...xs: tf.Tensor2D[]) => tf.Scalar) =>
      tf.grads((...xs: tf.Tensor[]) => f(...(xs as tf.Tensor2D[])))([p1!, p2!, z1!, z2!]);
    const norms = (gs: tf.Tensor[]) => gs.map((g) => take(tf.norm(g)));
    const stopped = gradsOf((a, b, c, d) => simsiamLoss(a!, b!, c!, d!));
    const open = gradsOf((a, b, c, d) => simsiamLoss(a!, b!, c!, d!, false));
    const byol = gradsOf((a, b, c, d) => byolLoss(a!, b!, c!, d!));
    const [s, o, b] = [norms(stopped), norms(open), norms(byol)];
    expect(s[2]).toBe(0);
    expect(s[3]).toBe(0);
    expect(o[2]).toBeGreaterThan(0);
    expect(b[2]).toBe(0);
    expect(b[0]).toBeGreaterThan(0);
    tf.dispose([p1!, p2!, z1!, z2!]);
  });
});

describe('Barlow Twins', () => {
  it('is 0 for identical decorrelated embeddings and counts off-diagonal correlation with λ', () => {
    // Columns of ±1 patterns that are exactly uncorrelated over the batch (Hadamard rows).
    const h = tf.tensor2d([
      [1, 1, 1],
      [-1, 1, -1],
      [1, -1, -1],
      [-1, -1, 1],
    ]);
    expect(take(barlowTwinsLoss(h, h, 1))).toBeCloseTo(0, 4);
    // Two equal columns: C has a 1 at (0, 1) and (1, 0).
    const twins = tf.tensor2d([
      [1, 1, 1],
      [-1, -1, -1],
      [1, 1, -1],
      [-1, -1, 1],
    ]);
    const c = crossCorrelation(twins, twins);
    expectClose(values(c), [1, 1, 0, 1, 1, 0, 0, 0, 1], { atol: 1e-4 });
    expect(take(barlowTwinsLoss(twins, twins, 0))).toBeCloseTo(0, 4);
    expect(take(barlowTwinsLoss(twins, twins, 0.5))).toBeCloseTo(1, 3);
    expect(() => barlowTwinsLoss(h, h, -1)).toThrow(/lambda/);
    tf.dispose([h, twins, c]);
  });
});

describe('read-outs', () => {
  it('normalizedOutputStd: 0 for one direction, near 1/√d for random directions', () => {
    const same = tf.tile(tf.tensor2d([[1, 2, 3, 4]]), [50, 1]) as tf.Tensor2D;
    expect(take(normalizedOutputStd(same))).toBeLessThan(1e-6);
    const random = randomMatrix(4000, 16, 5);
    expect(take(normalizedOutputStd(random))).toBeCloseTo(1 / 4, 2);
    tf.dispose([same, random]);
  });

  it('symmetricEigenvalues and effectiveRank', () => {
    expectClose(symmetricEigenvalues([2, 1, 1, 2], 2), [3, 1], { atol: 1e-12 });
    expectClose(symmetricEigenvalues([5, 0, 0, 0, 1, 0, 0, 0, 3], 3), [5, 3, 1], { atol: 1e-12 });
    expect(effectiveRank([1, 1, 1, 1])).toBeCloseTo(4, 12);
    expect(effectiveRank([7, 0, 0])).toBe(1);
    expect(effectiveRank([0, 0])).toBeNaN();
    expect(covarianceSpectrum([1, 2, 1, 2, 1, 2], 2)).toEqual(new Float64Array([0, 0]));
    expect(() => covarianceSpectrum([1, 2, 3], 2)).toThrow(/rows/);
  });

  it('emaUpdate moves the target toward the online weights by 1 − m', () => {
    const target = [tf.variable(tf.tensor1d([0, 0])), tf.variable(tf.tensor2d([[4]]))];
    const online = [tf.variable(tf.tensor1d([1, -1])), tf.variable(tf.tensor2d([[0]]))];
    emaUpdate(target, online, 0.75);
    expectClose(values(target[0]!), [0.25, -0.25]);
    expectClose(values(target[1]!), [3]);
    emaUpdate(target, online, 0);
    expectClose(values(target[0]!), [1, -1]);
    expect(() => emaUpdate(target, online, 1.5)).toThrow(/momentum/);
    expect(() => emaUpdate(target.slice(1), online, 0.5)).toThrow(/variables/);
    expect(leakedBy(() => emaUpdate(target, online, 0.9))).toBe(0);
    tf.dispose([...target, ...online]);
  });

  it('the losses leave no tensors behind', () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((s) => randomMatrix(6, 3, s));
    barlowTwinsLoss(a!, b!, 0.1).dispose(); // builds the cached identity once
    expect(leakedBy(() => simsiamLoss(a!, b!, c!, d!))).toBe(0);
    expect(leakedBy(() => byolLoss(a!, b!, c!, d!))).toBe(0);
    expect(leakedBy(() => barlowTwinsLoss(a!, b!, 0.1))).toBe(0);
    expect(leakedBy(() => normalizedOutputStd(a!))).toBe(0);
    tf.dispose([a!, b!, c!, d!]);
  });
});
