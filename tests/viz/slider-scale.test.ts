import { describe, expect, it } from 'vitest';
import {
  clampValue,
  formatSliderValue,
  fromPosition,
  inputBounds,
  sliderScale,
  stepValue,
  toPosition,
} from '../../src/viz/slider-scale';

describe('slider scale', () => {
  const tau = sliderScale(0.01, 10, 'log');
  const lin = sliderScale(0, 2, 'linear', 0.05);

  it('works on log10 internally for a log scale', () => {
    expect(inputBounds(tau)).toEqual({ min: -2, max: 1, step: 0.01 });
    expect(toPosition(tau, 0.1)).toBeCloseTo(-1, 12);
    expect(fromPosition(tau, -1)).toBe(0.1);
    expect(fromPosition(tau, 0.5)).toBe(3.162);
  });

  it('keeps the ends exact and clamps beyond them', () => {
    expect(fromPosition(tau, -2)).toBe(0.01);
    expect(fromPosition(tau, 1)).toBe(10);
    expect(fromPosition(tau, -7)).toBe(0.01);
    expect(toPosition(tau, 1000)).toBe(1);
    expect(clampValue(tau, NaN)).toBe(0.01);
  });

  it('steps by decades on a log scale without drifting off the grid', () => {
    let v = 0.1;
    for (let i = 0; i < 100; i++) v = stepValue(tau, v, 1);
    expect(v).toBe(1);
    expect(stepValue(tau, 0.1, -10)).toBe(0.07943);
  });

  it('snaps to the step grid on a linear scale, free of float noise', () => {
    expect(fromPosition(lin, 0.333)).toBe(0.35);
    expect(stepValue(lin, 0.1, 1)).toBe(0.15);
    expect(stepValue(lin, 1.98, 10)).toBe(2);
  });

  it('defaults the step to 1/100 of the range (or of a decade)', () => {
    expect(sliderScale(0, 5).step).toBe(0.05);
    expect(sliderScale(1, 100, 'log').step).toBe(0.01);
  });

  it('rejects empty ranges and non-positive log ranges', () => {
    expect(() => sliderScale(1, 1)).toThrow(/empty/);
    expect(() => sliderScale(0, 1, 'log')).toThrow(/min > 0/);
  });

  it('formats with 3 significant digits', () => {
    expect(formatSliderValue(0.012345)).toBe('0.0123');
    expect(formatSliderValue(2)).toBe('2');
    expect(formatSliderValue(0)).toBe('0');
    expect(formatSliderValue(1e-5)).toBe('1.00e-5');
  });
});
