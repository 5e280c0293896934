// Claims of docs/what-is-contrastive-learning.md about the loss explorer ("Try this"), checked on
// the figure's own model (`exploreLoss`, what the figure draws) in the stated arrangements. Points
// are angles in degrees in the figure's order: anchor, positive, five negatives; the defaults are
// the figure's (anchor 90°, positive 65°, negatives 130°, 10°, 180°, −130°, −70°, τ = 0.5).
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/settings/schema';
import { LOSS_EXPLORER_SCHEMA } from '../../src/settings/loss-explorer';
import { descentArrow, pointAngles } from '../../src/support/loss-explorer';
import { exploreLoss } from '../../src/support/loss-explorer-model';
import { useCpu } from '../core/helpers';

beforeAll(useCpu);

const DEFAULTS = defaultValues(LOSS_EXPLORER_SCHEMA);
const DEFAULT_ANGLES = pointAngles(DEFAULTS);
/** The default arrangement with some points moved: `{ 2: 100 }` puts negative 1 at 100°. */
const moved = (changes: Record<number, number>) => DEFAULT_ANGLES.map((d, i) => changes[i] ?? d);
/** The arrow of every point is the gradient along the circle; its size, per radian. */
const arrows = (degrees: number[], tau: number) =>
  exploreLoss(degrees, tau).gradients.map(Math.abs);
const largest = (values: number[]) => Math.max(...values);

describe('loss explorer: Try this', () => {
  // The positive on the anchor, the negatives spread evenly around the circle.
  const WON = [90, 90, 150, 210, 270, 330, 30];

  it('"Win the classification": at τ ≤ 0.1 the positive takes P_ip → 1, L → 0, arrows shrink', () => {
    const at = (tau: number) => exploreLoss(WON, tau);
    expect(at(0.1).probabilities[0]).toBeGreaterThan(0.98);
    expect(at(0.1).loss).toBeLessThan(0.02);
    expect(at(0.05).probabilities[0]).toBeGreaterThan(at(0.1).probabilities[0]);
    expect(at(0.05).loss).toBeLessThan(at(0.1).loss);
    expect(largest(arrows(WON, 0.1))).toBeLessThan(0.2 * largest(arrows(WON, 0.5)));
  });

  it('"Win the classification": at τ = 0.5 the positive\'s share is at most 0.92, only with all negatives opposite', () => {
    const bound = 1 / (1 + 5 * Math.exp(-2 / 0.5));
    expect(bound.toFixed(2)).toBe('0.92');
    const opposite = exploreLoss([90, 90, -90, -90, -90, -90, -90], 0.5);
    expect(opposite.probabilities[0]).toBeCloseTo(bound, 6);
    expect(exploreLoss(WON, 0.5).probabilities[0]).toBeLessThan(bound - 0.1);
  });

  it('"Make one negative hard": its P and w grow, the others\' shares shrink, its arrow shortens near the anchor', () => {
    const far = exploreLoss(DEFAULT_ANGLES, 0.5);
    const near = exploreLoss(moved({ 2: 110 }), 0.5);
    expect(near.probabilities[1]).toBeGreaterThan(far.probabilities[1]);
    expect(near.weights[0]).toBeGreaterThan(far.weights[0]);
    for (let k = 1; k < 5; k++) expect(near.weights[k]).toBeLessThan(far.weights[k]!);
    // Simple loss: every share would stay 1/5.
    expect(near.lambda).toBe(1 / 5);
    const touching = exploreLoss(moved({ 2: 92 }), 0.5);
    expect(touching.weights[0]).toBeGreaterThan(near.weights[0]!);
    expect(Math.abs(touching.gradients[2]!)).toBeLessThan(Math.abs(near.gradients[2]!) / 2);
  });

  it('"Overtake the positive": at small τ the loss grows like (s_ik − s_ip)/τ', () => {
    const tau = 0.01;
    const reading = exploreLoss(moved({ 2: 85 }), tau);
    const [sPos, sHard] = reading.similarities;
    expect(sHard).toBeGreaterThan(sPos!);
    expect(reading.loss).toBeCloseTo((sHard! - sPos!) / tau, 1);
    expect(reading.loss).toBeGreaterThan(5 * exploreLoss(DEFAULT_ANGLES, 0.5).loss);
  });

  it('"Cool it down": at τ = 0.01 the hardest negative takes the weight; L ≈ 0 and arrows vanish', () => {
    const cold = exploreLoss(DEFAULT_ANGLES, 0.01);
    expect(cold.weights[0]).toBeGreaterThan(0.99);
    expect(cold.loss).toBeLessThan(1e-4);
    expect(largest(cold.gradients.map(Math.abs))).toBeLessThan(1e-3);
  });

  it('"Cool it down": past the positive, L ≈ (s_ik − s_ip)/τ with arrows on anchor, positive and that negative only', () => {
    const tau = 0.01;
    const passed = exploreLoss(moved({ 2: 80 }), tau);
    const [sPos, sHard] = passed.similarities;
    expect(passed.loss).toBeCloseTo((sHard! - sPos!) / tau, 1);
    const size = passed.gradients.map(Math.abs);
    const shown = Math.min(size[0]!, size[1]!, size[2]!);
    expect(shown).toBeGreaterThan(1);
    for (const other of size.slice(3)) expect(other).toBeLessThan(1e-3 * shown);
  });

  it('"Heat it up": at τ = 10 the probabilities near 1/6, L near log 6, every arrow short', () => {
    const hot = exploreLoss(DEFAULT_ANGLES, 10);
    for (const p of hot.probabilities) expect(Math.abs(p - 1 / 6)).toBeLessThan(0.02);
    expect(Math.abs(hot.loss - Math.log(6))).toBeLessThan(0.05 * Math.log(6));
    // Short: under half the longest arrow at the default τ, and a tenth of the circle's radius.
    const longest = largest(hot.gradients.map(Math.abs));
    expect(longest).toBeLessThan(0.5 * largest(arrows(DEFAULT_ANGLES, 0.5)));
    expect(descentArrow(0, longest, 1).length).toBeLessThan(0.1);
  });

  it('"Send a negative to the far side": opposite the anchor its arrow is 0 at every τ; off it, ≈ 0 at small τ', () => {
    for (const tau of [0.01, 0.1, 0.5, 1, 10]) {
      expect(Math.abs(exploreLoss(moved({ 6: -90 }), tau).gradients[6]!)).toBeLessThan(1e-6);
    }
    const off = (tau: number) => Math.abs(exploreLoss(moved({ 6: -80 }), tau).gradients[6]!);
    expect(off(1)).toBeGreaterThan(1e-3);
    expect(off(0.05)).toBeLessThan(1e-6);
  });
});
