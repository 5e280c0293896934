// Hardness weights, the simple loss (one anchor and a batch of pairs) and the CPC bound, including
// both temperature limits.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchSimpleLoss,
  hardnessWeights,
  mutualInformationBound,
  simpleLoss,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, randomMatrix, take, useCpu, values } from './helpers';

const sPos = 0.8;
const negatives = [0.7, 0.1, -0.3, 0.65];

/** One anchor's InfoNCE written on similarities: −log(e^{s⁺/τ} / (e^{s⁺/τ} + Σ e^{s⁻/τ})). */
function anchorLoss(sNeg: tf.Tensor1D, tau: number): tf.Scalar {
  const logits = tf.div(tf.concat([tf.tensor1d([sPos]), sNeg]), tau);
  return tf.sub(tf.logSumExp(logits), sPos / tau);
}

describe('hardnessWeights', () => {
  beforeAll(useCpu);

  it('are the gradient on each negative relative to the gradient on the positive', () => {
    const sNeg = tf.tensor1d(negatives);
    for (const tau of [0.05, 0.5, 5]) {
      const [g] = tf.grads((s: tf.Tensor) => anchorLoss(s as tf.Tensor1D, tau))([sNeg]);
      const gradNeg = values(g!);
      const total = gradNeg.reduce((a, b) => a + b, 0);
      const w = hardnessWeights(sPos, sNeg, tau);
      expectClose(
        values(w),
        gradNeg.map((v) => v / total),
        { rtol: 1e-5 },
      );
      tf.dispose([g!, w]);
    }
    sNeg.dispose();
  });

  it('put all the weight on the hardest negative as τ → 0', () => {
    const sNeg = tf.tensor1d(negatives);
    const w = values(hardnessWeights(sPos, sNeg, 0.001));
    expect(w[0]).toBeCloseTo(1, 6);
    expect(w.slice(1).every((v) => v < 1e-6)).toBe(true);
    sNeg.dispose();
  });

  it('become uniform as τ → ∞, where the loss gradient points like the simple loss', () => {
    const sNeg = tf.tensor1d(negatives);
    expectClose(values(hardnessWeights(sPos, sNeg, 1e4)), [0.25, 0.25, 0.25, 0.25], {
      rtol: 1e-3,
    });
    const [contrastive] = tf.grads((s: tf.Tensor) => anchorLoss(s as tf.Tensor1D, 1e4))([sNeg]);
    const [simple] = tf.grads((s: tf.Tensor) => simpleLoss(sPos, s as tf.Tensor1D, 0.5))([sNeg]);
    const a = values(contrastive!);
    const b = values(simple!);
    const cosine =
      a.reduce((acc, v, i) => acc + v * b[i]!, 0) /
      Math.sqrt(a.reduce((acc, v) => acc + v * v, 0) * b.reduce((acc, v) => acc + v * v, 0));
    expect(cosine).toBeGreaterThan(1 - 1e-6);
    tf.dispose([sNeg, contrastive!, simple!]);
  });

  it('rejects bad arguments', () => {
    const sNeg = tf.tensor1d(negatives);
    expect(() => hardnessWeights(sPos, sNeg, 0)).toThrow(/tau/);
    expect(() => hardnessWeights(Number.NaN, sNeg, 1)).toThrow(/sPos/);
    const matrix = tf.ones([2, 2]);
    expect(() => hardnessWeights(sPos, matrix as unknown as tf.Tensor1D, 1)).toThrow(/sNeg/);
    tf.dispose([sNeg, matrix]);
  });
});

describe('simpleLoss', () => {
  beforeAll(useCpu);

  it('is −s⁺ + λ Σ s⁻', () => {
    const sNeg = tf.tensor1d(negatives);
    expect(take(simpleLoss(sPos, sNeg, 0.5))).toBeCloseTo(-0.8 + 0.5 * 1.15, 6);
    expect(() => simpleLoss(sPos, sNeg, -1)).toThrow(/lambda/);
    sNeg.dispose();
  });
});

describe('batchSimpleLoss', () => {
  beforeAll(useCpu);

  it('matches −s_pos + λ·mean of the negatives, point by point', () => {
    const z1 = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const z2 = tf.tensor2d([
      [1, 1],
      [-1, 0],
    ]);
    const loss = batchSimpleLoss(z1, z2, 2);
    // Unit rows: a=(1,0) b=(0,1) c=(.707,.707) d=(−1,0); partners a–c, b–d.
    const r = Math.SQRT1_2;
    const terms = [
      [r, (0 + -1) / 2], // a: positive c; negatives b, d
      [0, (0 + r) / 2], // b: positive d; negatives a, c
      [r, (r + -r) / 2], // c: positive a; negatives b, d
      [0, (-1 + -r) / 2], // d: positive b; negatives a, c
    ];
    const expected = terms.reduce((sum, [pos, neg]) => sum - pos! + 2 * neg!, 0) / 4;
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([z1, z2, loss]);
  });

  it('is simpleLoss with the mean over negatives, averaged over all 2N points, and leaks nothing', () => {
    const z1 = randomMatrix(5, 3, 4);
    const z2 = randomMatrix(5, 3, 5);
    const lambda = 0.7;
    const u = tf.tidy(() => {
      const all = tf.concat([z1, z2]);
      return tf.div(all, tf.norm(all, 'euclidean', 1, true)) as tf.Tensor2D;
    });
    const rows = u.arraySync();
    const dot = (a: number[], b: number[]) => a.reduce((t, v, k) => t + v * b[k]!, 0);
    let total = 0;
    rows.forEach((ui, i) => {
      const partner = (i + 5) % 10;
      const sNeg = rows.flatMap((uj, j) => (j === i || j === partner ? [] : [dot(ui, uj)]));
      total += take(simpleLoss(dot(ui, rows[partner]!), tf.tensor1d(sNeg), lambda / sNeg.length));
    });
    expect(take(batchSimpleLoss(z1, z2, lambda))).toBeCloseTo(total / 10, 5);
    expect(leakedBy(() => batchSimpleLoss(z1, z2, lambda))).toBe(0);
    tf.dispose([z1, z2, u]);
  });

  it('rejects bad arguments', () => {
    const a = randomMatrix(3, 2, 1);
    const b = randomMatrix(4, 2, 2);
    const one = randomMatrix(1, 2, 3);
    expect(() => batchSimpleLoss(a, b, 1)).toThrow(/z1 and z2/);
    expect(() => batchSimpleLoss(one, one, 1)).toThrow(/z1/);
    expect(() => batchSimpleLoss(a, a, -1)).toThrow(/lambda/);
    tf.dispose([a, b, one]);
  });
});

describe('mutualInformationBound', () => {
  beforeAll(useCpu);

  it('is log n − L for numbers and scalar tensors', () => {
    expect(take(mutualInformationBound(1.5, 256))).toBeCloseTo(Math.log(256) - 1.5, 5);
    const loss = tf.scalar(0.25);
    expect(take(mutualInformationBound(loss, 8))).toBeCloseTo(Math.log(8) - 0.25, 6);
    loss.dispose();
    expect(() => mutualInformationBound(1, 1)).toThrow(/n must be an integer ≥ 2/);
    expect(() => mutualInformationBound(Number.NaN, 4)).toThrow(/loss/);
  });
});
