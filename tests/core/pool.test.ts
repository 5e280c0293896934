// Average pooling, shared by the CNN and the augmentation pipeline's downscale: values, and the
// hand-written gradient against the plain reshape-and-mean formulation's autodiff.
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { averagePool } from '../../src/core/pool';
import { tf } from '../../src/core/tf';
import { expectClose, useCpu, values } from './helpers';

/** The same pooling written with differentiable primitives only. */
function referencePool(x: tf.Tensor4D, f: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  return tf.mean(tf.reshape(x, [n, h / f, f, w / f, f, c]), [2, 4]) as tf.Tensor4D;
}

describe('averagePool', () => {
  beforeAll(useCpu);

  it('averages non-overlapping blocks', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
    const y = averagePool(x, 2);
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(values(y)).toEqual([3.5, 5.5, 11.5, 13.5]);
    expect(averagePool(x, 1)).toBe(x);
    tf.dispose([x, y]);
  });

  it.each([2, 3, 4])('has the gradient of a reshape-and-mean for f = %i', (f) => {
    const x = tf.randomUniform([2, 12, 12, 3], -1, 1, 'float32', f) as tf.Tensor4D;
    const weights = tf.randomUniform([2, 12 / f, 12 / f, 3], -1, 1, 'float32', 10 + f);
    const loss = (pool: typeof averagePool) => (v: tf.Tensor) =>
      tf.sum(tf.mul(tf.square(pool(v as tf.Tensor4D, f)), weights));
    const [ours, reference] = [averagePool, referencePool].map((pool) =>
      tf.tidy(() => values(tf.grad(loss(pool))(x))),
    );
    expectClose(ours!, reference!, { atol: 1e-6 });
    expectClose(values(averagePool(x, f)), values(referencePool(x, f)), { atol: 1e-6 });
    tf.dispose([x, weights]);
  });

  it('gives the same values and gradient on WASM', async () => {
    const x = tf.randomUniform([2, 12, 12, 3], -1, 1, 'float32', 7) as tf.Tensor4D;
    const data = values(x);
    x.dispose();
    const run = () =>
      tf.tidy(() => {
        const input = tf.tensor4d(data, [2, 12, 12, 3]);
        const grad = tf.grad((v: tf.Tensor) => tf.sum(tf.square(averagePool(v as tf.Tensor4D, 3))));
        return [values(averagePool(input, 3)), values(grad(input))];
      });
    const cpu = run();
    await tf.setBackend('wasm');
    try {
      run().forEach((part, i) => expectClose(part, cpu[i]!, { atol: 1e-6 }));
    } finally {
      await useCpu();
    }
  });

  it('rejects a factor that does not divide the image', () => {
    const x = tf.zeros([1, 6, 6, 1]) as tf.Tensor4D;
    expect(() => averagePool(x, 4)).toThrow(/whole divisor of 6×6/);
    x.dispose();
  });
});
