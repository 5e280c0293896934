/**
 * Maps a slider's real value to the position of its `<input type="range">` and back, linearly or
 * on log10 (so τ from 0.01 to 10 gets equal travel per decade), with clamping and snapping.
 */
export interface SliderScale {
  min: number;
  max: number;
  /** Value units for 'linear'; decades (log10 units) for 'log'. */
  step: number;
  log: boolean;
}

/** Builds a scale; `step` defaults to 1/100 of the range (linear) or 1/100 decade (log). */
export function sliderScale(
  min: number,
  max: number,
  scale: 'linear' | 'log' = 'linear',
  step?: number,
): SliderScale {
  const log = scale === 'log';
  if (!(max > min)) throw new Error(`slider range [${min}, ${max}] is empty`);
  if (log && !(min > 0)) throw new Error('a log-scale slider needs min > 0');
  const fallback = log ? 0.01 : (max - min) / 100;
  return { min, max, log, step: step !== undefined && step > 0 ? step : fallback };
}

/** Clamps a real value into the range; NaN becomes `min`. */
export function clampValue(s: SliderScale, value: number): number {
  if (Number.isNaN(value)) return s.min;
  return Math.min(s.max, Math.max(s.min, value));
}

/** The input's `min`, `max` and `step` attributes (log10 units on a log scale). */
export function inputBounds(s: SliderScale): { min: number; max: number; step: number } {
  return s.log
    ? { min: Math.log10(s.min), max: Math.log10(s.max), step: s.step }
    : { min: s.min, max: s.max, step: s.step };
}

/** Position of a real value on the input (clamped). */
export function toPosition(s: SliderScale, value: number): number {
  const v = clampValue(s, value);
  return s.log ? Math.log10(v) : v;
}

const decimals = (step: number) => Math.max(0, Math.min(12, -Math.floor(Math.log10(step)) + 1));

/** Real value at an input position: snapped to the step grid, clamped, free of float noise. */
export function fromPosition(s: SliderScale, position: number): number {
  const b = inputBounds(s);
  const p = Math.min(b.max, Math.max(b.min, position));
  const snapped = b.min + Math.round((p - b.min) / b.step) * b.step;
  const q = Math.min(b.max, Math.max(b.min, snapped));
  if (s.log) {
    // The ends are exact; elsewhere 4 significant digits are plenty for a value read by eye.
    if (q === b.min) return s.min;
    if (q === b.max) return s.max;
    return clampValue(s, Number((10 ** q).toPrecision(4)));
  }
  return clampValue(s, Number(q.toFixed(decimals(b.step))));
}

/** Moves a value by `steps` input steps (negative to go down), as arrow keys and PageUp/Down do. */
export function stepValue(s: SliderScale, value: number, steps: number): number {
  return fromPosition(s, toPosition(s, value) + steps * s.step);
}

/** Default display: 3 significant digits, no exponent for everyday sizes. */
export function formatSliderValue(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(value.toPrecision(3)));
  return value.toExponential(2);
}
