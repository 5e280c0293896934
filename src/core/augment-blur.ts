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
 * Reflect-pads `r` rows (axis 1) or columns (axis 2): the edge lines are gathered and concatenated,
 * as the CPU backend's `mirrorPad` and strided `slice` are several times slower than the blur.
 */
function reflectPad(x: tf.Tensor4D, r: number, axis: 1 | 2): tf.Tensor4D {
  const n = x.shape[axis];
  const before = Array.from({ length: r }, (_, k) => r - k);
  const after = Array.from({ length: r }, (_, k) => n - 2 - k);
  return tf.concat([tf.gather(x, before, axis), x, tf.gather(x, after, axis)], axis);
}

/**
 * One blur pass along rows or columns. A symmetric kernel is a mix of r + 1 fixed bases (the centre
 * tap, then the pairs at ±d), so one depthwise convolution with a shared filter computes every
 * basis for every image, and a batched matrix product mixes them with each image's own weights.
 */
function blurPass(x: tf.Tensor4D, weights: tf.Tensor3D, r: number, axis: 1 | 2): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const size = 2 * r + 1;
  const bases = new Float32Array(size * c * (r + 1));
  for (let t = 0; t < size; t += 1) {
    for (let ch = 0; ch < c; ch += 1) bases[(t * c + ch) * (r + 1) + Math.abs(t - r)] = 1;
  }
  const filterShape: [number, number, number, number] =
    axis === 1 ? [size, 1, c, r + 1] : [1, size, c, r + 1];
  const filter = tf.tensor4d(bases, filterShape);
  const basisImages = tf.depthwiseConv2d(reflectPad(x, r, axis), filter, 1, 'valid');
  const mixed = tf.matMul(tf.reshape<tf.Rank.R3>(basisImages, [n, h * w * c, r + 1]), weights);
  return tf.reshape(mixed, x.shape);
}

/**
 * Separable Gaussian blur with a different σ per image (`null`: untouched, exactly), reflect-padded
 * so the borders do not darken. Call inside `tf.tidy`.
 */
export function gaussianBlur(x: tf.Tensor4D, sigmas: readonly (number | null)[]): tf.Tensor4D {
  const n = x.shape[0];
  const r = blurRadius(Math.min(x.shape[1], x.shape[2]));
  if (r === 0 || sigmas.every((s) => s === null)) return x;
  // Each image's weight on the centre and on each pair of taps at distance d.
  const mix = new Float32Array(n * (r + 1));
  sigmas.forEach((sigma, i) => mix.set(gaussianKernel(sigma, r).subarray(r), i * (r + 1)));
  const weights = tf.tensor3d(mix, [n, r + 1, 1]);
  return blurPass(blurPass(x, weights, r, 1), weights, r, 2);
}
