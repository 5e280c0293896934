// The MoCo trainer's experiment: parameter checks, the mapping onto the core session, snapshots
// with cached read-outs, the queue's age and its age profile, training time, reset, and the
// registry entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { MOCO_DEFAULTS } from '../../src/core/moco';
import { tf } from '../../src/core/tf';
import {
  MOCO_EXPERIMENT_DEFAULTS,
  parseMocoParams,
  type MocoExperimentParams,
} from '../../src/settings/moco';
import { EVAL_EVERY, mocoExperiment, sessionParams } from '../../src/worker/experiments/moco';
import { EXPERIMENTS } from '../../src/worker/registry';
import { useWasm } from './helpers';

const small: MocoExperimentParams = { ...MOCO_EXPERIMENT_DEFAULTS, batch: 8, queue: 64 };

describe('MoCo parameters', () => {
  it('accepts the defaults and names every bad field', () => {
    expect(parseMocoParams(MOCO_EXPERIMENT_DEFAULTS)).toEqual(MOCO_EXPERIMENT_DEFAULTS);
    expect(() => parseMocoParams({ ...small, batch: 4 })).toThrow(/"batch" must lie in/);
    expect(() => parseMocoParams({ ...small, queue: 5000 })).toThrow(/"queue" must lie in/);
    expect(() => parseMocoParams({ ...small, m: '0.5' })).toThrow(/"m" must be one of/);
    expect(() => parseMocoParams({ ...small, m: 0.99 })).toThrow(/"m" must be one of/);
  });

  it('maps onto the core session, whose defaults it shares', () => {
    expect(sessionParams({ ...small, m: '0.999', queue: 0 })).toMatchObject({
      batchSize: 8,
      queueSize: 0,
      momentum: 0.999,
    });
    expect(sessionParams(MOCO_EXPERIMENT_DEFAULTS)).toEqual(MOCO_DEFAULTS);
  });
});

describe('MoCo experiment', () => {
  beforeAll(useWasm);

  it('is registered under "moco"', async () => {
    expect(await EXPERIMENTS.moco()).toBe(mocoExperiment);
  });

  it('snapshots k-NN, lag and the queue, re-evaluating every few steps, without leaks', async () => {
    const e = mocoExperiment.create(small, 1);
    const first = await e.snapshot();
    expect(first.step).toBe(0);
    expect(first.metrics.knn).toBe(first.metrics.knnBaseline);
    expect(first.metrics.lag).toBe(0);
    expect(first.metrics).toMatchObject({ queueFilled: 0, queueOldest: 0, trainSeconds: 0 });
    expect(first.arrays.queueAges.length).toBe(0); // random keys only: no age profile yet
    await e.run(EVAL_EVERY - 1);
    const count = tf.memory().numTensors;
    const cached = await e.snapshot();
    expect(cached.metrics.evalStep).toBe(0);
    // 49 steps of 8 keys fill the 64-key queue with the last 8 steps.
    expect(cached.metrics).toMatchObject({ queueFilled: 64, queueOldest: 7 });
    expect(cached.metrics.trainSeconds).toBeGreaterThan(0);
    await e.run(1);
    const fresh = await e.snapshot();
    expect(fresh.metrics.evalStep).toBe(EVAL_EVERY);
    expect(fresh.metrics.evalSeconds).toBe(fresh.metrics.trainSeconds);
    expect(fresh.metrics.lag).toBeGreaterThan(0);
    // The age profile of the 64 keys: ages 0–7 (8 per step), one mean cosine each, fresh arrays
    // in every snapshot (a worker transfers them).
    expect(Array.from(fresh.arrays.queueAges)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const c of fresh.arrays.queueCosines) expect(Math.abs(c)).toBeLessThanOrEqual(1);
    expect((await e.snapshot()).arrays.queueCosines).not.toBe(fresh.arrays.queueCosines);
    e.update({ ...small, m: '0.9', tau: 0.1 });
    await e.run(2);
    expect(tf.memory().numTensors).toBe(count);
    e.reset(1);
    const again = await e.snapshot();
    expect(again.step).toBe(0);
    expect(again.metrics.knn).toBe(first.metrics.knn);
    expect(again.metrics.trainSeconds).toBe(0);
    e.dispose();
  }, 300_000);
});
