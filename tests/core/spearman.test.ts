// Spearman's ρ against values worked out by hand, with and without ties.
import { describe, expect, it } from 'vitest';
import { averageRanks, pearson, spearman } from '../../src/core/spearman';

describe('averageRanks', () => {
  it('ranks from 1 without ties', () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
  });

  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([2, 1, 2, 1, 3])).toEqual([3.5, 1.5, 3.5, 1.5, 5]);
  });
});

describe('spearman', () => {
  it('matches 1 − 6Σd²/(n(n²−1)) when there are no ties', () => {
    // d = [−1, 1, −1, 1, 0], Σd² = 4, ρ = 1 − 24/120 = 0.8.
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('is ±1 for any monotonic relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [0.9, 0.5, 0.1, -3])).toBeCloseTo(-1, 12);
  });

  it('handles ties in one sample with average ranks', () => {
    // y ranks [1, 2, 3.5, 5, 3.5]; deviations from 3: x [−2, −1, 0, 1, 2], y [−2, −1, .5, 2, .5];
    // Σxy = 8, Σx² = 10, Σy² = 9.5, so ρ = 8/√95.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('handles ties in both samples', () => {
    // x ranks [1.5, 1.5, 3, 4], y ranks [1, 2.5, 2.5, 4]; deviations from 2.5:
    // x [−1, −1, .5, 1.5], y [−1.5, 0, 0, 1.5]; Σxy = 3.75, Σx² = 4.5, Σy² = 4.5.
    expect(spearman([1, 1, 2, 3], [0, 5, 5, 9])).toBeCloseTo(3.75 / 4.5, 12);
  });

  it('is NaN when a sample is constant, and throws on bad input', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(/equal length/);
    expect(() => spearman([1], [1])).toThrow(/at least 2/);
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(/finite/);
  });

  it('pearson is the plain correlation coefficient', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
  });
});
