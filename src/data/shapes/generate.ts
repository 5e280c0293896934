import { SHAPE_CLASSES } from './classes';
import { mixSeed, mulberry32 } from '../prng';
import { renderImage, sampleSpec } from './render';

/** Options of {@link generateShapes}. */
export interface ShapesOptions {
  /** Number of images (a non-negative integer). */
  readonly count: number;
  /** Seed: the same seed always gives the same images. */
  readonly seed: number;
  /** Side of the square images in pixels (8–256); 32 by default. */
  readonly size?: number;
  /** Subsamples per pixel side for anti-aliasing (1–8); 3 by default. */
  readonly supersample?: number;
}

/** A generated data set. Labels are for evaluation only: self-supervised training ignores them. */
export interface ShapesDataset {
  /** Pixels in [0, 1], `count × size × size × 3`, row-major, channels last. */
  readonly images: Float32Array;
  /** Class index of each image, into `classNames`. */
  readonly labels: Int32Array;
  /** Name of each class, indexed by label. */
  readonly classNames: readonly string[];
  /** Side of the square images in pixels. */
  readonly size: number;
  /** Number of images. */
  readonly count: number;
}

// Independent random streams derived from the seed.
const IMAGE_STREAM = 0;
const LABEL_STREAM = 1;
/** Labels of {@link renderShape}'s endless set. */
const STREAM_LABELS = 2;

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `generateShapes: ${name} must be an integer in [${min}, ${max}], got ${value}`,
    );
  }
}

/**
 * Labels in blocks of one image per class, each block shuffled: every class appears equally often
 * (±1), and a longer data set with the same seed extends a shorter one.
 */
function balancedLabels(count: number, seed: number): Int32Array {
  const k = SHAPE_CLASSES.length;
  const labels = new Int32Array(count);
  const block = Array.from({ length: k }, (_, i) => i);
  for (let start = 0; start < count; start += k) {
    const rng = mulberry32(mixSeed(seed, LABEL_STREAM, start / k));
    for (let i = k - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [block[i], block[j]] = [block[j], block[i]];
    }
    for (let i = 0; i < k && start + i < count; i += 1) labels[start + i] = block[i];
  }
  return labels;
}

/** Renders image `index` of class `label` into `out` at `offset` (`size × size × 3` floats). */
function renderAt(
  seed: number,
  index: number,
  label: number,
  size: number,
  supersample: number,
  out: Float32Array,
  offset: number,
): void {
  const rng = mulberry32(mixSeed(seed, IMAGE_STREAM, index));
  const spec = sampleSpec(SHAPE_CLASSES[label], size, rng);
  renderImage(spec, size, supersample, rng, out, offset);
}

/**
 * Generates the built-in shapes data set: ten classes (seven shapes, three textures) of RGB images
 * varying in position, scale, rotation, colours, background gradient and noise. Image `i` depends
 * only on `seed` and `i`: a longer set with the same seed starts with the shorter one.
 */
export function generateShapes({
  count,
  seed,
  size = 32,
  supersample = 3,
}: ShapesOptions): ShapesDataset {
  checkInteger('count', count, 0, 1_000_000);
  checkInteger('size', size, 8, 256);
  checkInteger('supersample', supersample, 1, 8);
  if (!Number.isFinite(seed))
    throw new RangeError(`generateShapes: seed must be finite, got ${seed}`);
  const labels = balancedLabels(count, seed);
  const pixels = size * size * 3;
  const images = new Float32Array(count * pixels);
  for (let i = 0; i < count; i += 1)
    renderAt(seed, i, labels[i], size, supersample, images, i * pixels);
  return { images, labels, classNames: SHAPE_CLASSES.map((c) => c.name), size, count };
}

/**
 * Renders image `index` of an endless shapes set into `out` at `offset` (`size × size × 3` floats)
 * and returns its label. Image `index` depends only on `seed` and `index`, so a trainer can draw
 * from a set far too large to hold in memory. Labels come in blocks of one image per class, each
 * block shuffled on its own (unlike {@link generateShapes}, whose blocks depend on the ones before),
 * so this is not `generateShapes`' set: give it a seed of its own.
 */
export function renderShape(
  { seed, size = 32, supersample = 3 }: Omit<ShapesOptions, 'count'>,
  index: number,
  out: Float32Array,
  offset = 0,
): number {
  checkInteger('index', index, 0, Number.MAX_SAFE_INTEGER);
  checkInteger('size', size, 8, 256);
  checkInteger('supersample', supersample, 1, 8);
  const k = SHAPE_CLASSES.length;
  const block = Array.from({ length: k }, (_, i) => i);
  const rng = mulberry32(mixSeed(seed, STREAM_LABELS, Math.floor(index / k)));
  for (let i = k - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [block[i], block[j]] = [block[j], block[i]];
  }
  const label = block[index % k];
  renderAt(seed, index, label, size, supersample, out, offset);
  return label;
}
