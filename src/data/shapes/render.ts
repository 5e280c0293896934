import type { ShapeClass } from './classes';
import { samplePalette, type Palette } from './colors';
import { uniformNoise, uniform, type UniformSource } from '../prng';

/** Everything that decides one image, drawn from its own seeded stream. */
export interface ImageSpec {
  /** The class drawn. */
  readonly shape: ShapeClass;
  /** Centre (shapes) or pattern origin (textures), in pixels. */
  readonly cx: number;
  /** See `cx`. */
  readonly cy: number;
  /** Radius of a shape or period of a texture, in pixels. */
  readonly scale: number;
  /** Rotation in radians. */
  readonly angle: number;
  /** Background and foreground colours. */
  readonly palette: Palette;
  /** Direction of the background gradient, in radians. */
  readonly gradientAngle: number;
  /** Standard deviation of the additive pixel noise (uniform). */
  readonly noise: number;
}

const NOISE_RANGE = [0.01, 0.04] as const;
/** A shape's region lies within its unit disc (the square's corners reach 1.02). */
const SHAPE_EXTENT = 1.05;
/** Distance from a pixel centre to its corner: beyond extent + this, no subsample can hit. */
const HALF_DIAGONAL = Math.SQRT1_2;

/** Draws the parameters of one image of the given class. */
export function sampleSpec(shape: ShapeClass, size: number, rng: UniformSource): ImageSpec {
  const scale = size * uniform(rng, shape.scale[0], shape.scale[1]);
  // Shapes stay (almost) inside the frame; a texture's origin only sets its phase.
  const margin = shape.kind === 'shape' ? 0.85 * scale : 0;
  return {
    shape,
    cx: uniform(rng, margin, size - margin),
    cy: uniform(rng, margin, size - margin),
    scale,
    angle: uniform(rng, 0, 2 * Math.PI),
    palette: samplePalette(rng),
    gradientAngle: uniform(rng, 0, 2 * Math.PI),
    noise: uniform(rng, NOISE_RANGE[0], NOISE_RANGE[1]),
  };
}

/**
 * Fraction of a pixel's ss×ss subsamples that fall inside the class region (anti-aliasing).
 * `cos` and `sin` are those of the rotation divided by the scale.
 */
function coverage(
  spec: ImageSpec,
  cos: number,
  sin: number,
  px: number,
  py: number,
  ss: number,
): number {
  const { shape, cx, cy, scale } = spec;
  if (shape.kind === 'shape') {
    const reach = scale * SHAPE_EXTENT + HALF_DIAGONAL;
    const ex = px + 0.5 - cx;
    const ey = py + 0.5 - cy;
    if (ex * ex + ey * ey > reach * reach) return 0;
  }
  let hits = 0;
  for (let sy = 0; sy < ss; sy += 1) {
    const dy = py + (sy + 0.5) / ss - cy;
    for (let sx = 0; sx < ss; sx += 1) {
      const dx = px + (sx + 0.5) / ss - cx;
      if (shape.inside(dx * cos + dy * sin, dy * cos - dx * sin)) hits += 1;
    }
  }
  return hits / (ss * ss);
}

/**
 * Rasterises one image into `out` (H×W×3, row-major, channels last) starting at `offset`:
 * gradient background, anti-aliased foreground, uniform noise, clamped to [0, 1].
 */
export function renderImage(
  spec: ImageSpec,
  size: number,
  supersample: number,
  rng: UniformSource,
  out: Float32Array,
  offset: number,
): void {
  const [bg0, bg1] = spec.palette.background;
  const fg = spec.palette.foreground;
  const gx = Math.cos(spec.gradientAngle) / size;
  const gy = Math.sin(spec.gradientAngle) / size;
  const half = size / 2;
  const cos = Math.cos(spec.angle) / spec.scale;
  const sin = Math.sin(spec.angle) / spec.scale;
  const noise = uniformNoise(size * size * 3, spec.noise, rng);
  let k = offset;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const c = coverage(spec, cos, sin, px, py, supersample);
      const t = Math.min(1, Math.max(0, 0.5 + (px + 0.5 - half) * gx + (py + 0.5 - half) * gy));
      for (let ch = 0; ch < 3; ch += 1) {
        const bg = bg0[ch] + (bg1[ch] - bg0[ch]) * t;
        const value = bg + (fg[ch] - bg) * c + noise[k - offset];
        out[k] = value < 0 ? 0 : value > 1 ? 1 : value;
        k += 1;
      }
    }
  }
}
