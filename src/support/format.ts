/**
 * The one way the figures print a number in prose, readouts and tables.
 *
 * Policy: a value that is not a finite number prints as {@link UNKNOWN} ("–", an en dash), never
 * as "NaN", "Infinity" or "undefined". That covers a value not known yet (`undefined`, `null`,
 * NaN before the first reading) and one that cannot be shown (±∞ from a diverged run). Finite
 * values print with a fixed number of decimals, as `Number.prototype.toFixed` does.
 *
 * Slider values and chart ticks use their own, significant-digit formats (src/viz).
 */

/** What a figure shows for a number it does not know (yet). */
export const UNKNOWN = '–';

/** `value` with `digits` decimals, or {@link UNKNOWN} when it is not a finite number. */
export function formatFixed(value: number | null | undefined, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : UNKNOWN;
}

/** A count, rounded to a whole number (a slider over an `int` setting shows its value so). */
export function formatCount(value: number): string {
  return String(Math.round(value));
}

/** A fraction as a percentage with `digits` decimals (`0.1234` → `12.3 %`), or {@link UNKNOWN}. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return typeof fraction === 'number' && Number.isFinite(fraction)
    ? `${(100 * fraction).toFixed(digits)} %`
    : UNKNOWN;
}
