// The CLIP chapter's pictures and captions: shapes in named colours, sizes and sides, each with a
// caption drawn from its attributes (captions.ts). Training draws from a stream of about a million
// captioned pictures, each rendered when a batch draws it, in which ten colour–class combinations
// never occur; the held-out pictures are new draws of the seen combinations, and a second
// held-out set shows only the unseen ones. Seeded: the same index, the same picture and caption.
import { SHAPE_CLASSES } from './classes';
import {
  CAPTION_COLOURS,
  SIDE_BUCKETS,
  SIZE_BUCKETS,
  captionWords,
  classPrompt,
  combinationPrompt,
  describe,
  describes,
  isHeldOutCombination,
  type Caption,
  type PictureAttributes,
} from './captions';
import { luma, type Palette, type Rgb } from './colors';
import { mixSeed, mulberry32, uniform, type UniformSource } from '../prng';
import { renderImage, type ImageSpec } from './render';

/** Pictures in the training stream: 2^20. */
export const CLIP_STREAM_COUNT = 2 ** 20;
/** Seed of the training stream. */
export const CLIP_STREAM_SEED = 2021;
/** Seed of the held-out pictures (seen combinations). */
export const CLIP_HELDOUT_SEED = 2103;
/** Seed of the held-out pictures of the unseen combinations. */
export const CLIP_COMBOS_SEED = 2104;
/** Held-out pictures of seen combinations. */
export const CLIP_HELDOUT_COUNT = 500;
/** Held-out pictures per unseen combination. */
export const CLIP_COMBO_COUNT = 30;
/** The held-out pairs the recall read-outs rank against each other. */
export const CLIP_RETRIEVAL_COUNT = 100;
/** Side of the pictures in pixels. */
const SIZE = 32;
const SUPERSAMPLE = 3;
/**
 * Largest rotation of a picture either way, in radians (10°): the shapes stand about upright. At
 * any angle (the SimCLR pictures') zero-shot accuracy after 1,500 steps was 10 points lower.
 */
const ROTATION = (10 * Math.PI) / 180;

// Independent random streams per picture.
const ATTRIBUTE_STREAM = 0;
const IMAGE_STREAM = 1;
const CAPTION_STREAM = 2;

/** Captioned pictures held in memory. */
export interface CaptionedPictures {
  /** Pixels in [0, 1], `count × size × size × 3`, row-major, channels last. */
  readonly images: Float32Array;
  /** The zero-shot label of each picture: its class (held-out set) or combination (combos set). */
  readonly labels: Int32Array;
  /** One caption per picture. */
  readonly captions: readonly string[];
  /** What each picture shows. */
  readonly attributes: readonly PictureAttributes[];
  readonly size: number;
  readonly count: number;
}

/** A training set of captioned pictures made on demand. */
export interface CaptionStream {
  readonly size: number;
  readonly count: number;
  /** Writes picture `index` into `out` at `offset` and returns its caption. */
  render(index: number, out: Float32Array, offset: number): string;
}

/** Everything the CLIP trainer trains and evaluates on. */
export interface ClipShapes {
  /** Captioned training pictures; the held-out combinations never occur in it. */
  readonly train: CaptionStream;
  /** New pictures of seen combinations; labels are classes, for zero-shot classification. */
  readonly heldOut: CaptionedPictures;
  /** Pictures of the held-out combinations only; labels index {@link ClipShapes.comboPrompts}. */
  readonly combos: CaptionedPictures;
  /** One zero-shot prompt per class: "a picture of a circle". */
  readonly classPrompts: readonly string[];
  /** One prompt per colour–class combination, all of them: "a picture of a red circle". */
  readonly comboPrompts: readonly string[];
  /** Which of the combination prompts are held out of training. */
  readonly heldOutCombos: readonly boolean[];
  /**
   * `matches[i·m + j]` = 1 when caption j of the first m = {@link CLIP_RETRIEVAL_COUNT} held-out
   * pairs is true of picture i: the recall read-outs count a retrieved item as right then.
   */
  readonly matches: Uint8Array;
  /** Every word of every caption and prompt (the text encoder's vocabulary). */
  readonly words: readonly string[];
}

/** A desaturated background whose luma stays at least 0.3 from the foreground's. */
function background(fg: Rgb, rng: UniformSource): readonly [Rgb, Rgb] {
  const y = luma(fg);
  const dark = y - 0.3 > 0.04 && (y + 0.3 > 0.96 || rng() < 0.5);
  const shade = (): Rgb => {
    const level = dark ? uniform(rng, 0.04, y - 0.3) : uniform(rng, y + 0.3, 0.96);
    const tint = (): number => Math.min(1, Math.max(0, level + uniform(rng, -0.04, 0.04)));
    return [tint(), tint(), tint()];
  };
  const first = shade();
  return [first, rng() < 0.5 ? shade() : first];
}

/** The picture's spec: the named colour jittered a little, its size and side from their buckets. */
function pictureSpec(a: PictureAttributes, rng: UniformSource): ImageSpec {
  const shape = SHAPE_CLASSES[a.shape]!;
  const base = CAPTION_COLOURS[a.colour]!.rgb;
  const jitter = (c: number) => Math.min(1, Math.max(0, c + uniform(rng, -0.06, 0.06)));
  const foreground: Rgb = [jitter(base[0]), jitter(base[1]), jitter(base[2])];
  const palette: Palette = { background: background(foreground, rng), foreground };
  const [lo, hi] = a.size >= 0 ? SIZE_BUCKETS[a.size]!.scale : shape.scale;
  const scale = SIZE * uniform(rng, lo, hi);
  const margin = shape.kind === 'shape' ? 0.85 * scale : 0;
  // A shape's centre stays 2 px clear of the middle, on the side its caption may name.
  const cx =
    a.side === 0
      ? uniform(rng, margin, SIZE / 2 - 2)
      : a.side === 1
        ? uniform(rng, SIZE / 2 + 2, SIZE - margin)
        : uniform(rng, 0, SIZE);
  return {
    shape,
    cx,
    cy: uniform(rng, margin, SIZE - margin),
    scale,
    angle: ROTATION * uniform(rng, -1, 1),
    palette,
    gradientAngle: uniform(rng, 0, 2 * Math.PI),
    noise: uniform(rng, 0.01, 0.03),
  };
}

/** Draws a picture's attributes: any class, any colour `allowed` lets through, size and side. */
function drawAttributes(
  rng: UniformSource,
  allowed: (shape: number, colour: number) => boolean,
): PictureAttributes {
  for (;;) {
    const shape = Math.floor(rng() * SHAPE_CLASSES.length);
    const colour = Math.floor(rng() * CAPTION_COLOURS.length);
    if (!allowed(shape, colour)) continue;
    const isShape = SHAPE_CLASSES[shape]!.kind === 'shape';
    return {
      shape,
      colour,
      size: isShape ? Math.floor(rng() * SIZE_BUCKETS.length) : -1,
      side: isShape ? Math.floor(rng() * SIDE_BUCKETS.length) : -1,
    };
  }
}

/** Renders the picture of `attributes` (index `index` of the set seeded `seed`) into `out`. */
function renderPicture(
  seed: number,
  index: number,
  attributes: PictureAttributes,
  out: Float32Array,
  offset: number,
): void {
  const rng = mulberry32(mixSeed(seed, IMAGE_STREAM, index));
  renderImage(pictureSpec(attributes, rng), SIZE, SUPERSAMPLE, rng, out, offset);
}

/** Picture `index` of the set seeded `seed`: its attributes (drawn among `allowed`) and caption. */
function captioned(
  seed: number,
  index: number,
  allowed: (shape: number, colour: number) => boolean,
): { attributes: PictureAttributes; caption: Caption } {
  const attributes = drawAttributes(mulberry32(mixSeed(seed, ATTRIBUTE_STREAM, index)), allowed);
  const caption = describe(attributes, mulberry32(mixSeed(seed, CAPTION_STREAM, index)));
  return { attributes, caption };
}

const seen = (shape: number, colour: number) => !isHeldOutCombination(shape, colour);

/** `count` captioned pictures of the combinations `allowed` lets through, labelled by `label`. */
function pictureSet(
  seed: number,
  count: number,
  allowed: (shape: number, colour: number) => boolean,
  label: (a: PictureAttributes) => number,
): CaptionedPictures {
  const pixels = SIZE * SIZE * 3;
  const images = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  const captions: string[] = [];
  const attributes: PictureAttributes[] = [];
  for (let i = 0; i < count; i += 1) {
    const drawn = captioned(seed, i, allowed);
    renderPicture(seed, i, drawn.attributes, images, i * pixels);
    labels[i] = label(drawn.attributes);
    captions.push(drawn.caption.text);
    attributes.push(drawn.attributes);
  }
  return { images, labels, captions, attributes, size: SIZE, count };
}

/** Index of a colour–class combination among {@link ClipShapes.comboPrompts}. */
export const comboIndex = (shape: number, colour: number) =>
  shape * CAPTION_COLOURS.length + colour;

/**
 * The CLIP trainer's data: a stream of {@link CLIP_STREAM_COUNT} captioned pictures without the
 * held-out combinations; {@link CLIP_HELDOUT_COUNT} held-out pictures of seen combinations; and
 * {@link CLIP_COMBO_COUNT} pictures of each of the ten held-out combinations.
 */
export function clipShapes(): ClipShapes {
  const classes = SHAPE_CLASSES.length;
  const colours = CAPTION_COLOURS.length;
  const heldOut = pictureSet(CLIP_HELDOUT_SEED, CLIP_HELDOUT_COUNT, seen, (a) => a.shape);
  const comboCount = CLIP_COMBO_COUNT * classes;
  const combos = pictureSet(CLIP_COMBOS_SEED, comboCount, isHeldOutCombination, (a) =>
    comboIndex(a.shape, a.colour),
  );
  const comboPrompts: string[] = [];
  const heldOutCombos: boolean[] = [];
  for (let shape = 0; shape < classes; shape += 1) {
    for (let colour = 0; colour < colours; colour += 1) {
      comboPrompts.push(combinationPrompt(shape, colour));
      heldOutCombos.push(isHeldOutCombination(shape, colour));
    }
  }
  // Captions again with what they name, so "true of the picture" is decided by the attributes.
  const m = CLIP_RETRIEVAL_COUNT;
  const named = Array.from({ length: m }, (_, j) => captioned(CLIP_HELDOUT_SEED, j, seen).caption);
  const matches = new Uint8Array(m * m);
  for (let i = 0; i < m; i += 1) {
    for (let j = 0; j < m; j += 1)
      matches[i * m + j] = +describes(named[j]!, heldOut.attributes[i]!);
  }
  return {
    train: {
      size: SIZE,
      count: CLIP_STREAM_COUNT,
      render(index, out, offset) {
        if (!Number.isInteger(index) || index < 0 || index >= CLIP_STREAM_COUNT) {
          throw new RangeError(
            `clipShapes: index ${index} is outside [0, ${CLIP_STREAM_COUNT - 1}]`,
          );
        }
        const { attributes, caption } = captioned(CLIP_STREAM_SEED, index, seen);
        renderPicture(CLIP_STREAM_SEED, index, attributes, out, offset);
        return caption.text;
      },
    },
    heldOut,
    combos,
    classPrompts: Array.from({ length: classes }, (_, c) => classPrompt(c)),
    comboPrompts,
    heldOutCombos,
    matches,
    words: captionWords(),
  };
}

/**
 * Held-out picture `index` of {@link clipShapes} (the same pixels as `heldOut.images` holds) written
 * into `out` at `offset`, and its caption: a page can draw a few thumbnails without generating
 * the whole set.
 */
export function clipHeldOutPicture(index: number, out: Float32Array, offset = 0): string {
  if (!Number.isInteger(index) || index < 0 || index >= CLIP_HELDOUT_COUNT) {
    throw new RangeError(
      `clipHeldOutPicture: index ${index} is outside [0, ${CLIP_HELDOUT_COUNT - 1}]`,
    );
  }
  const { attributes, caption } = captioned(CLIP_HELDOUT_SEED, index, seen);
  renderPicture(CLIP_HELDOUT_SEED, index, attributes, out, offset);
  return caption.text;
}
