// FlatAdam: the same numbers as tf.AdamOptimizer to the last bit, on the CPU and on WASM, also
// when a variable gets no gradient and when the learning rate changes; nothing leaked.
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { FlatAdam } from '../../src/core/adam';
import { tf } from '../../src/core/tf';
import { leakedBy, randomMatrix, useCpu, values } from './helpers';

/** tf.AdamOptimizer with its learning rate settable, as the Trainer's Adam used to be. */
class TunableAdam extends tf.AdamOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}

/** Variables after `steps` steps of `optimizer` on a small regression; `idle` gets no gradient. */
function train(optimizer: 'flat' | 'tfjs', steps: number): number[][] {
  const w1 = tf.variable(randomMatrix(3, 4, 1));
  const b1 = tf.variable(tf.zeros([4]));
  const w2 = tf.variable(randomMatrix(4, 2, 2));
  const idle = tf.variable(randomMatrix(2, 2, 3));
  const x = randomMatrix(5, 3, 4);
  const y = randomMatrix(5, 2, 5);
  const vars = [w1, b1, w2, idle];
  const loss = () =>
    tf.tidy(() => {
      const h = tf.tanh(tf.add(tf.matMul(x, w1), b1));
      return tf.mean(tf.square(tf.sub(tf.matMul(h as tf.Tensor2D, w2), y))) as tf.Scalar;
    });
  const flat = new FlatAdam(0.05, 0.9, 0.999, 1e-7);
  const adam = new TunableAdam(0.05, 0.9, 0.999, 1e-7);
  for (let step = 0; step < steps; step++) {
    if (step === 3) {
      flat.setLearningRate(0.01);
      adam.setLearningRate(0.01);
    }
    const cost =
      optimizer === 'flat' ? flat.minimize(loss, true, vars) : adam.minimize(loss, true, vars);
    cost?.dispose();
  }
  const out = vars.map(values);
  flat.dispose();
  adam.dispose();
  tf.dispose([...vars, x, y]);
  return out;
}

describe('FlatAdam', () => {
  afterAll(useCpu);

  it('updates exactly as tf.AdamOptimizer, on the CPU and on WASM', async () => {
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      const flat = train('flat', 6);
      expect(flat).toEqual(train('tfjs', 6));
      // The variable without a gradient is left as it was.
      expect(flat[3]).toEqual(values(randomMatrix(2, 2, 3)));
    }
  });

  it('leaves nothing behind after its first step, and frees its state on dispose', async () => {
    await useCpu();
    const w = tf.variable(randomMatrix(3, 3, 6));
    const adam = new FlatAdam(0.1);
    const loss = () => tf.sum(tf.square(w)) as tf.Scalar;
    const before = tf.memory().numTensors;
    adam.minimize(loss, false, [w]);
    expect(tf.memory().numTensors).toBe(before + 2); // the two moment vectors
    expect(leakedBy(() => void adam.minimize(loss, false, [w]))).toBe(0);
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before - 2); // and its two β powers
    w.dispose();
    expect(() => new FlatAdam(0.1).minimize(loss, false, [])).toThrow();
  });
});
