// Average pooling written as a reshape and a mean. On WASM a training step runs faster this way
// than with tf.avgPool, whose gradient kernel (AvgPoolGrad) is the slow part there.
import { tf } from './tf';

/** Averages non-overlapping `f × f` blocks: `[n, h, w, c]` → `[n, h/f, w/f, c]` (h, w divisible by f). */
export function averagePool(x: tf.Tensor4D, f: number): tf.Tensor4D {
  if (f === 1) return x;
  const [n, h, w, c] = x.shape;
  return tf.mean(tf.reshape(x, [n, h / f, f, w / f, f, c]), [2, 4]) as tf.Tensor4D;
}
