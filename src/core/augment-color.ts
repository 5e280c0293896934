import type { JitterOp } from './augment-params';
import { tf } from './tf';

// Per-image values are broadcast by a small matrix product (an outer product with ones, or a
// constant 0/1 matrix), so every elementwise op sees equal shapes: on some backends generic
// broadcasting, `tile`, `split` along channels and broadcasting `where` are 10–100× slower.

/** Luma weights of tf.image.rgbToGrayscale (ITU-R BT.601). */
const LUMA = [0.2989, 0.587, 0.114];
/** hsv→rgb channel offsets for R, G, B in the closed form k = (n + 6h) mod 6. */
const HSV_OFFSETS = [5, 3, 1];
/** Columns g − b, b − r, r − g: the numerators of the three hue cases (max in R, G, B). */
const HUE_NUMERATORS = [0, -1, 1, 1, 0, -1, -1, 1, 0];
/** Hue sector where the max is R, G, B. */
const HUE_BASE = [0, 2, 4];

/** `values[i]` spread over image i's `h·w·3` entries, shaped like the batch `[n, h, w, 3]`. */
export function perImage(values: readonly number[], like: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = like.shape;
  const column = tf.tensor2d([...values], [n, 1]);
  return tf.reshape(tf.matMul(column, tf.ones([1, h * w * c])), like.shape);
}

/** A `[p, 1]` column repeated over the three channels: `[p, 3]`. */
function toChannels(column: tf.Tensor): tf.Tensor2D {
  return tf.matMul(column as tf.Tensor2D, tf.ones([1, 3]));
}

/** Gray value of each pixel in all three channels (exactly equal: identical dot products). */
function gray3(x: tf.Tensor4D): tf.Tensor4D {
  const weights = tf.tensor2d(
    LUMA.flatMap((w) => [w, w, w]),
    [3, 3],
  );
  return tf.reshape(tf.matMul(tf.reshape<tf.Rank.R2>(x, [-1, 3]), weights), x.shape);
}

/** Each image's per-channel mean, at every pixel: average, then spread back, by a 0/1 selector. */
function channelMeans(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const m = h * w * c;
  const select = new Float32Array(m * c);
  for (let i = 0; i < m; i += 1) select[i * c + (i % c)] = 1;
  const channelOf = tf.tensor2d(select, [m, c]);
  const means = tf.div(tf.matMul(tf.reshape<tf.Rank.R2>(x, [n, m]), channelOf), h * w);
  return tf.reshape(tf.matMul(means, channelOf, false, true), x.shape);
}

/** Blend `x·(1 − t) + y·t`; exact at t ∈ {0, 1}, unlike `x + (y − x)·t`. */
function blend(x: tf.Tensor4D, y: tf.Tensor4D, t: tf.Tensor4D): tf.Tensor4D {
  return tf.add(tf.mul(x, tf.sub(1, t)), tf.mul(y, t));
}

/** Replaces the images where `mask` is true by their gray value in all three channels. */
export function grayscale(x: tf.Tensor4D, mask: readonly boolean[]): tf.Tensor4D {
  return blend(
    x,
    gray3(x),
    perImage(
      mask.map((m) => (m ? 1 : 0)),
      x,
    ),
  );
}

/** Multiplies every channel. */
function brightness(x: tf.Tensor4D, factor: tf.Tensor4D): tf.Tensor4D {
  return tf.mul(x, factor);
}

/** Scales each channel's deviation from its image mean, as tf.image.adjustContrast. */
function contrast(x: tf.Tensor4D, factor: tf.Tensor4D): tf.Tensor4D {
  const mean = channelMeans(x);
  return tf.add(tf.mul(tf.sub(x, mean), factor), mean);
}

/** Blends with the gray image: 0 gives gray, 1 the input, above 1 more vivid. */
function saturation(x: tf.Tensor4D, factor: tf.Tensor4D): tf.Tensor4D {
  const gray = gray3(x);
  return tf.add(gray, tf.mul(tf.sub(x, gray), factor));
}

/**
 * Rotates hue in HSV space by `shift` (fraction of the wheel), keeping saturation and value:
 * rgb→hue by the usual max-channel cases (picked by a one-hot of the arg-max), then the
 * closed-form hsv→rgb c_n = V − (V − min)·clamp(min(k, 4 − k), 0, 1), k = (n + 6h) mod 6.
 */
function hue(x: tf.Tensor4D, shift: tf.Tensor4D): tf.Tensor4D {
  const pixels = tf.reshape<tf.Rank.R2>(x, [-1, 3]);
  const max = tf.max(pixels, 1, true);
  const chroma = tf.sub(max, tf.min(pixels, 1, true));
  const which = tf.cast(tf.oneHot(tf.argMax(pixels, 1), 3), 'float32');
  const numerators = tf.matMul(pixels, tf.tensor2d(HUE_NUMERATORS, [3, 3]));
  const numerator = tf.sum(tf.mul(numerators, which), 1, true);
  // Gray pixels have a zero numerator; the floor on the chroma only avoids 0/0.
  const sector = tf.add(
    tf.div(numerator, tf.maximum(chroma, 1e-12)),
    tf.matMul(which, tf.tensor2d(HUE_BASE, [3, 1])),
  );
  // `shift` already holds each image's value in every channel of every pixel.
  const turned = tf.add(toChannels(sector), tf.mul(tf.reshape(shift, [-1, 3]), 6));
  const k = tf.mod(tf.add(turned, tf.tensor1d(HSV_OFFSETS)), 6);
  const ramp = tf.clipByValue(tf.minimum(k, tf.sub(4, k)), 0, 1);
  return tf.reshape(tf.sub(toChannels(max), tf.mul(toChannels(chroma), ramp)), x.shape);
}

/** The colour-jitter ops, each taking per-image values spread like the batch. */
export const COLOR_OPS: Record<JitterOp, (x: tf.Tensor4D, value: tf.Tensor4D) => tf.Tensor4D> = {
  brightness,
  contrast,
  saturation,
  hue,
};

/** The value of each op that leaves an image unchanged (up to float rounding). */
export const COLOR_OP_IDENTITY: Record<JitterOp, number> = {
  brightness: 1,
  contrast: 1,
  saturation: 1,
  hue: 0,
};
