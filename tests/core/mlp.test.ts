// The small MLP: shapes, seeded initialisation, in-place reinitialisation and disposal, and its
// layers' hand-written gradient against autodiff on the CPU and on WASM.
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMLP, type Activation } from '../../src/core';
import { dense } from '../../src/core/mlp';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, randomMatrix, useCpu, values } from './helpers';

/** Value and gradients of a weighted sum of one layer, ours or by tfjs's autodiff. */
function layerGrads(own: boolean, activation: Activation): number[][] {
  return tf.tidy(() => {
    const x = randomMatrix(6, 5, 21);
    const w = randomMatrix(5, 4, 22);
    const b = tf.tensor1d([0.3, -0.2, 0.1, -0.4]);
    const weights = randomMatrix(6, 4, 24);
    const f = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => {
      const pre = tf.add(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D), bb);
      const reference =
        activation === 'relu' ? tf.relu(pre) : activation === 'tanh' ? tf.tanh(pre) : pre;
      const y = own
        ? dense(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, activation)
        : reference;
      return tf.sum(tf.mul(y, weights));
    };
    const { value, grads } = tf.valueAndGrads(f)([x, w, b]);
    return [values(value), ...grads.map(values)];
  });
}

describe('dense', () => {
  beforeAll(useCpu);
  afterAll(useCpu);
  const activations: Activation[] = ['relu', 'tanh', 'linear'];

  it.each(activations)('equals the product, bias and %s by autodiff', (activation) => {
    const ours = layerGrads(true, activation);
    layerGrads(false, activation).forEach((part, i) =>
      expectClose(ours[i]!, part, { atol: 1e-5, rtol: 1e-5 }),
    );
  });

  it('gives the same numbers on WASM as on the CPU, without leaks', async () => {
    const cpu = activations.map((a) => layerGrads(true, a));
    await tf.setBackend('wasm');
    activations.forEach((a, i) =>
      layerGrads(true, a).forEach((part, j) =>
        expectClose(part, cpu[i]![j]!, { atol: 1e-5, rtol: 1e-5 }),
      ),
    );
    expect(leakedBy(() => layerGrads(true, 'relu'))).toBe(0);
  });
});

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

  it('computes the same function and gradients with fused layers', () => {
    const x = randomMatrix(4, 3, 5);
    const run = (fused: boolean) => {
      const mlp = createMLP([3, 6, 6, 2], { seed: 7, fused });
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(mlp.apply(x))));
      const out = [values(value), ...mlp.variables.map((v) => values(grads[v.name]!))];
      tf.dispose([value, grads] as tf.TensorContainer);
      mlp.dispose();
      return out;
    };
    const fused = run(true);
    run(false).forEach((part, i) => expectClose(fused[i]!, part, { atol: 1e-5, rtol: 1e-5 }));
    x.dispose();
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
