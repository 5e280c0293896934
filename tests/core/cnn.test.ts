// The SimCLR chapter's CNN: shapes, seeded initialisation, the hand-written convolution gradient
// against autodiff through tfjs's own conv2d (CPU) and on WASM, bad input, no leaks.
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv3x3, convBlock, createCNN, type ConvBlockOptions } from '../../src/core/cnn';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, take, useCpu, values } from './helpers';

/** Deterministic test tensor of `shape` with values in [−1, 1]. */
function tensorOf(shape: number[], seed: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, (_, i) => Math.sin(1.7 * i + seed * 3.1)),
    shape,
  );
}

/** Value and gradients of a weighted sum of the convolution, ours or tfjs's own. */
function convGrads(own: boolean, inputGradient = true): number[][] {
  return tf.tidy(() => {
    const x = tensorOf([2, 6, 5, 3], 1) as tf.Tensor4D;
    const k = tensorOf([27, 4], 2) as tf.Tensor2D;
    const b = tensorOf([4], 3) as tf.Tensor1D;
    const weights = tensorOf([2, 6, 5, 4], 4);
    const f = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => {
      const y = own
        ? conv3x3(xx as tf.Tensor4D, kk as tf.Tensor2D, bb as tf.Tensor1D, inputGradient)
        : tf.add(
            tf.conv2d(xx as tf.Tensor4D, tf.reshape(kk, [3, 3, 3, 4]) as tf.Tensor4D, 1, 'same'),
            bb,
          );
      return tf.sum(tf.mul(y, weights));
    };
    const { value, grads } = tf.valueAndGrads(f)([x, k, b]);
    return [values(value), ...grads.map(values)];
  });
}

describe('conv3x3', () => {
  beforeAll(useCpu);

  it('equals tf.conv2d with "same" padding, in value and in every gradient', () => {
    const ours = convGrads(true);
    const reference = convGrads(false);
    ours.forEach((part, i) => expectClose(part, reference[i]!, { atol: 1e-4, rtol: 1e-4 }));
  });

  it('skips only the input gradient when asked to', () => {
    const [value, dx, dk, db] = convGrads(true, false);
    const full = convGrads(true);
    expect([value, dk, db]).toEqual([full[0], full[2], full[3]]);
    expect(dx!.every((v) => v === 0)).toBe(true);
    expect(full[1]!.some((v) => v !== 0)).toBe(true);
  });

  it('trains on WASM, which has no filter-gradient kernel, with the same numbers as the CPU', async () => {
    const cpu = convGrads(true);
    await tf.setBackend('wasm');
    try {
      const wasm = convGrads(true);
      wasm.forEach((part, i) => expectClose(part, cpu[i]!, { atol: 1e-4, rtol: 1e-4 }));
    } finally {
      await useCpu();
    }
  });

  it('rejects a kernel that does not match the input channels', () => {
    const x = tf.zeros([1, 4, 4, 3]) as tf.Tensor4D;
    const k = tf.zeros([18, 2]) as tf.Tensor2D;
    const b = tf.zeros([2]) as tf.Tensor1D;
    expect(() => conv3x3(x, k, b)).toThrow(/kernel must be \[27, cout\]/);
    tf.dispose([x, k, b]);
  });
});

/**
 * Value and gradients of a weighted sum of a conv block, ours or written with tfjs's own
 * differentiable ops (conv2d, add, relu, and a reshape-and-mean for the pooling).
 */
function blockGrads(own: boolean, options: Required<Omit<ConvBlockOptions, 'inputGradient'>>) {
  const { activation, pool } = options;
  return tf.tidy(() => {
    const x = tensorOf([3, 8, 4, 2], 11) as tf.Tensor4D;
    const k = tensorOf([18, 5], 12) as tf.Tensor2D;
    const b = tensorOf([5], 13) as tf.Tensor1D;
    const weights = tensorOf([3, 8 / pool, 4 / pool, 5], 14);
    const f = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => {
      let y: tf.Tensor4D;
      if (own) {
        y = convBlock(xx as tf.Tensor4D, kk as tf.Tensor2D, bb as tf.Tensor1D, options);
      } else {
        const filter = tf.reshape(kk, [3, 3, 2, 5]) as tf.Tensor4D;
        const pre = tf.add(tf.conv2d(xx as tf.Tensor4D, filter, 1, 'same'), bb) as tf.Tensor4D;
        const act = activation === 'relu' ? tf.relu(pre) : pre;
        y = tf.mean(tf.reshape(act, [3, 8 / pool, pool, 4 / pool, pool, 5]), [2, 4]);
      }
      return tf.sum(tf.mul(y, weights));
    };
    const { value, grads } = tf.valueAndGrads(f)([x, k, b]);
    return [values(value), ...grads.map(values)];
  });
}

describe('convBlock', () => {
  beforeAll(useCpu);
  afterAll(useCpu);

  const settings: Required<Omit<ConvBlockOptions, 'inputGradient'>>[] = [
    { activation: 'relu', pool: 1 },
    { activation: 'relu', pool: 2 },
    { activation: 'relu', pool: 4 }, // the whole width: a global pool along it
    { activation: 'linear', pool: 2 },
  ];

  it.each(settings)('equals conv, bias, activation and pooling by autodiff: %o', (options) => {
    const ours = blockGrads(true, options);
    const reference = blockGrads(false, options);
    ours.forEach((part, i) => expectClose(part, reference[i]!, { atol: 1e-4, rtol: 1e-4 }));
  });

  it('gives the same numbers on WASM as on the CPU and leaks nothing once its constant exists', async () => {
    const cpu = settings.map((o) => blockGrads(true, o));
    await tf.setBackend('wasm');
    settings.forEach((o, i) => {
      blockGrads(true, o).forEach((part, j) =>
        expectClose(part, cpu[i]![j]!, { atol: 1e-4, rtol: 1e-4 }),
      );
    });
    expect(leakedBy(() => blockGrads(true, settings[1]!))).toBe(0);
  });

  it('rejects a pool that does not divide the map', () => {
    const x = tf.zeros([1, 6, 6, 3]) as tf.Tensor4D;
    const k = tf.zeros([27, 2]) as tf.Tensor2D;
    const b = tf.zeros([2]) as tf.Tensor1D;
    expect(() => convBlock(x, k, b, { pool: 4 })).toThrow(/pool 4 must be a whole divisor/);
    tf.dispose([x, k, b]);
  });
});

describe('createCNN', () => {
  beforeAll(useCpu);
  afterAll(useCpu);

  it('maps [n, 16, 16, 3] images to a 64-d representation and a 32-d projection', () => {
    const cnn = createCNN({ seed: 1 });
    const x = tensorOf([5, 16, 16, 3], 5) as tf.Tensor4D;
    const h = cnn.encode(x);
    const z = cnn.project(x);
    expect(h.shape).toEqual([5, 64]);
    expect(z.shape).toEqual([5, 32]);
    expect(cnn.representationSize).toBe(64);
    expect(cnn.projectionSize).toBe(32);
    expect(cnn.variables.map((v) => v.shape)).toEqual([
      [27, 16],
      [16],
      [144, 32],
      [32],
      [288, 64],
      [64],
      [64, 64],
      [64],
      [64, 32],
      [32],
    ]);
    tf.dispose([x, h, z]);
    cnn.dispose();
  });

  it('is a function of the seed: same seed same network, reinitialize redraws in place', () => {
    const x = tensorOf([3, 16, 16, 3], 6) as tf.Tensor4D;
    const a = createCNN({ seed: 4 });
    const b = createCNN({ seed: 4 });
    const c = createCNN({ seed: 5 });
    const out = (m: ReturnType<typeof createCNN>) => tf.tidy(() => values(m.project(x)));
    expect(out(a)).toEqual(out(b));
    expect(out(a)).not.toEqual(out(c));
    const first = a.variables[0];
    a.reinitialize(5);
    expect(a.variables[0]).toBe(first);
    expect(out(a)).toEqual(out(c));
    [a, b, c].forEach((m) => m.dispose());
    x.dispose();
  });

  it('reads out by flatten and dense: position-aware, reseeded and freed with the rest', () => {
    const before = tf.memory().numTensors;
    const cnn = createCNN({ seed: 2, readout: 'flatten' });
    expect(cnn.options.readout).toBe('flatten');
    // The dense readout [4·4·64, 64] sits between the convolutions and the head.
    expect(cnn.variables.map((v) => v.shape).slice(6, 8)).toEqual([[1024, 64], [64]]);
    const x = tensorOf([2, 16, 16, 3], 8) as tf.Tensor4D;
    // Shifting the picture changes a flatten readout; a global average pool barely notices.
    const shifted = tf.tidy(() =>
      tf.concat([tf.slice(x, [0, 0, 4, 0], [-1, -1, 12, -1]), tf.zeros([2, 16, 4, 3])], 2),
    );
    const average = createCNN({ seed: 2 });
    const change = (m: ReturnType<typeof createCNN>) =>
      tf.tidy(() => {
        const [a, b] = [m.encode(x), m.encode(shifted as tf.Tensor4D)];
        return take(tf.div(tf.norm(tf.sub(a, b)), tf.norm(a)));
      });
    expect(change(cnn)).toBeGreaterThan(2 * change(average));
    const first = tf.tidy(() => values(cnn.encode(x)));
    cnn.reinitialize(3);
    expect(tf.tidy(() => values(cnn.encode(x)))).not.toEqual(first);
    cnn.reinitialize(2);
    expect(tf.tidy(() => values(cnn.encode(x)))).toEqual(first);
    tf.dispose([x, shifted]);
    [cnn, average].forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBe(before);
    expect(() => createCNN({ readout: 'max' as 'average' })).toThrow(/readout must be/);
  });

  it('leaves no tensors behind and frees its variables on dispose', () => {
    const before = tf.memory().numTensors;
    const cnn = createCNN({ channels: [4, 8], head: [8, 4], inputSize: 8 });
    const x = tensorOf([2, 8, 8, 3], 7) as tf.Tensor4D;
    expect(leakedBy(() => cnn.project(x))).toBe(0);
    x.dispose();
    cnn.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects images of the wrong size and layouts that do not pool to whole pixels', () => {
    const cnn = createCNN();
    const x = tf.zeros([1, 32, 32, 3]) as tf.Tensor4D;
    expect(() => cnn.encode(x)).toThrow(/images must be \[n, 16, 16, 3\]/);
    x.dispose();
    cnn.dispose();
    expect(() => createCNN({ inputSize: 10, channels: [4, 4, 4] })).toThrow(/whole pixels/);
    expect(() => createCNN({ channels: [] })).toThrow(/at least one width/);
  });
});
