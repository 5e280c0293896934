// The spectrum picture's bars: log10 relative to the largest eigenvalue, clipped at the floor.
import { describe, expect, it } from 'vitest';
import { SPECTRUM_DECADES, spectrumBars } from '../../src/support/spectrum';

describe('spectrumBars', () => {
  it('puts the largest at full height and each decade one step lower', () => {
    const bars = spectrumBars([10, 1, 0.01, 0]);
    expect(bars.map((b) => b.index)).toEqual([1, 2, 3, 4]);
    expect(bars.map((b) => b.log)).toEqual([0, -1, -3, -SPECTRUM_DECADES]);
    expect(bars[0]!.height).toBe(1);
    expect(bars[1]!.height).toBeCloseTo(1 - 1 / SPECTRUM_DECADES, 12);
    expect(bars[3]!.height).toBe(0);
  });

  it('clips below the floor and lays a collapsed (all-zero) spectrum flat', () => {
    expect(spectrumBars([1, 1e-9])[1]!.log).toBe(-SPECTRUM_DECADES);
    expect(spectrumBars([0, 0]).map((b) => b.height)).toEqual([0, 0]);
    expect(spectrumBars([])).toEqual([]);
  });
});
