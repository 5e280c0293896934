/**
 * The SimCLR augmentation pipeline (Chen et al. 2020, appendix A) as batched tfjs ops: random
 * resized crop and horizontal flip (one `cropAndResize`), colour jitter in random order, grayscale,
 * Gaussian blur. Parameters are sampled in JavaScript from the caller's seeded generator and
 * returned with the images, so a figure can print them under each view.
 */
import { gaussianBlur } from './augment-blur';
import { grayscale } from './augment-color';
import { colorJitter } from './augment-jitter';
import {
  checkOptions,
  sampleViewParams,
  type AugmentOptions,
  type Uniform,
  type ViewParams,
} from './augment-params';
import { averagePool } from './pool';
import { tf } from './tf';

export { SIMCLR_AUGMENT, SIMCLR_SETTINGS, sampleViewParams } from './augment-params';
export type {
  AugmentOptions,
  CropParams,
  JitterOp,
  JitterParams,
  Uniform,
  ViewParams,
} from './augment-params';

/** An augmented batch (the caller disposes `images`) and the parameters of each view. */
export interface AugmentedBatch {
  readonly images: tf.Tensor4D;
  readonly params: readonly ViewParams[];
}

/** Crop box `[y1, x1, y2, x2]` in cropAndResize's normalised coordinates; x1 > x2 mirrors it. */
function cropBox({ crop, flip }: ViewParams): number[] {
  const { top, left, height, width } = crop ?? { top: 0, left: 0, height: 1, width: 1 };
  return flip ? [top, left + width, top + height, left] : [top, left, top + height, left + width];
}

/**
 * Applies given per-image parameters to a `[n, h, w, 3]` batch in [0, 1]; returns a new tensor in
 * [0, 1] that the caller owns. Steps whose parameters are all off are skipped entirely, so with
 * everything off the result equals the input exactly.
 *
 * @param downscale - average-pools the cropped views by this factor (dividing h and w) before the
 *   colour steps: crops keep the full image's detail, and colour and blur run on fewer pixels.
 */
export function applyAugmentations(
  batch: tf.Tensor4D,
  params: readonly ViewParams[],
  downscale = 1,
): tf.Tensor4D {
  const [n, h, w, c] = batch.shape;
  if (!Number.isInteger(downscale) || downscale < 1 || h % downscale || w % downscale) {
    throw new RangeError(
      `augment: downscale must be a whole divisor of ${h}×${w}, got ${downscale}`,
    );
  }
  if (params.length !== n) {
    throw new RangeError(`augment: ${params.length} parameter sets for a batch of ${n} images`);
  }
  if (c !== 3) throw new RangeError(`augment: expected 3 colour channels, got ${c}`);
  const column = <K extends keyof ViewParams>(key: K) => params.map((p) => p[key]);
  return tf.tidy(() => {
    let x = batch;
    if (params.some((p) => p.crop !== null || p.flip)) {
      const boxes = tf.tensor2d(params.map(cropBox), [n, 4]);
      const indices = tf.range(0, n, 1, 'int32');
      x = tf.image.cropAndResize(x, boxes, indices, [h, w], 'bilinear');
    }
    x = averagePool(x, downscale);
    x = colorJitter(x, column('jitter'));
    if (params.some((p) => p.grayscale)) x = grayscale(x, column('grayscale'));
    const blurred = gaussianBlur(x, column('blurSigma'));
    // Blur is a convex combination; clip only its float rounding.
    x = blurred === x ? x : tf.clipByValue(blurred, 0, 1);
    return x === batch ? tf.clone(batch) : x;
  });
}

/**
 * Samples one view's parameters per image from `rng` and applies them (see
 * {@link applyAugmentations} for `downscale`). Pass `SIMCLR_AUGMENT` for the paper's full
 * pipeline, or e.g. `{ ...SIMCLR_AUGMENT, blur: false }` to toggle steps.
 */
export function augmentBatch(
  batch: tf.Tensor4D,
  options: AugmentOptions,
  rng: Uniform,
  downscale = 1,
): AugmentedBatch {
  checkOptions(options);
  const [n, h, w] = batch.shape;
  const params = Array.from({ length: n }, () => sampleViewParams(options, rng, h, w));
  return { images: applyAugmentations(batch, params, downscale), params };
}

/** The two independently augmented views of every image that SimCLR contrasts (`downscale` as in {@link applyAugmentations}). */
export function twoViews(
  batch: tf.Tensor4D,
  options: AugmentOptions,
  rng: Uniform,
  downscale = 1,
): [AugmentedBatch, AugmentedBatch] {
  return [
    augmentBatch(batch, options, rng, downscale),
    augmentBatch(batch, options, rng, downscale),
  ];
}
