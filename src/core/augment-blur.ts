import { tf } from './tf';

/**
 * Kernel radius for an image side, as the SimCLR code: kernel size = ⌊side / 10⌋ rounded to the
 * odd size 2r + 1 with r = ⌊size / 2⌋ (a 32-pixel image gets a 3-tap kernel).
 */
export function blurRadius(side: number): number {
  return Math.floor(Math.floor(side / 10) / 2);
}

/** Normalised 1-D Gaussian taps of the given radius; `null` gives the identity (a unit impulse). */
export function gaussianKernel(sigma: number | null, radius: number): Float32Array {
  const taps = new Float32Array(2 * radius + 1);
  if (sigma === null) {
    taps[radius] = 1;
    return taps;
  }
  let total = 0;
  for (let i = -radius; i <= radius; i += 1) {
    taps[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
    total += taps[i + radius];
  }
  return taps.map((t) => t / total);
}

/**
 * Separable Gaussian blur with a different σ per image (`null`: untouched), reflect-padded so the
 * borders do not darken. The batch is folded into the channel axis, `[1, h, w, n·c]`, so one
 * depthwise convolution per direction blurs every image with its own kernel.
 * Call inside `tf.tidy`.
 */
export function gaussianBlur(x: tf.Tensor4D, sigmas: readonly (number | null)[]): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const radius = blurRadius(Math.min(h, w));
  if (radius === 0 || sigmas.every((s) => s === null)) return x;
  const size = 2 * radius + 1;
  const channels = n * c;
  const filter = new Float32Array(size * channels);
  sigmas.forEach((sigma, image) => {
    const taps = gaussianKernel(sigma, radius);
    for (let t = 0; t < size; t += 1) {
      for (let ch = 0; ch < c; ch += 1) filter[t * channels + image * c + ch] = taps[t];
    }
  });
  const folded = tf.reshape<tf.Rank.R4>(tf.transpose(x, [1, 2, 0, 3]), [1, h, w, channels]);
  const padded = tf.mirrorPad(
    folded,
    [
      [0, 0],
      [radius, radius],
      [radius, radius],
      [0, 0],
    ],
    'reflect',
  );
  const vertical = tf.depthwiseConv2d(
    padded,
    tf.tensor4d(filter, [size, 1, channels, 1]),
    1,
    'valid',
  );
  const blurred = tf.depthwiseConv2d(
    vertical,
    tf.tensor4d(filter, [1, size, channels, 1]),
    1,
    'valid',
  );
  return tf.transpose(tf.reshape(blurred, [h, w, n, c]), [2, 0, 1, 3]);
}
