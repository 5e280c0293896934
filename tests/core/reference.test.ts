// Every loss against values and gradients computed independently in float64 PyTorch
// (scripts/reference/losses.py), at float32 precision.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alignment,
  barlowTwinsLoss,
  byolLoss,
  covarianceSpectrum,
  effectiveRank,
  hardnessWeights,
  infoNCELoss,
  infoNCEWithNegatives,
  marginContrastiveLoss,
  normalizedOutputStd,
  ntXentLoss,
  simsiamLoss,
  supervisedSimCSELoss,
  tripletLoss,
  uniformity,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, loadReference, useCpu, values, type ReferenceCase } from './helpers';

type Loss = (inputs: tf.Tensor2D[], params: ReferenceCase['params']) => tf.Scalar;

const num = (p: ReferenceCase['params'], key: string): number => p[key] as number;

const losses: Record<string, Loss> = {
  ntXentLoss: ([a, b], p) => ntXentLoss(a!, b!, num(p, 'tau')),
  infoNCELoss: ([a, b], p) => infoNCELoss(a!, b!, num(p, 'tau')),
  infoNCEWithNegatives: ([q, k, n], p) => infoNCEWithNegatives(q!, k!, n!, num(p, 'tau')),
  supervisedSimCSELoss: ([h, pos, neg], p) => supervisedSimCSELoss(h!, pos!, neg!, num(p, 'tau')),
  alignment: ([x, y], p) => alignment(x!, y!, num(p, 'alpha')),
  uniformity: ([x], p) => uniformity(x!, num(p, 't')),
  marginContrastiveLoss: ([x1, x2], p) =>
    marginContrastiveLoss(x1!, x2!, tf.tensor1d(p.similar as number[]), num(p, 'margin')),
  tripletLoss: ([a, pos, neg], p) => tripletLoss(a!, pos!, neg!, num(p, 'margin')),
  simsiamLoss: ([p1, p2, z1, z2], p) => simsiamLoss(p1!, p2!, z1!, z2!, p.stopGradient === 1),
  byolLoss: ([q1, q2, t1, t2]) => byolLoss(q1!, q2!, t1!, t2!),
  barlowTwinsLoss: ([z1, z2], p) => barlowTwinsLoss(z1!, z2!, num(p, 'lam')),
};

const fixture = loadReference();

describe('reference values (PyTorch float64)', () => {
  beforeAll(useCpu);

  it('covers every loss in the fixture', () => {
    expect(new Set(fixture.cases.map((c) => c.name))).toEqual(new Set(Object.keys(losses)));
  });

  for (const c of fixture.cases) {
    it(`${c.name} ${JSON.stringify(c.params)}: value and gradients`, () => {
      const loss = losses[c.name]!;
      const inputs = Object.values(c.inputs).map((rows) => tf.tensor2d(rows));
      const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) =>
        loss(xs as tf.Tensor2D[], c.params),
      )(inputs);
      // Gradients scale with 1/τ; compare relative to the largest entry of each.
      expectClose(values(value), [c.value], { atol: 1e-6, rtol: 2e-6 });
      Object.values(c.grads).forEach((expected, i) => {
        const flat = expected.flat();
        // A stopped input's gradient is all zeros: compare it exactly (scale 0).
        const scale = Math.max(...flat.map(Math.abs));
        expectClose(values(grads[i]!), flat, { atol: 2e-6 * scale, rtol: 2e-5 });
      });
      tf.dispose([value, grads, inputs]);
    });
  }

  it('covarianceSpectrum, effectiveRank and normalizedOutputStd', () => {
    for (const s of fixture.spectra) {
      const d = s.rows[0]!.length;
      const spectrum = covarianceSpectrum(s.rows.flat(), d);
      const top = s.eigenvalues[0]!;
      expectClose(spectrum, s.eigenvalues, { atol: 1e-12 * top, rtol: 1e-9 });
      expect(effectiveRank(spectrum)).toBeCloseTo(s.effectiveRank, 9);
      const z = tf.tensor2d(s.rows);
      const std = normalizedOutputStd(z);
      expectClose(values(std), [s.normalizedStd], { atol: 1e-6, rtol: 1e-5 });
      tf.dispose([z, std]);
    }
  });

  it('hardnessWeights', () => {
    for (const h of fixture.hardness) {
      const w = hardnessWeights(h.sPos, tf.tensor1d(h.sNeg), h.tau);
      expectClose(values(w), h.weights, { atol: 1e-7, rtol: 1e-5 });
      w.dispose();
    }
  });
});
