// The small MLP: shapes, seeded initialisation, in-place reinitialisation and disposal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMLP } from '../../src/core';
import { tf } from '../../src/core/tf';
import { leakedBy, randomMatrix, useCpu, values } from './helpers';

describe('createMLP', () => {
  beforeAll(useCpu);

  it('maps [n, in] to [n, out] and holds a weight and a bias per layer', () => {
    const mlp = createMLP([3, 8, 2], { seed: 1 });
    expect(mlp.variables.map((v) => v.shape)).toEqual([[3, 8], [8], [8, 2], [2]]);
    const x = randomMatrix(5, 3, 1);
    const y = mlp.apply(x);
    expect(y.shape).toEqual([5, 2]);
    tf.dispose([x, y]);
    mlp.dispose();
  });

  it('initialises from the seed: same seed, same weights; reinitialize redraws in place', () => {
    const a = createMLP([4, 6, 3], { seed: 9, activation: 'tanh' });
    const b = createMLP([4, 6, 3], { seed: 9, activation: 'tanh' });
    const c = createMLP([4, 6, 3], { seed: 10, activation: 'tanh' });
    expect(values(a.variables[0]!)).toEqual(values(b.variables[0]!));
    expect(values(a.variables[0]!)).not.toEqual(values(c.variables[0]!));
    const first = a.variables[0]!;
    a.reinitialize(10);
    expect(a.variables[0]).toBe(first);
    expect(values(a.variables[0]!)).toEqual(values(c.variables[0]!));
    expect(values(a.variables[1]!).every((v) => v === 0)).toBe(true);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('uses He-uniform bounds before ReLU layers', () => {
    const mlp = createMLP([50, 20, 1], { seed: 2 });
    const limit = Math.sqrt(6 / 50);
    const w = values(mlp.variables[0]!);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.9 * limit);
    mlp.dispose();
  });

  it('applies, reinitialises and disposes without leaking', () => {
    const before = tf.memory().numTensors;
    const mlp = createMLP([2, 4, 4, 2], { seed: 3, activation: 'relu' });
    const x = randomMatrix(3, 2, 1);
    expect(leakedBy(() => mlp.apply(x))).toBe(0);
    expect(
      leakedBy(() => tf.grads((v: tf.Tensor) => tf.sum(mlp.apply(v as tf.Tensor2D)))([x])),
    ).toBe(0);
    expect(leakedBy(() => mlp.reinitialize(4))).toBe(0);
    mlp.dispose();
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad sizes, activations and inputs', () => {
    expect(() => createMLP([3])).toThrow(/layerSizes/);
    expect(() => createMLP([3, 0])).toThrow(/layerSizes\[1\]/);
    expect(() => createMLP([3, 2], { activation: 'gelu' as 'relu' })).toThrow(/activation/);
    const mlp = createMLP([3, 2]);
    const x = randomMatrix(2, 4, 1);
    expect(() => mlp.apply(x)).toThrow(/x must have 3 columns/);
    tf.dispose([x]);
    mlp.dispose();
  });
});
