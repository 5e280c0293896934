// The mutual-information figure's computations without the view: the optimal-critic sweep and the
// learned critic give, for a seed, exactly the numbers the figure computed when they lived in its
// live part, stay under log N, replay on reset, and free their tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGaussianCritic,
  infoNCEEstimate,
  optimalGaussianCritic,
  sampleCorrelatedGaussians,
  type GaussianPairs,
} from '../../src/core/mi';
import {
  CriticTraining,
  MI_CRITIC_RATE,
  MI_RECENT,
  MI_SWEEP_N,
  createSweep,
  sweepBatches,
} from '../../src/core/mi-session';
import { createRng } from '../../src/core/rng';
import { tf } from '../../src/core/tf';
import { Trainer } from '../../src/core/trainer';
import { useCpu } from './helpers';

/** The sweep as the live part wrote it inline: one stream, each N in turn. */
async function inlineSweep(ns: number[], dim: number, rho: number, seed: number) {
  const rng = createRng(seed);
  const out: number[] = [];
  for (const n of ns) {
    const batches = Math.max(2, Math.floor(2048 / n));
    const mean = tf.tidy(() => {
      const estimates = Array.from({ length: batches }, () => {
        const { x, y } = sampleCorrelatedGaussians(n, dim, rho, rng);
        return infoNCEEstimate(optimalGaussianCritic(x, y, rho));
      });
      return tf.mean(tf.stack(estimates));
    });
    out.push((await mean.data())[0] as number);
    mean.dispose();
  }
  return out;
}

/** The learned critic as the live part built it inline. */
function inlineTrainer(dim: number, n: number, rho: number, seed: number) {
  const model = createGaussianCritic(dim);
  const params = { n, rho };
  return new Trainer<GaussianPairs, typeof params>({
    model,
    sampleBatch: (rng) => sampleCorrelatedGaussians(params.n, model.dim, params.rho, rng),
    loss: (b) => tf.neg(infoNCEEstimate(model.scores(b.x, b.y))) as tf.Scalar,
    params,
    seed,
    learningRate: 0.1,
    readEvery: 1,
  });
}

describe('the optimal-critic sweep', () => {
  beforeAll(useCpu);

  it('sweeps N = 2 … 1024 with at least two batches each', () => {
    expect(MI_SWEEP_N).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(sweepBatches(2)).toBe(1024);
    expect(sweepBatches(1024)).toBe(2);
  });

  it('gives the numbers of the inline sweep for the same seed, under log N, without leaks', async () => {
    const ns = [2, 8, 64];
    const expected = await inlineSweep(ns, 4, 0.9, 3);
    const before = tf.memory().numTensors;
    const estimateAt = createSweep({ rho: 0.9, dim: 4 }, 3);
    const got: number[] = [];
    for (const n of ns) got.push(await estimateAt(n));
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(expected);
    ns.forEach((n, i) => expect(got[i]).toBeLessThanOrEqual(Math.fround(Math.log(n)) + 1e-6));
    const again = createSweep({ rho: 0.9, dim: 4 }, 3);
    expect(await again(2)).toBe(got[0]);
    expect(await createSweep({ rho: 0.9, dim: 4 }, 4)(2)).not.toBe(got[0]);
  });
});

describe('the learned critic', () => {
  beforeAll(useCpu);

  it('reads the bound after every step, exactly as the inline trainer did', async () => {
    const reference = inlineTrainer(2, 16, 0.8, 5);
    const expected = (await reference.run(6)).map((r) => -r.loss);
    reference.dispose();

    const critic = new CriticTraining({ dim: 2, n: 16, rho: 0.8, seed: 5 });
    expect(critic.steps).toBe(0);
    expect(critic.estimate).toBeNaN();
    for (let i = 0; i < 6; i++) critic.step();
    const readings = await critic.flush();
    expect(readings.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readings.map((r) => r.estimate)).toEqual(expected);
    expect(critic.steps).toBe(6);
    expect(critic.estimate).toBe(expected.reduce((a, b) => a + b, 0) / expected.length);
    critic.dispose();
    expect(MI_CRITIC_RATE).toBe(0.1);
  });

  it(`averages the last ${MI_RECENT} readings, learns, and stays under log N`, async () => {
    const critic = new CriticTraining({ dim: 2, n: 8, rho: 0.95, seed: 1 });
    const all: number[] = [];
    for (let i = 0; i < 60; i++) critic.step();
    for (const r of await critic.flush()) all.push(r.estimate);
    const last = all.slice(-MI_RECENT);
    expect(critic.estimate).toBeCloseTo(last.reduce((a, b) => a + b, 0) / last.length, 12);
    expect(critic.estimate).toBeGreaterThan(all[0]! + 0.5);
    for (const e of all) expect(e).toBeLessThanOrEqual(Math.fround(Math.log(8)) + 1e-6);
    critic.dispose();
  });

  it('replays a seed on reset, follows a new N, and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const critic = new CriticTraining({ dim: 3, n: 8, rho: 0.5, seed: 2 });
    critic.step();
    critic.step();
    const first = await critic.flush();
    critic.reset(2);
    expect(critic.steps).toBe(0);
    expect(critic.estimate).toBeNaN();
    critic.step();
    critic.step();
    expect(await critic.flush()).toEqual(first);
    critic.setProblem(2, 0.5);
    critic.step();
    const [wide] = await critic.flush();
    expect(wide!.estimate).toBeLessThanOrEqual(Math.fround(Math.log(2)) + 1e-6);
    critic.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
