// Average pooling with a hand-written gradient. On WASM the forward tf.avgPool is fast but its
// gradient kernel (AvgPoolGrad) is slow, and a reshape-and-mean is slow both ways; spreading the
// output gradient back by nearest-neighbour upsampling halves a pooling's training cost there.
import { tf } from './tf';

/** Averages non-overlapping `f × f` blocks: `[n, h, w, c]` → `[n, h/f, w/f, c]` (h, w divisible by f). */
export function averagePool(x: tf.Tensor4D, f: number): tf.Tensor4D {
  if (f === 1) return x;
  const [, h, w] = x.shape;
  if (!Number.isInteger(f) || f < 1 || h % f !== 0 || w % f !== 0) {
    throw new RangeError(`averagePool: ${f} must be a whole divisor of ${h}×${w}.`);
  }
  const pool = tf.customGrad((input, save) => {
    (save as tf.GradSaveFunc)([]);
    return {
      value: tf.avgPool(input as tf.Tensor4D, f, f, 'valid'),
      // Each input pixel gets 1/f² of its block's gradient; half-pixel centres map output row y
      // to (y + ½)/f, never on a block boundary, so the upsampling is exact for any f.
      gradFunc: (dy: tf.Tensor) =>
        tf.div(tf.image.resizeNearestNeighbor(dy as tf.Tensor4D, [h, w], false, true), f * f),
    };
  });
  return pool(x) as tf.Tensor4D;
}
