// The loss explorer's numbers: the core's loss and autodiff gradient agree with the closed forms of
// the chapter, the padding trick costs nothing, and no tensor is left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { exploreLoss } from '../../src/support/loss-explorer-model';
import { tf } from '../../src/core/tf';
import { expectClose, useCpu } from '../core/helpers';

const rad = (d: number) => (d * Math.PI) / 180;

/** The chapter's formulas, in plain numbers: L, P and ∂L/∂θ for every point. */
function closedForm(degrees: number[], tau: number) {
  const [a, ...c] = degrees.map(rad);
  const s = c.map((t) => Math.cos(t - a));
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp((v - m) / tau));
  const z = e.reduce((x, y) => x + y, 0);
  const p = e.map((v) => v / z);
  const loss = -Math.log(p[0]);
  // ∂L/∂s_0 = −(1 − P_0)/τ, ∂L/∂s_k = P_k/τ; ∂s_j/∂θ_j = −sin(θ_j − θ_a) = −∂s_j/∂θ_a.
  const dS = p.map((v, j) => (j === 0 ? v - 1 : v) / tau);
  const dCand = c.map((t, j) => -dS[j] * Math.sin(t - a));
  const dAnchor = -dCand.reduce((x, y) => x + y, 0);
  return { s, p, loss, gradients: [dAnchor, ...dCand] };
}

const layouts: [number[], number][] = [
  [[90, 65, 130, 10, 180, -130, -70], 0.5],
  [[0, 40, 20, -90, 170, 100, -10], 0.05],
  [[-45, 135, -40, 60, 0, 90, 180], 3],
  [[10, 10, 10, 10, 10, 10, 10], 1],
];

describe('exploreLoss', () => {
  beforeAll(useCpu);

  it.each(layouts)('matches the closed forms for %j at τ = %f', (degrees, tau) => {
    const reading = exploreLoss(degrees, tau);
    const expected = closedForm(degrees, tau);
    expectClose(reading.similarities, expected.s, { atol: 1e-6 });
    expectClose(reading.probabilities, expected.p, { atol: 2e-6, rtol: 1e-4 });
    expectClose([reading.loss], [expected.loss], { atol: 1e-4, rtol: 1e-4 });
    expectClose(reading.gradients, expected.gradients, { atol: 1e-3, rtol: 1e-3 });
  });

  it('gives each negative its hardness weight and the simple loss with λ = 1/K', () => {
    const degrees = [90, 65, 130, 10, 180, -130, -70];
    const reading = exploreLoss(degrees, 0.5);
    const negatives = reading.probabilities.slice(1);
    const total = negatives.reduce((x, y) => x + y, 0);
    expectClose(
      reading.weights,
      negatives.map((p) => p / total),
      { atol: 1e-6, rtol: 1e-5 },
    );
    const s = reading.similarities;
    const simple = -s[0] + (1 / 5) * s.slice(1).reduce((x, y) => x + y, 0);
    expect(reading.lambda).toBe(0.2);
    expect(reading.simpleLoss).toBeCloseTo(simple, 6);
  });

  it('puts almost all negative weight on the hardest negative at τ = 0.01', () => {
    const reading = exploreLoss([90, 65, 130, 10, 180, -130, -70], 0.01);
    expect(Math.max(...reading.weights)).toBeGreaterThan(0.95);
    expect(reading.weights[0]).toBe(Math.max(...reading.weights));
    expect(Number.isFinite(reading.loss)).toBe(true);
    expect(reading.gradients.every(Number.isFinite)).toBe(true);
  });

  it('has a total angular gradient of zero: turning every point together changes nothing', () => {
    const reading = exploreLoss([30, 70, 100, -20, 160, -120, -60], 0.2);
    expect(Math.abs(reading.gradients.reduce((x, y) => x + y, 0))).toBeLessThan(1e-4);
  });

  it('leaves no tensor behind', () => {
    exploreLoss([90, 65, 130, 10, 180, -130, -70], 0.5);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) exploreLoss([90, 65 + i, 130, 10, 180, -130, -70], 0.1 * (i + 1));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a layout without a negative', () => {
    expect(() => exploreLoss([0, 10], 1)).toThrow(/at least one negative/);
  });
});
