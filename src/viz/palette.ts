import { schemeTableau10 } from 'd3-scale-chromatic';

/** The categorical palette shared by every figure: readable on light and dark backgrounds. */
export const CATEGORY_COLORS: readonly string[] = schemeTableau10;

/** Colour of group / class / series `i` (wraps around after ten). */
export function categoryColor(i: number): string {
  const n = CATEGORY_COLORS.length;
  return CATEGORY_COLORS[((Math.trunc(i) % n) + n) % n];
}
