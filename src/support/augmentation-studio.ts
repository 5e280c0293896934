// Pure helpers of the augmentation studio: the reader-facing description of a view's sampled
// parameters and the checks an uploaded file must pass before it is decoded: its size, then the
// format and dimensions its header states (./image-header.ts). Its settings are in
// src/settings/augmentation-studio.ts. No DOM and no tfjs, so they run anywhere and are tested
// directly.
import type { ViewParams } from '../core/augment-params';
import { formatFixed } from './format';
import { FORMAT_NAMES, type ImageHeader } from './image-header';

/** Side, in pixels, of the square image the studio augments (built-in or uploaded). */
export const STUDIO_SIZE = 96;
/** Largest file the studio will try to decode. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest decoded image, in pixels, the studio will resize (a guard against decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const pct = (x: number) => `${Math.round(100 * x)} %`;
const fixed = (x: number) => formatFixed(x, 2);

/**
 * One short line per augmentation that was applied to a view, in pipeline order; a single line
 * saying so when none was.
 */
export function describeView(p: ViewParams): string[] {
  const lines: string[] = [];
  if (p.crop) {
    const area = p.crop.height * p.crop.width;
    const aspect = p.crop.width / p.crop.height;
    lines.push(`crop ${pct(area)} of the area, aspect ${fixed(aspect)}`);
  }
  if (p.flip) lines.push('flipped left–right');
  if (p.jitter) {
    const j = p.jitter;
    const hue = `${j.hue >= 0 ? '+' : '−'}${Math.abs(j.hue).toFixed(2)}`;
    lines.push(
      `brightness ×${fixed(j.brightness)}, contrast ×${fixed(j.contrast)}, ` +
        `saturation ×${fixed(j.saturation)}, hue ${hue}`,
    );
    lines.push(`jitter order: ${j.order.join(' → ')}`);
  }
  if (p.grayscale) lines.push('grayscale');
  if (p.blurSigma !== null) lines.push(`blur σ = ${p.blurSigma.toFixed(1)} px`);
  return lines.length ? lines : ['no augmentation (this view is the original)'];
}

/** Lines of a view's caption in the studio: always this many, so every caption is as tall. */
export const CAPTION_LINES = 6;

const JITTER_SHORT = { brightness: 'bri', contrast: 'con', saturation: 'sat', hue: 'hue' } as const;

/**
 * A view's caption: {@link CAPTION_LINES} short lines in pipeline order, one slot per stage, so
 * captions line up from view to view and never change height (`''` where a stage has nothing to
 * add). {@link describeView} has the full sentences, for the picture's accessible name.
 */
export function viewCaption(p: ViewParams): string[] {
  const crop = p.crop
    ? `crop ${pct(p.crop.height * p.crop.width)}, aspect ${fixed(p.crop.width / p.crop.height)}`
    : 'no crop';
  const flip = p.flip ? 'flipped left–right' : 'not flipped';
  let jitter = ['no colour jitter', '', ''];
  if (p.jitter) {
    const j = p.jitter;
    const hue = `${j.hue >= 0 ? '+' : '−'}${Math.abs(j.hue).toFixed(2)}`;
    jitter = [
      `brightness ×${fixed(j.brightness)}, contrast ×${fixed(j.contrast)}`,
      `saturation ×${fixed(j.saturation)}, hue ${hue}`,
      `order ${j.order.map((op) => JITTER_SHORT[op]).join(' → ')}`,
    ];
  }
  const last = [
    p.grayscale ? 'grayscale' : '',
    p.blurSigma === null ? '' : `blur σ = ${p.blurSigma.toFixed(1)} px`,
  ];
  return [crop, flip, ...jitter, last.filter(Boolean).join(', ')];
}

/** What the studio needs to know about a file before decoding it. */
export interface FileFacts {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

const SUPPORTED = 'Choose a PNG, JPEG, GIF, WebP or BMP picture.';
const whole = (n: number) => n.toLocaleString('en');

/** A clear message when `file` is empty or too big to read, or null when its header may be read. */
export function fileProblem(file: FileFacts): string | null {
  const name = file.name || 'The file';
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_FILE_BYTES) {
    // Exact bytes: a rounded size can read as the limit itself ("20.0 MB; … up to 20 MB").
    return (
      `${name} is ${whole(file.size)} bytes; the studio takes pictures up to ` +
      `${whole(MAX_FILE_BYTES)} bytes (${MAX_FILE_BYTES / 1024 / 1024} MiB).`
    );
  }
  return null;
}

/**
 * A clear message when the file's header (its format and stated size, read from its bytes) rules
 * it out, or null when it may be decoded.
 */
export function headerProblem(file: FileFacts, header: ImageHeader): string | null {
  const name = file.name || 'The file';
  if (header.status === 'ok') return dimensionProblem(name, header.width, header.height);
  if (header.status === 'unsupported') {
    const format = FORMAT_NAMES[header.format];
    return `${name} is in ${format} format, which the studio does not support. ${SUPPORTED}`;
  }
  if (file.type && !file.type.startsWith('image/')) {
    return `${name} is not an image (it is ${file.type}). ${SUPPORTED}`;
  }
  if (header.status === 'unknown') {
    return `${name} is not in a format the studio can read. ${SUPPORTED}`;
  }
  const format = FORMAT_NAMES[header.format];
  return header.status === 'truncated'
    ? `${name} is a ${format} file cut short before it states its size; it may be damaged.`
    : `${name} is a ${format} file with a damaged header: ${header.reason}.`;
}

/** A clear message when an image's dimensions are unusable, or null. */
export function dimensionProblem(name: string, width: number, height: number): string | null {
  if (!(width > 0 && height > 0)) return `${name || 'The file'} has no pixels.`;
  if (width * height > MAX_IMAGE_PIXELS) {
    return (
      `${name || 'The file'} is ${whole(width)} × ${whole(height)} = ${whole(width * height)} ` +
      `pixels; the studio takes pictures up to ${whole(MAX_IMAGE_PIXELS)} pixels ` +
      `(${MAX_IMAGE_PIXELS / 1e6} megapixels).`
    );
  }
  return null;
}

/**
 * Where to crop a `width × height` image so the largest centred square remains, as `[x, y, side]`
 * in source pixels (the studio then scales that square to {@link STUDIO_SIZE}).
 */
export function centreSquare(width: number, height: number): [number, number, number] {
  const side = Math.min(width, height);
  return [Math.floor((width - side) / 2), Math.floor((height - side) / 2), side];
}
