// Claims of docs/temperature.md about the hardness-weights figure ("Try it" and "Try this"),
// checked on the figure's own model (`temperatureReading`, from the core) and settings. Already
// asserted elsewhere and not repeated here: the worked example and both limits' numbers
// (tests/support/temperature-weights.test.ts), "Drag τ down to 0.01" and "up to 10"
// (the same file and tests/e2e/temperature.e2e.ts), and tied negatives splitting the weight
// (tests/support/temperature-weights.test.ts, tests/components/figures/TemperatureWeights.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPERATURE_SCHEMA } from '../../src/settings/temperature-weights';
import { entropy } from '../../src/support/temperature-weights';
import { temperatureReading } from '../../src/support/temperature-weights-model';
import { useCpu } from '../core/helpers';

beforeAll(useCpu);

/** The worked example: the positive at 0.8, four negatives. */
const S_POS = 0.8;
const EXAMPLE = [0.9, 0.5, 0.1, -0.3];

describe('temperature figure', () => {
  it('"from two to eight" negatives; the temperature slider is logarithmic from 0.01 to 10', () => {
    expect([TEMPERATURE_SCHEMA.count.min, TEMPERATURE_SCHEMA.count.max]).toEqual([2, 8]);
    expect(TEMPERATURE_SCHEMA.tau).toMatchObject({ min: 0.01, max: 10, scale: 'log' });
  });

  it('"Move a weak negative up": at small τ the weight jumps to it abruptly; at large τ the weights barely react', () => {
    /** The moved negative's weight when the weakest (−0.3) is raised to `s`. */
    const weight = (s: number, tau: number) =>
      temperatureReading(S_POS, [0.9, 0.5, 0.1, s], tau).weights[3]!;
    // τ = 0.01: nothing until it nears the hardest (0.9), then nearly all of it.
    expect(weight(0.85, 0.01)).toBeLessThan(0.01);
    expect(weight(0.95, 0.01)).toBeGreaterThan(0.99);
    // τ = 10: over the whole way from −0.3 to 1 its weight moves by under 0.05.
    expect(weight(1, 10) - weight(-0.3, 10)).toBeLessThan(0.05);
    expect(weight(-0.3, 10)).toBeGreaterThan(0.2);
  });

  it('"Find the middle": the weights depend only on (s_ik − s_ij)/τ, so spread decides whether a τ is cold', () => {
    const tau = 0.1;
    const shifted = temperatureReading(
      S_POS - 0.05,
      EXAMPLE.map((s) => s - 0.05),
      tau,
    ).weights;
    const base = temperatureReading(S_POS, EXAMPLE, tau).weights;
    shifted.forEach((w, k) => expect(w).toBeCloseTo(base[k]!, 5));
    // Halving every difference is doubling τ.
    const halved = temperatureReading(
      S_POS,
      EXAMPLE.map((s) => 0.9 + (s - 0.9) / 2),
      tau,
    ).weights;
    const hotter = temperatureReading(S_POS, EXAMPLE, 2 * tau).weights;
    halved.forEach((w, k) => expect(w).toBeCloseTo(hotter[k]!, 5));
    // At τ = 0.1 the spread-out example is cold (the hardest holds 0.98) …
    expect(base[0]).toBeGreaterThan(0.97);
    // … and a bunched set of negatives at the same τ is close to equal weights.
    const bunched = temperatureReading(S_POS, [0.9, 0.89, 0.88, 0.87], tau).weights;
    expect(entropy(bunched)).toBeGreaterThan(Math.log(4) - 0.02);
    // The stated range of τ, 0.05 to 0.5, lies inside the slider's.
    expect(TEMPERATURE_SCHEMA.tau.min).toBeLessThan(0.05);
    expect(TEMPERATURE_SCHEMA.tau.max).toBeGreaterThan(0.5);
  });
});
