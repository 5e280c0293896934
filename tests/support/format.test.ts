// The one number format of the figures: fixed decimals, and '–' for anything not finite.
import { describe, expect, it } from 'vitest';
import { UNKNOWN, formatCount, formatFixed, formatPercent } from '../../src/support/format';

describe('formatFixed', () => {
  it('prints a finite number with the given decimals, as toFixed does', () => {
    expect(formatFixed(0.41263, 3)).toBe('0.413');
    expect(formatFixed(-0.3, 4)).toBe('-0.3000');
    expect(formatFixed(2, 0)).toBe('2');
    expect(formatFixed(1.5704, 2)).toBe((1.5704).toFixed(2));
  });

  it("prints '–' for a value not known yet or not finite, never NaN or Infinity", () => {
    expect(UNKNOWN).toBe('–');
    for (const v of [undefined, null, Number.NaN, Infinity, -Infinity]) {
      expect(formatFixed(v, 3)).toBe('–');
    }
  });
});

describe('formatPercent', () => {
  it('prints a fraction as a percentage with a space before the sign', () => {
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(1, 0)).toBe('100 %');
  });

  it("prints '–' for a fraction not known yet", () => {
    expect(formatPercent(undefined)).toBe('–');
    expect(formatPercent(Number.NaN, 1)).toBe('–');
  });
});

describe('formatCount', () => {
  it('prints a whole number', () => {
    expect(formatCount(1024)).toBe('1024');
    expect(formatCount(6.6)).toBe('7');
  });
});
