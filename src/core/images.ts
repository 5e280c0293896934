// Image sets as the core receives them: plain arrays from whoever made the images (the built-in
// shapes of src/data/shapes, or any other source of the same layout), turned into tensors here.
import { tf } from './tf';

/**
 * Square RGB images with one class label each, as plain arrays. Any object of this shape will do,
 * e.g. a `ShapesDataset` of src/data/shapes; the core never imports the data sets themselves.
 */
export interface ImageSet {
  /** Pixels in [0, 1], `count × size × size × 3`, row-major, channels last. */
  readonly images: Float32Array;
  /** Class index of each image (for evaluation only; self-supervised training ignores them). */
  readonly labels: Int32Array;
  /** Side of the square images in pixels. */
  readonly size: number;
  /** Number of images. */
  readonly count: number;
}

/**
 * Training images made on demand instead of held in memory: `count` square RGB images, image `i`
 * written by `render` (deterministically: the same index, the same pixels). A trainer that draws a
 * few images per step can so use a set far larger than it could store.
 */
export interface ImageStream {
  /** Side of the square images in pixels. */
  readonly size: number;
  /** Number of images. */
  readonly count: number;
  /** Writes image `index`'s `size × size × 3` pixels (in [0, 1]) into `out` at `offset`. */
  render(index: number, out: Float32Array, offset: number): void;
}

/**
 * Copies images of a set into a `[n, size, size, 3]` tensor the caller must dispose: all of them,
 * or those at `indices` in that order (e.g. `[7]` for one image, or a shuffled batch).
 *
 * @throws RangeError on an index outside the set.
 */
export function imagesToTensor(set: ImageSet, indices?: ArrayLike<number>): tf.Tensor4D {
  const { size, count } = set;
  const pixels = size * size * 3;
  if (indices === undefined) return tf.tensor4d(set.images, [count, size, size, 3]);
  const out = new Float32Array(indices.length * pixels);
  for (let i = 0; i < indices.length; i += 1) {
    const index = indices[i];
    if (index === undefined || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`imagesToTensor: index ${index} is outside [0, ${count - 1}]`);
    }
    out.set(set.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
  }
  return tf.tensor4d(out, [indices.length, size, size, 3]);
}
