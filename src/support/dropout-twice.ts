// Pure helpers of the "Dropout is the augmentation" figure: the cosine of two embeddings and the
// colour of one dimension (the reader's text is cut by src/settings/text.ts).
// No tfjs and no DOM here.
import { interpolateRdBu } from 'd3-scale-chromatic';

/** Characters of the reader's text that are encoded; the rest is ignored, with a visible note. */
export const DROPOUT_TEXT_LIMIT = 1_000;

/**
 * Cosine similarity of two vectors, in float64. Identical vectors give exactly 1 (√(x²) = x in
 * IEEE arithmetic); a zero vector gives NaN, since its direction is undefined.
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cosine: lengths differ (${a.length}, ${b.length}).`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return Number.NaN;
  return Math.min(1, Math.max(-1, dot / Math.sqrt(na * nb)));
}

/** Largest absolute value of the first `count` entries of every vector (the strips' shared scale). */
export function stripScale(vectors: readonly ArrayLike<number>[], count: number): number {
  let max = 0;
  for (const v of vectors) {
    for (let i = 0; i < Math.min(count, v.length); i++)
      max = Math.max(max, Math.abs(v[i] as number));
  }
  return max;
}

/** Diverging colour of `value` on `[-scale, scale]`: blue positive, red negative, white zero. */
export function stripColor(value: number, scale: number): string {
  const t = scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : 0;
  return interpolateRdBu(0.5 + t / 2);
}
