/**
 * The SimCLR augmentation settings (Chen et al. 2020, appendix A) and the per-image parameters
 * sampled from them. Sampling happens in JavaScript from a caller-supplied seeded generator, so the
 * same seed gives the same views on every backend, and the parameters can be shown to the reader.
 */

/** A function returning independent uniform draws in [0, 1), e.g. a seeded mulberry32. */
export type Uniform = () => number;

/** The four colour-jitter operations, applied in a random order per image as in the paper. */
export type JitterOp = 'brightness' | 'contrast' | 'saturation' | 'hue';

/** Which augmentations run, and the colour-jitter strength s. */
export interface AugmentOptions {
  /** Random resized crop (area 8–100 %, aspect 3/4–4/3), resized back bilinearly. */
  readonly crop: boolean;
  /** Horizontal flip with probability 0.5. */
  readonly flip: boolean;
  /** Colour jitter with probability 0.8. */
  readonly colorJitter: boolean;
  /** Grayscale with probability 0.2. */
  readonly grayscale: boolean;
  /** Gaussian blur with probability 0.5. */
  readonly blur: boolean;
  /** Colour-jitter strength s ≥ 0: brightness, contrast, saturation 0.8s; hue 0.2s (capped at 0.5). */
  readonly strength: number;
  /** Smallest crop area, as a fraction of the image, in (0, 1] (default 0.08, the paper's). */
  readonly minCropArea?: number;
}

/** The paper's ImageNet pipeline: everything on, s = 1 (its CIFAR-10 runs used s = 0.5, no blur). */
export const SIMCLR_AUGMENT: AugmentOptions = {
  crop: true,
  flip: true,
  colorJitter: true,
  grayscale: true,
  blur: true,
  strength: 1,
};

/** The paper's probabilities and ranges. */
export const SIMCLR_SETTINGS = {
  /** Crop area as a fraction of the image, drawn uniformly. */
  cropArea: [0.08, 1],
  /** Crop aspect ratio width / height, drawn log-uniformly. */
  cropAspect: [3 / 4, 4 / 3],
  /** Tries before falling back to the whole image, as torchvision's RandomResizedCrop. */
  cropAttempts: 10,
  flipProbability: 0.5,
  jitterProbability: 0.8,
  /** Brightness, contrast and saturation factors lie in [1 − 0.8s, 1 + 0.8s] (floored at 0). */
  jitterScale: 0.8,
  /** Hue shift, as a fraction of the colour wheel, lies in [−0.2s, 0.2s]. */
  hueScale: 0.2,
  grayscaleProbability: 0.2,
  blurProbability: 0.5,
  /** Blur σ in pixels, drawn uniformly; the kernel spans about 10 % of the side (see blurRadius). */
  blurSigma: [0.1, 2.0],
} as const;

/** A crop box as fractions of the image height and width. */
export interface CropParams {
  /** Top edge, as a fraction of the height. */
  readonly top: number;
  /** Left edge, as a fraction of the width. */
  readonly left: number;
  /** Crop height, as a fraction of the height. */
  readonly height: number;
  /** Crop width, as a fraction of the width. */
  readonly width: number;
}

/** Sampled colour-jitter factors and their order. */
export interface JitterParams {
  /** Multiplies every channel. */
  readonly brightness: number;
  /** Scales deviations from each channel's mean. */
  readonly contrast: number;
  /** Scales deviations from the pixel's gray value. */
  readonly saturation: number;
  /** Hue rotation as a fraction of the colour wheel. */
  readonly hue: number;
  /** The order the four ops run in for this image. */
  readonly order: readonly JitterOp[];
}

/** The parameters of one augmented view; `null` or `false` means that step was not applied. */
export interface ViewParams {
  /** The crop box, resized back to the full image. */
  readonly crop: CropParams | null;
  /** Mirrored left to right. */
  readonly flip: boolean;
  /** Colour-jitter factors and order. */
  readonly jitter: JitterParams | null;
  /** Turned to gray. */
  readonly grayscale: boolean;
  /** Standard deviation of the Gaussian blur in pixels. */
  readonly blurSigma: number | null;
}

const JITTER_OPS: readonly JitterOp[] = ['brightness', 'contrast', 'saturation', 'hue'];

function between(rng: Uniform, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** Area and log-uniform aspect as torchvision's RandomResizedCrop; the whole image if all tries fail. */
function sampleCrop(rng: Uniform, height: number, width: number, minArea: number): CropParams {
  const maxArea = SIMCLR_SETTINGS.cropArea[1];
  const [minAspect, maxAspect] = SIMCLR_SETTINGS.cropAspect;
  for (let i = 0; i < SIMCLR_SETTINGS.cropAttempts; i += 1) {
    const area = between(rng, minArea, maxArea) * height * width;
    const aspect = Math.exp(between(rng, Math.log(minAspect), Math.log(maxAspect)));
    const h = Math.sqrt(area / aspect) / height;
    const w = Math.sqrt(area * aspect) / width;
    if (h <= 1 && w <= 1) {
      return { top: rng() * (1 - h), left: rng() * (1 - w), height: h, width: w };
    }
  }
  return { top: 0, left: 0, height: 1, width: 1 };
}

function sampleJitter(rng: Uniform, strength: number): JitterParams {
  const spread = SIMCLR_SETTINGS.jitterScale * strength;
  const factor = () => between(rng, Math.max(0, 1 - spread), 1 + spread);
  const brightness = factor();
  const contrast = factor();
  const saturation = factor();
  const maxHue = Math.min(0.5, SIMCLR_SETTINGS.hueScale * strength);
  const hue = between(rng, -maxHue, maxHue);
  const order = [...JITTER_OPS];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { brightness, contrast, saturation, hue, order };
}

/** Throws a clear error for options that cannot be sampled from. */
export function checkOptions(options: AugmentOptions): void {
  if (!Number.isFinite(options.strength) || options.strength < 0) {
    throw new RangeError(`augment: strength must be a finite number ≥ 0, got ${options.strength}`);
  }
  const area = options.minCropArea;
  if (area !== undefined && !(area > 0 && area <= 1)) {
    throw new RangeError(`augment: minCropArea must lie in (0, 1], got ${area}`);
  }
}

/**
 * Samples the parameters of one view of an image of the given size. Every draw is made whatever
 * the toggles, so switching one augmentation off leaves the others' parameters unchanged.
 */
export function sampleViewParams(
  options: AugmentOptions,
  rng: Uniform,
  height: number,
  width: number,
): ViewParams {
  checkOptions(options);
  const minArea = options.minCropArea ?? SIMCLR_SETTINGS.cropArea[0];
  const crop = sampleCrop(rng, height, width, minArea);
  const flip = rng() < SIMCLR_SETTINGS.flipProbability;
  const jitterApplies = rng() < SIMCLR_SETTINGS.jitterProbability;
  const jitter = sampleJitter(rng, options.strength);
  const grayscale = rng() < SIMCLR_SETTINGS.grayscaleProbability;
  const blurApplies = rng() < SIMCLR_SETTINGS.blurProbability;
  const sigma = between(rng, SIMCLR_SETTINGS.blurSigma[0], SIMCLR_SETTINGS.blurSigma[1]);
  return {
    crop: options.crop ? crop : null,
    flip: options.flip && flip,
    jitter: options.colorJitter && jitterApplies ? jitter : null,
    grayscale: options.grayscale && grayscale,
    blurSigma: options.blur && blurApplies ? sigma : null,
  };
}
