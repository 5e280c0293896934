// Pure helpers of the augmentation studio: the reader-facing description of a view's sampled
// parameters and the checks an uploaded file must pass before it is decoded (its settings are in
// src/settings/augmentation-studio.ts). No DOM and no tfjs, so they run anywhere and are tested
// directly.
import type { ViewParams } from '../core/augment-params';
import { formatFixed } from './format';

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

/** What the studio needs to know about a file before decoding it. */
export interface FileFacts {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** A clear message when `file` cannot be used, or null when it may be decoded. */
export function fileProblem(file: FileFacts): string | null {
  const name = file.name || 'The file';
  if (file.type && !file.type.startsWith('image/')) {
    return `${name} is not an image (it is ${file.type}). Choose a PNG, JPEG, GIF or WebP picture.`;
  }
  if (!file.type && !/\.(png|jpe?g|gif|webp|bmp|avif)$/i.test(file.name)) {
    return `${name} does not look like an image. Choose a PNG, JPEG, GIF or WebP picture.`;
  }
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `${name} is ${mb} MB; the studio takes pictures up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  }
  return null;
}

/** A clear message when decoded dimensions are unusable, or null. */
export function dimensionProblem(name: string, width: number, height: number): string | null {
  if (!(width > 0 && height > 0)) return `${name || 'The file'} has no pixels.`;
  if (width * height > MAX_IMAGE_PIXELS) {
    return `${name || 'The file'} is ${width} × ${height} pixels, too large to resize in the page.`;
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
