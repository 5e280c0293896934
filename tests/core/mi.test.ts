// The InfoNCE estimate of mutual information on correlated Gaussians: the closed form, the log N
// ceiling (log N as float32 holds it: the estimate is a float32), convergence to the true value when log N is well above it, and the learned critic.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGaussianCritic,
  gaussianMutualInformation,
  infoNCEEstimate,
  optimalGaussianCritic,
  sampleCorrelatedGaussians,
} from '../../src/core/mi';
import { createRng } from '../../src/core/rng';
import { Trainer } from '../../src/core/trainer';
import { tf } from '../../src/core/tf';
import { leakedBy, take, useCpu } from './helpers';

/** log N rounded to float32, the ceiling a float32 estimate is held to. */
const logN = (n: number) => Math.fround(Math.log(n));

/** Mean optimal-critic estimate over `batches` fresh batches of n pairs. */
function estimate(n: number, dim: number, rho: number, batches: number, seed: number): number {
  const rng = createRng(seed);
  let total = 0;
  for (let b = 0; b < batches; b++) {
    total += take(
      tf.tidy(() => {
        const { x, y } = sampleCorrelatedGaussians(n, dim, rho, rng);
        return infoNCEEstimate(optimalGaussianCritic(x, y, rho));
      }),
    );
  }
  return total / batches;
}

describe('mutual information of correlated Gaussians', () => {
  beforeAll(useCpu);

  it('has the closed form −(d/2)·log(1 − ρ²)', () => {
    expect(gaussianMutualInformation(0, 3)).toBe(0);
    expect(gaussianMutualInformation(0.5, 2)).toBeCloseTo(-Math.log(0.75), 12);
    expect(gaussianMutualInformation(-0.9, 4)).toBeCloseTo(-2 * Math.log(0.19), 12);
    expect(() => gaussianMutualInformation(1, 2)).toThrow(/rho/);
    expect(() => gaussianMutualInformation(0.5, 0)).toThrow(/dim/);
  });

  it('samples have the stated correlation', () => {
    const { x, y } = sampleCorrelatedGaussians(4000, 2, 0.7, createRng(1));
    const r = take(
      tf.tidy(() =>
        tf.div(
          tf.mean(tf.mul(x, y)),
          tf.sqrt(tf.mul(tf.mean(tf.square(x)), tf.mean(tf.square(y)))),
        ),
      ),
    );
    expect(r).toBeCloseTo(0.7, 1);
    tf.dispose([x, y]);
  });

  it('the estimate never exceeds log N, for any critic', () => {
    const rng = createRng(3);
    for (const n of [2, 8, 64, 256]) {
      for (const rho of [0.3, 0.99, 0.9999]) {
        const value = take(
          tf.tidy(() => {
            const { x, y } = sampleCorrelatedGaussians(n, 8, rho, rng);
            return infoNCEEstimate(optimalGaussianCritic(x, y, rho));
          }),
        );
        expect(value).toBeLessThanOrEqual(logN(n));
      }
      // A critic that puts all its weight on the positives reaches log N exactly, not beyond.
      const sure = tf.mul(tf.eye(n), 1e4) as tf.Tensor2D;
      expect(take(infoNCEEstimate(sure))).toBeLessThanOrEqual(logN(n));
      sure.dispose();
    }
  });

  it('saturates at log N when the true MI is far above it', () => {
    const truth = gaussianMutualInformation(0.999, 8); // ≈ 24.9 nats
    const value = estimate(16, 8, 0.999, 4, 5);
    expect(truth).toBeGreaterThan(20);
    expect(value).toBeGreaterThan(Math.log(16) - 0.05);
    expect(value).toBeLessThanOrEqual(logN(16));
  });

  it('approaches the true MI when log N is well above it', () => {
    const truth = gaussianMutualInformation(0.5, 2); // ≈ 0.288 nats, log 512 ≈ 6.2
    const value = estimate(512, 2, 0.5, 3, 7);
    expect(Math.abs(value - truth)).toBeLessThan(0.05);
    const small = estimate(4, 2, 0.5, 40, 7);
    expect(small).toBeLessThan(value);
  });

  it('a learned quadratic critic climbs from 0 towards the optimal critic’s estimate', async () => {
    const dim = 2;
    const rho = 0.8;
    const critic = createGaussianCritic(dim);
    const trainer = new Trainer({
      model: critic,
      sampleBatch: (rng) => sampleCorrelatedGaussians(64, dim, rho, rng),
      loss: (b: { x: tf.Tensor2D; y: tf.Tensor2D }) =>
        tf.neg(infoNCEEstimate(critic.scores(b.x, b.y))) as tf.Scalar,
      params: {},
      seed: 2,
      learningRate: 0.1,
      readEvery: 10,
    });
    const readings = await trainer.run(80);
    const first = -readings[0]!.loss;
    const last = readings.slice(-5).reduce((s, r) => s - r.loss, 0) / 5;
    const best = estimate(64, dim, rho, 16, 11);
    expect(last).toBeGreaterThan(first);
    expect(Math.abs(last - best)).toBeLessThan(0.1);
    expect(last).toBeLessThanOrEqual(logN(64));
    trainer.dispose();
  });

  it('rejects bad arguments and leaks nothing', () => {
    const rng = createRng(1);
    expect(() => sampleCorrelatedGaussians(1, 2, 0.5, rng)).toThrow(/n must/);
    expect(() => infoNCEEstimate(tf.zeros([2, 3]) as tf.Tensor2D)).toThrow(/square/);
    const { x, y } = sampleCorrelatedGaussians(16, 3, 0.5, rng);
    expect(leakedBy(() => tf.tidy(() => infoNCEEstimate(optimalGaussianCritic(x, y, 0.5))))).toBe(
      0,
    );
    const critic = createGaussianCritic(3);
    expect(leakedBy(() => critic.scores(x, y))).toBe(0);
    critic.dispose();
    tf.dispose([x, y]);
  });
});
