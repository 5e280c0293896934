// InfoNCE (in-batch and against a bank of negatives), supervised SimCSE, margin and triplet losses:
// closed forms, float64 references, limits and argument checks.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  infoNCELoss,
  infoNCEWithNegatives,
  marginContrastiveLoss,
  supervisedSimCSELoss,
  tripletLoss,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, randomMatrix, take, useCpu, values } from './helpers';

describe('infoNCELoss', () => {
  beforeAll(useCpu);

  it('matches the closed form for orthonormal anchors and positives', () => {
    const n = 5;
    const e = tf.eye(n) as tf.Tensor2D;
    for (const tau of [0.05, 0.3, 4]) {
      // Positive similarity 1, the N − 1 negatives 0.
      const expected = Math.log(1 + (n - 1) * Math.exp(-1 / tau));
      expect(take(infoNCELoss(e, e, tau))).toBeCloseTo(expected, 6);
    }
    e.dispose();
  });

  it('equals log N when everything collapses to one point', () => {
    const z = tf.ones([6, 3]) as tf.Tensor2D;
    expect(take(infoNCELoss(z, z, 0.1))).toBeCloseTo(Math.log(6), 6);
    z.dispose();
  });

  it('is finite with gradients for near-duplicates at τ = 0.01 and zero rows', () => {
    const a = randomMatrix(8, 2, 3);
    const p = tf.tidy(() =>
      tf.concat([tf.zeros([1, 2]), tf.slice(tf.add(a, 1e-4), [1, 0], [7, 2])]),
    );
    const { value, grads } = tf.valueAndGrads((x: tf.Tensor, y: tf.Tensor) =>
      infoNCELoss(x as tf.Tensor2D, y as tf.Tensor2D, 0.01),
    )([a, p]);
    expect(Number.isFinite(values(value)[0])).toBe(true);
    for (const g of grads) expect(values(g).every(Number.isFinite)).toBe(true);
    tf.dispose([a, p, value, grads]);
  });

  it('rejects bad arguments', () => {
    const a = randomMatrix(3, 2, 1);
    const b = randomMatrix(4, 2, 2);
    expect(() => infoNCELoss(a, b, 0.1)).toThrow(/anchors and positives/);
    expect(() => infoNCELoss(a, a, 0)).toThrow(/tau/);
    tf.dispose([a, b]);
  });
});

type Rows = number[][];

/** Cosine similarity in float64, with the core's smooth normalisation x / √(‖x‖² + 1e-12). */
function cosine64(a: readonly number[], b: readonly number[]): number {
  const norm = (x: readonly number[]) => Math.sqrt(x.reduce((t, v) => t + v * v, 0) + 1e-12);
  return a.reduce((t, v, i) => t + v * b[i]!, 0) / (norm(a) * norm(b));
}

/** InfoNCE against shared negatives, written from its formula in float64. */
function infoNCEWithNegatives64(q: Rows, p: Rows, neg: Rows, tau: number): number {
  let total = 0;
  q.forEach((qi, i) => {
    const logits = [cosine64(qi, p[i]!), ...neg.map((n) => cosine64(qi, n))].map((s) => s / tau);
    const max = Math.max(...logits);
    const logSum = max + Math.log(logits.reduce((t, l) => t + Math.exp(l - max), 0));
    total += logSum - logits[0]!;
  });
  return total / q.length;
}

/** Central finite differences of `f` in float64 with respect to every entry of `inputs[which]`. */
function numericGradient(f: (inputs: Rows[]) => number, inputs: Rows[], which: number): Rows {
  const h = 1e-6;
  return inputs[which]!.map((row, r) =>
    row.map((_, c) => {
      const shifted = (delta: number) =>
        f(
          inputs.map((x, k) =>
            k !== which
              ? x
              : x.map((rr, i) => rr.map((v, j) => (i === r && j === c ? v + delta : v))),
          ),
        );
      return (shifted(h) - shifted(-h)) / (2 * h);
    }),
  );
}

/** The rows of a float32 matrix, as float64 numbers (exactly the values the core sees). */
const rowsOf = (x: tf.Tensor2D): Rows => x.arraySync();

describe('infoNCEWithNegatives', () => {
  beforeAll(useCpu);

  const cases: { n: number; k: number; d: number; tau: number }[] = [
    { n: 4, k: 7, d: 5, tau: 0.1 },
    { n: 3, k: 1, d: 3, tau: 0.5 },
    { n: 2, k: 12, d: 4, tau: 2 },
    { n: 1, k: 5, d: 3, tau: 0.2 }, // the single-anchor case
  ];
  for (const { n, k, d, tau } of cases) {
    it(`matches a float64 reference in value and gradients (N = ${n}, K = ${k}, τ = ${tau})`, () => {
      const inputs = [
        randomMatrix(n, d, 11 + n),
        randomMatrix(n, d, 23 + k),
        randomMatrix(k, d, 37),
      ];
      const rows = inputs.map(rowsOf);
      const reference = (x: Rows[]) => infoNCEWithNegatives64(x[0]!, x[1]!, x[2]!, tau);
      const { value, grads } = tf.valueAndGrads((q: tf.Tensor, p: tf.Tensor, neg: tf.Tensor) =>
        infoNCEWithNegatives(q as tf.Tensor2D, p as tf.Tensor2D, neg as tf.Tensor2D, tau),
      )(inputs);
      expectClose(values(value), [reference(rows)], { atol: 1e-6, rtol: 2e-6 });
      grads.forEach((g, which) => {
        const expected = numericGradient(reference, rows, which).flat();
        const scale = Math.max(...expected.map(Math.abs));
        expectClose(values(g), expected, { atol: 2e-5 * scale + 1e-7, rtol: 1e-4 });
      });
      tf.dispose([inputs, value, grads]);
    });
  }

  it('with one anchor equals the batched InfoNCE padded with zero anchors, log terms undone', () => {
    // The figures' former route: rows 1…K of a batched infoNCELoss get a zero anchor, each adding
    // exactly log(K + 1) to the sum.
    const anchor = randomMatrix(1, 3, 5);
    const candidates = randomMatrix(6, 3, 6);
    for (const tau of [0.05, 1]) {
      const direct = take(
        tf.tidy(() =>
          infoNCEWithNegatives(
            anchor,
            tf.slice(candidates, [0, 0], [1, -1]),
            tf.slice(candidates, [1, 0], [-1, -1]),
            tau,
          ),
        ),
      );
      const padded = take(
        tf.tidy(() => infoNCELoss(tf.concat([anchor, tf.zeros([5, 3])]), candidates, tau)),
      );
      expect(direct).toBeCloseTo(6 * padded - 5 * Math.log(6), 4);
    }
    tf.dispose([anchor, candidates]);
  });

  it('is log(K + 1) when everything collapses, for any bank size, and leaks nothing', () => {
    for (const k of [1, 3, 64]) {
      const q = tf.ones([2, 4]) as tf.Tensor2D;
      const negatives = tf.ones([k, 4]) as tf.Tensor2D;
      expect(take(infoNCEWithNegatives(q, q, negatives, 0.07))).toBeCloseTo(Math.log(k + 1), 5);
      expect(leakedBy(() => infoNCEWithNegatives(q, q, negatives, 0.07))).toBe(0);
      tf.dispose([q, negatives]);
    }
  });

  it('stays finite at τ = 0.01 with a near-duplicate negative', () => {
    const q = randomMatrix(3, 2, 8);
    const negatives = tf.tidy(() =>
      tf.concat([tf.add(tf.slice(q, [0, 0], [1, -1]), 1e-4), randomMatrix(4, 2, 9)]),
    );
    const { value, grads } = tf.valueAndGrads((x: tf.Tensor) =>
      infoNCEWithNegatives(x as tf.Tensor2D, q, negatives as tf.Tensor2D, 0.01),
    )([q]);
    expect(Number.isFinite(values(value)[0])).toBe(true);
    expect(values(grads[0]!).every(Number.isFinite)).toBe(true);
    tf.dispose([q, negatives, value, grads]);
  });

  it('rejects bad arguments', () => {
    const a = randomMatrix(3, 2, 1);
    const b = randomMatrix(4, 2, 2);
    const wide = randomMatrix(5, 3, 3);
    expect(() => infoNCEWithNegatives(a, b, b, 0.1)).toThrow(/queries and positives/);
    expect(() => infoNCEWithNegatives(a, a, wide, 0.1)).toThrow(/queries and negatives/);
    expect(() => infoNCEWithNegatives(a, a, b, 0)).toThrow(/tau/);
    tf.dispose([a, b, wide]);
  });
});

describe('supervisedSimCSELoss', () => {
  beforeAll(useCpu);

  it('reduces to the closed form with orthonormal positives and antipodal hard negatives', () => {
    const n = 3;
    const h = tf.eye(n, 4) as tf.Tensor2D;
    const neg = tf.neg(h) as tf.Tensor2D;
    const tau = 0.5;
    // Logits: 1/τ (positive), 0 for the N − 1 other positives and other negatives, −1/τ for own negative.
    const expected = Math.log(1 + 2 * (n - 1) * Math.exp(-1 / tau) + Math.exp(-2 / tau));
    expect(take(supervisedSimCSELoss(h, h, neg, tau))).toBeCloseTo(expected, 6);
    tf.dispose([h, neg]);
  });

  it('exceeds unsupervised InfoNCE when the hard negatives are close to the anchors', () => {
    const h = randomMatrix(6, 4, 5);
    const pos = tf.tidy(() => tf.add(h, tf.mul(randomMatrix(6, 4, 6), 0.3))) as tf.Tensor2D;
    const hard = tf.tidy(() => tf.add(h, tf.mul(randomMatrix(6, 4, 7), 0.1))) as tf.Tensor2D;
    expect(take(supervisedSimCSELoss(h, pos, hard, 0.1))).toBeGreaterThan(
      take(infoNCELoss(h, pos, 0.1)),
    );
    tf.dispose([h, pos, hard]);
  });

  it('rejects mismatched hard negatives', () => {
    const h = randomMatrix(3, 2, 1);
    const neg = randomMatrix(3, 5, 2);
    expect(() => supervisedSimCSELoss(h, h, neg, 0.1)).toThrow(/h and hNeg/);
    tf.dispose([h, neg]);
  });
});

describe('marginContrastiveLoss', () => {
  beforeAll(useCpu);

  it('pays ½D² for similar pairs and ½(m − D)² for close dissimilar pairs only', () => {
    const x1 = tf.tensor2d([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const x2 = tf.tensor2d([
      [3, 4],
      [0.6, 0.8],
      [3, 4],
    ]);
    const similar = tf.tensor1d([1, 0, 0]);
    // Distances 5, 1, 5 with margin 2: 12.5, ½(2 − 1)² = 0.5, 0.
    expect(take(marginContrastiveLoss(x1, x2, similar, 2))).toBeCloseTo((12.5 + 0.5 + 0) / 3, 5);
    const asBool = tf.tensor1d([1, 0, 0], 'bool');
    expect(take(marginContrastiveLoss(x1, x2, asBool, 2))).toBeCloseTo((12.5 + 0.5 + 0) / 3, 5);
    asBool.dispose();
    tf.dispose([x1, x2, similar]);
  });

  it('has finite gradients for identical dissimilar pairs', () => {
    const x = randomMatrix(4, 3, 9);
    const similar = tf.zeros([4]) as tf.Tensor1D;
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      marginContrastiveLoss(a as tf.Tensor2D, b as tf.Tensor2D, similar, 1),
    )([x, x]);
    for (const g of grads) expect(values(g).every(Number.isFinite)).toBe(true);
    tf.dispose([x, similar, grads]);
  });

  it('rejects bad arguments', () => {
    const x = randomMatrix(3, 2, 1);
    const short = tf.tensor1d([1, 0]);
    expect(() => marginContrastiveLoss(x, x, short, 1)).toThrow(/similar must have length 3/);
    const ok = tf.tensor1d([1, 0, 1]);
    expect(() => marginContrastiveLoss(x, x, ok, 0)).toThrow(/margin/);
    tf.dispose([x, short, ok]);
  });
});

describe('tripletLoss', () => {
  beforeAll(useCpu);

  it('is the hinge on squared distances with the FaceNet default margin 0.2', () => {
    const a = tf.tensor2d([
      [0, 0],
      [0, 0],
    ]);
    const p = tf.tensor2d([
      [1, 0],
      [0.1, 0],
    ]);
    const n = tf.tensor2d([
      [0, 1.05],
      [2, 0],
    ]);
    // Row 0: 1 − 1.1025 + 0.2 = 0.0975; row 1: 0.01 − 4 + 0.2 < 0 → 0.
    expect(take(tripletLoss(a, p, n))).toBeCloseTo(0.0975 / 2, 6);
    expect(take(tripletLoss(a, p, n, 0))).toBe(0);
    tf.dispose([a, p, n]);
  });

  it('rejects a negative margin', () => {
    const a = randomMatrix(2, 2, 1);
    expect(() => tripletLoss(a, a, a, -0.1)).toThrow(/margin/);
    a.dispose();
  });
});
