import { tf } from '../../core/tf';
import type { ShapesDataset } from './generate';

/**
 * Copies images of a data set into a `[n, size, size, 3]` tensor the caller must dispose: all of
 * them, or those at `indices` in that order (e.g. `[7]` for one image, or a shuffled batch).
 */
export function shapesToTensor(data: ShapesDataset, indices?: ArrayLike<number>): tf.Tensor4D {
  const { size, count } = data;
  const pixels = size * size * 3;
  if (indices === undefined) return tf.tensor4d(data.images, [count, size, size, 3]);
  const out = new Float32Array(indices.length * pixels);
  for (let i = 0; i < indices.length; i += 1) {
    const index = indices[i];
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`shapesToTensor: index ${index} is outside [0, ${count - 1}]`);
    }
    out.set(data.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
  }
  return tf.tensor4d(out, [indices.length, size, size, 3]);
}
