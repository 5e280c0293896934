import { uniform, type UniformSource } from '../prng';

/** An RGB colour with channels in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** Rec. 601 luma, the weights tf.image's grayscale uses: grayscale views keep the contrast we ask for. */
export function luma([r, g, b]: Rgb): number {
  return 0.2989 * r + 0.587 * g + 0.114 * b;
}

function hsvToRgb(h: number, s: number, v: number): Rgb {
  const channel = (n: number) => {
    const k = (n + h * 6) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [channel(5), channel(3), channel(1)];
}

/** Minimum luma gap between foreground and every background colour. */
const MIN_LUMA_GAP = 0.28;
const MAX_TRIES = 32;

/** A background (two colours for a gradient, equal when solid) and a foreground that stands out. */
export interface Palette {
  /** The two ends of the background gradient. */
  readonly background: readonly [Rgb, Rgb];
  /** The colour of the shape or of the texture's marks. */
  readonly foreground: Rgb;
}

/**
 * Draws a palette: any hue for both, a vivid foreground, and a luma gap so the class stays visible
 * in grayscale. Rejection sampling; if it keeps failing (a gradient spanning dark to light), the
 * background turns solid and the foreground goes to the far end of the luma range.
 */
export function samplePalette(rng: UniformSource): Palette {
  const bg0 = hsvToRgb(rng(), uniform(rng, 0, 1), uniform(rng, 0.05, 1));
  const gradient = rng() < 0.5;
  const bg1 = gradient ? hsvToRgb(rng(), uniform(rng, 0, 0.8), uniform(rng, 0.05, 1)) : bg0;
  const darkest = Math.min(luma(bg0), luma(bg1));
  const lightest = Math.max(luma(bg0), luma(bg1));
  for (let i = 0; i < MAX_TRIES; i += 1) {
    const fg = hsvToRgb(rng(), uniform(rng, 0.35, 1), uniform(rng, 0.2, 1));
    const y = luma(fg);
    if (y > lightest + MIN_LUMA_GAP || y < darkest - MIN_LUMA_GAP) {
      return { background: [bg0, bg1], foreground: fg };
    }
  }
  const fg = luma(bg0) > 0.5 ? hsvToRgb(rng(), 0.6, 0.1) : hsvToRgb(rng(), 0.2, 1);
  return { background: [bg0, bg0], foreground: fg };
}
