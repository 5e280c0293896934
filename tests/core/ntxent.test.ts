// NT-Xent: closed forms, the hand-written gradient against autodiff and finite differences,
// numerical edge cases and argument checks.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cosineSimilarityMatrix,
  l2Normalize,
  ntXentLoss,
  ntXentLossStacked,
  tripletLoss,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { plainNtXent } from '../../scripts/bench/plain-ntxent';
import { expectClose, randomMatrix, take, useCpu, values } from './helpers';

const lossValue = (z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number) => take(ntXentLoss(z1, z2, tau));

describe('ntXentLoss', () => {
  beforeAll(useCpu);

  it('equals log(2N − 1) when every vector is the same (collapse)', () => {
    for (const n of [2, 5, 16]) {
      const z = tf.fill([n, 3], 0.7) as tf.Tensor2D;
      for (const tau of [0.01, 0.5, 10]) {
        expect(lossValue(z, z, tau)).toBeCloseTo(Math.log(2 * n - 1), 5);
      }
      z.dispose();
    }
  });

  it('matches the closed form for orthogonal examples with identical views', () => {
    const n = 4;
    const z = tf.eye(n, 6) as tf.Tensor2D;
    for (const tau of [0.1, 0.5, 2]) {
      // Positive similarity 1, the 2N − 2 negatives 0.
      const expected = Math.log(1 + (2 * n - 2) * Math.exp(-1 / tau));
      expect(lossValue(z, z, tau)).toBeCloseTo(expected, 6);
    }
    z.dispose();
  });

  it('matches the closed form for two points on a circle', () => {
    for (const theta of [0.3, 1.2, Math.PI]) {
      const z = tf.tensor2d([
        [1, 0],
        [Math.cos(theta), Math.sin(theta)],
      ]);
      const tau = 0.4;
      const expected = Math.log(1 + 2 * Math.exp((Math.cos(theta) - 1) / tau));
      expect(lossValue(z, z, tau)).toBeCloseTo(expected, 5);
      z.dispose();
    }
  });

  it('stays finite and exact when the positive is far below a negative at τ = 0.01', () => {
    // Anchor e1: positive e2 (s = 0), negatives e2 (s = 0) and e1 (s = 1): ℓ = log(2 + e^100).
    // exp(100) overflows float32, so any unshifted implementation returns ∞ here.
    const z1 = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const z2 = tf.tensor2d([
      [0, 1],
      [1, 0],
    ]);
    const { value, grads } = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) =>
      ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, 0.01),
    )([z1, z2]);
    expect(values(value)[0]).toBeCloseTo(100 + Math.log1p(2 * Math.exp(-100)), 3);
    for (const g of grads) expect(values(g).every(Number.isFinite)).toBe(true);
    tf.dispose([value, grads, z1, z2]);
  });

  it('agrees with autodiff of a plain implementation across sizes and temperatures', () => {
    const settings: [number, number, number][] = [
      [2, 2, 0.05],
      [3, 5, 0.5],
      [8, 4, 0.1],
      [16, 32, 1],
      [5, 3, 10],
    ];
    settings.forEach(([n, d, tau], i) => {
      const z1 = randomMatrix(n, d, 11 + i);
      const z2 = randomMatrix(n, d, 101 + i);
      const fast = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) =>
        ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
      )([z1, z2]);
      const plain = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) =>
        plainNtXent(a as tf.Tensor2D, b as tf.Tensor2D, tau),
      )([z1, z2]);
      expectClose(values(fast.value), values(plain.value), { rtol: 1e-5 });
      fast.grads.forEach((g, k) => {
        const expected = values(plain.grads[k]!);
        const scale = Math.max(...expected.map(Math.abs));
        expectClose(values(g), expected, { atol: 1e-5 * scale, rtol: 1e-4 });
      });
      tf.dispose([fast, plain, z1, z2] as tf.TensorContainer);
    });
  });

  it('agrees with central finite differences, coordinate by coordinate', () => {
    // τ = 1 and h = 1e-2 keep float32 round-off (≈1e-5) and truncation (≈h²) well below 1e-3.
    const tau = 1;
    const z1 = randomMatrix(3, 2, 7);
    const z2 = randomMatrix(3, 2, 8);
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
    )([z1, z2]);
    const h = 1e-2;
    [z1, z2].forEach((z, which) => {
      const base = values(z);
      const analytic = values(grads[which]!);
      base.forEach((_, idx) => {
        const at = (delta: number) => {
          const moved = base.slice();
          moved[idx]! += delta;
          const zm = tf.tensor2d(moved, z.shape);
          const v = which === 0 ? lossValue(zm, z2, tau) : lossValue(z1, zm, tau);
          zm.dispose();
          return v;
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(numeric - analytic[idx]!)).toBeLessThan(1e-3);
      });
    });
    tf.dispose([grads, z1, z2]);
  });

  it('agrees with a directional finite difference at a realistic size', () => {
    const tau = 0.5;
    const z1 = randomMatrix(32, 16, 21);
    const z2 = randomMatrix(32, 16, 22);
    const v1 = randomMatrix(32, 16, 23);
    const v2 = randomMatrix(32, 16, 24);
    const [g1, g2] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
    )([z1, z2]);
    const analytic = take(tf.add(tf.sum(tf.mul(g1!, v1)), tf.sum(tf.mul(g2!, v2))));
    const h = 1e-2;
    const shifted = (s: number) =>
      take(tf.tidy(() => ntXentLoss(tf.add(z1, tf.mul(v1, s)), tf.add(z2, tf.mul(v2, s)), tau)));
    const numeric = (shifted(h) - shifted(-h)) / (2 * h);
    expect(Math.abs(numeric - analytic)).toBeLessThan(2e-3 * Math.max(1, Math.abs(analytic)));
    tf.dispose([g1!, g2!, z1, z2, v1, v2]);
  });

  it('gives finite values and gradients over τ ∈ [0.01, 10], duplicates, zeros and D = 2', () => {
    const base = randomMatrix(6, 2, 5);
    const nearDuplicate = tf.tidy(
      () => tf.add(base, tf.mul(randomMatrix(6, 2, 6), 1e-4)) as tf.Tensor2D,
    );
    const withZeros = tf.tidy(
      () => tf.concat([tf.zeros([2, 2]), tf.slice(base, [2, 0], [4, 2])]) as tf.Tensor2D,
    );
    const pairs: [tf.Tensor2D, tf.Tensor2D][] = [
      [base, nearDuplicate],
      [base, base],
      [withZeros, base],
      [withZeros, withZeros],
    ];
    for (const tau of [0.01, 0.03, 0.1, 1, 3, 10]) {
      for (const [a, b] of pairs) {
        const { value, grads } = tf.valueAndGrads((x: tf.Tensor, y: tf.Tensor) =>
          ntXentLoss(x as tf.Tensor2D, y as tf.Tensor2D, tau),
        )([a, b]);
        expect(Number.isFinite(values(value)[0])).toBe(true);
        for (const g of grads) expect(values(g).every(Number.isFinite)).toBe(true);
        tf.dispose([value, grads]);
      }
    }
    tf.dispose([base, nearDuplicate, withZeros]);
  });

  it('tends to a margin-0 triplet loss on the hardest negative as τ → 0', () => {
    const n = 5;
    const z1 = randomMatrix(n, 3, 31);
    const z2 = randomMatrix(n, 3, 32);
    // τ·ℓ_k → [max_{j≠k,p} s_kj − s_kp]₊ = ½·triplet(u_k, u_p, u_hardest, 0) on unit vectors.
    const u = l2Normalize(tf.concat([z1, z2], 0));
    const s = tf.matMul(u, u, false, true).arraySync() as number[][];
    const anchors: number[] = [];
    const positives: number[] = [];
    const hardest: number[] = [];
    for (let k = 0; k < 2 * n; k++) {
      const p = (k + n) % (2 * n);
      let best = -1;
      for (let j = 0; j < 2 * n; j++) {
        if (j !== k && j !== p && (best < 0 || s[k]![j]! > s[k]![best]!)) best = j;
      }
      anchors.push(k);
      positives.push(p);
      hardest.push(best);
    }
    const triplet = take(
      tf.tidy(() =>
        tf.mul(
          tripletLoss(
            tf.gather(u, anchors) as tf.Tensor2D,
            tf.gather(u, positives) as tf.Tensor2D,
            tf.gather(u, hardest) as tf.Tensor2D,
            0,
          ),
          0.5,
        ),
      ),
    );
    const gaps = [0.01, 0.003, 0.001].map((tau) =>
      Math.abs(tau * lossValue(z1, z2, tau) - triplet),
    );
    // The gap is at most τ·log(2N − 1) and shrinks with τ.
    expect(gaps[2]).toBeLessThan(0.001 * Math.log(2 * n - 1) + 1e-5);
    expect(gaps[2]).toBeLessThanOrEqual(gaps[0]!);
    tf.dispose([z1, z2, u]);
  });

  it('tends to the simple loss on cosine similarities as τ → ∞', () => {
    // τ·∇L → ∇ mean_k [ (1/(2N−1)) Σ_{j≠k} s_kj − s_k,p(k) ] (the positive is in the denominator),
    // which is (2N−2)/(2N−1) times the "simple loss" −s⁺ + λ Σ s⁻ of Wang & Liu (2021) with
    // λ = 1/(2N − 2): every negative pushed equally hard.
    const n = 4;
    const views = 2 * n;
    const z1 = randomMatrix(n, 3, 41);
    const z2 = randomMatrix(n, 3, 42);
    const weights = tf.tensor2d(
      Array.from({ length: views }, (_, k) =>
        Array.from({ length: views }, (_, j) =>
          j === k ? 0 : j === (k + n) % views ? -(views - 2) / (views - 1) : 1 / (views - 1),
        ),
      ),
    );
    const simple = (a: tf.Tensor, b: tf.Tensor) =>
      tf.div(
        tf.sum(tf.mul(weights, cosineSimilarityMatrix(tf.concat([a, b], 0) as tf.Tensor2D))),
        views,
      ) as tf.Scalar;
    const tau = 1e4;
    const scaled = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.mul(ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, tau), tau),
    )([z1, z2]);
    const expected = tf.grads(simple)([z1, z2]);
    scaled.forEach((g, i) =>
      expectClose(values(g), values(expected[i]!), { atol: 1e-4, rtol: 1e-3 }),
    );
    tf.dispose([z1, z2, weights, scaled, expected]);
  });

  it('takes the two views stacked in one matrix with the same value and gradient', () => {
    for (const [n, d, tau] of [
      [2, 3, 0.05],
      [7, 4, 0.5],
    ] as const) {
      const z1 = randomMatrix(n, d, 51);
      const z2 = randomMatrix(n, d, 52);
      const pair = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) =>
        ntXentLoss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
      )([z1, z2]);
      const z = tf.concat([z1, z2], 0) as tf.Tensor2D;
      const stacked = tf.valueAndGrad((x: tf.Tensor) => ntXentLossStacked(x as tf.Tensor2D, tau))(
        z,
      );
      expect(values(stacked.value)[0]).toBe(values(pair.value)[0]);
      expect(values(stacked.grad)).toEqual(values(tf.concat(pair.grads, 0)));
      tf.dispose([pair, stacked, z, z1, z2] as tf.TensorContainer);
    }
    const odd = randomMatrix(5, 3, 53);
    const two = randomMatrix(2, 3, 54);
    const four = randomMatrix(4, 3, 55);
    expect(() => ntXentLossStacked(odd, 0.5)).toThrow(/even number of rows/);
    expect(() => ntXentLossStacked(two, 0.5)).toThrow(/at least 4 rows/);
    expect(() => ntXentLossStacked(four, 0)).toThrow(/tau/);
    tf.dispose([odd, two, four]);
  });

  it('rejects bad arguments with a message naming them', () => {
    const a = randomMatrix(4, 3, 1);
    const b = randomMatrix(4, 2, 2);
    const one = randomMatrix(1, 3, 3);
    expect(() => ntXentLoss(a, a, 0)).toThrow(/tau/);
    expect(() => ntXentLoss(a, a, -1)).toThrow(/tau/);
    expect(() => ntXentLoss(a, a, Number.NaN)).toThrow(/tau/);
    expect(() => ntXentLoss(a, a, Number.POSITIVE_INFINITY)).toThrow(/tau/);
    expect(() => ntXentLoss(a, b, 0.5)).toThrow(/z1 and z2/);
    expect(() => ntXentLoss(one, one, 0.5)).toThrow(/z1 needs at least 2 rows/);
    const vector = tf.tensor1d([1, 2, 3]);
    expect(() => ntXentLoss(vector as unknown as tf.Tensor2D, a, 0.5)).toThrow(/z1 must be 2-D/);
    const ints = tf.tensor2d([[1], [2]], [2, 1], 'int32');
    expect(() => ntXentLoss(ints, ints, 0.5)).toThrow(/float32/);
    tf.dispose([a, b, one, vector, ints]);
  });
});
