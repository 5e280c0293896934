// The CLIP trainer's experiment: parameter checks (the query included), the mapping onto the core
// session, snapshots with cached read-outs, the display logits and the retrieval of a query,
// training time, reset, and the registry entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIP_DEFAULTS } from '../../src/core/clip-session';
import { tf } from '../../src/core/tf';
import {
  CLIP_EXPERIMENT_DEFAULTS,
  CLIP_QUERY_LIMIT,
  CLIP_RETRIEVED,
  clipParams,
  parseClipParams,
  type ClipExperimentParams,
} from '../../src/settings/clip';
import { EVAL_EVERY, clipExperiment, sessionParams } from '../../src/worker/experiments/clip';
import { EXPERIMENTS } from '../../src/worker/registry';
import { useWasm } from './helpers';

const small: ClipExperimentParams = { ...CLIP_EXPERIMENT_DEFAULTS, batch: 8 };

describe('CLIP parameters', () => {
  it('accepts the defaults and names every bad field', () => {
    expect(parseClipParams(CLIP_EXPERIMENT_DEFAULTS)).toEqual(CLIP_EXPERIMENT_DEFAULTS);
    expect(() => parseClipParams({ ...small, batch: 4 })).toThrow(/"batch" must lie in/);
    expect(() => parseClipParams({ ...small, temperature: 'hot' })).toThrow(/"temperature"/);
    expect(() => parseClipParams({ ...small, query: 3 })).toThrow(/"query" must be a string/);
    const long = 'x'.repeat(CLIP_QUERY_LIMIT + 1);
    expect(() => parseClipParams({ ...small, query: long })).toThrow(/longer than/);
    // The figure cuts a longer query before it is sent.
    expect(clipParams({ ...small, seed: 1 }, long).query).toHaveLength(CLIP_QUERY_LIMIT);
  });

  it('maps onto the core session, whose defaults it shares', () => {
    expect(sessionParams({ ...small, temperature: 'fixed' })).toEqual({
      batchSize: 8,
      lr: CLIP_EXPERIMENT_DEFAULTS.lr,
      learnTemperature: false,
    });
    expect(sessionParams(CLIP_EXPERIMENT_DEFAULTS)).toEqual(CLIP_DEFAULTS);
  });
});

describe('CLIP experiment', () => {
  beforeAll(useWasm);

  it('is registered under "clip"', async () => {
    expect(await EXPERIMENTS.clip()).toBe(clipExperiment);
  });

  it('snapshots the logits, scale and read-outs, re-evaluating every few steps, without leaks', async () => {
    const e = clipExperiment.create({ ...small, query: 'a red star' }, 1);
    const layout = e.layout();
    const n = layout.display.length;
    expect(n).toBe(12);
    const first = await e.snapshot();
    expect(first.step).toBe(0);
    expect(first.metrics.scale).toBeCloseTo(1 / 0.07, 3);
    expect(first.metrics).toMatchObject({ zeroShotChance: 0.1, trainSeconds: 0, queryKnown: 3 });
    expect(first.arrays.logits).toHaveLength(n * n);
    expect(first.arrays.retrieved).toHaveLength(CLIP_RETRIEVED);
    await e.run(EVAL_EVERY - 1);
    const count = tf.memory().numTensors;
    const cached = await e.snapshot();
    expect(cached.metrics.evalStep).toBe(0);
    expect(cached.metrics.trainSeconds).toBeGreaterThan(0);
    expect(cached.metrics.scale).not.toBe(first.metrics.scale);
    await e.run(1);
    const fresh = await e.snapshot();
    expect(fresh.metrics.evalStep).toBe(EVAL_EVERY);
    expect(fresh.metrics.evalSeconds).toBe(fresh.metrics.trainSeconds);
    // A query of unknown words only: no retrieval, and no error.
    e.update({ ...small, query: '<img src=x onerror=alert(1)> 🙂', temperature: 'fixed' });
    const unknown = await e.snapshot();
    expect(unknown.metrics).toMatchObject({ queryWords: 7, queryKnown: 0 });
    expect(unknown.arrays.retrieved).toHaveLength(0);
    expect(unknown.metrics.scale).toBeCloseTo(1 / 0.07, 3);
    await e.run(2);
    expect(tf.memory().numTensors).toBe(count);
    e.reset(1);
    const again = await e.snapshot();
    expect(again.step).toBe(0);
    expect(again.metrics.zeroShot).toBe(first.metrics.zeroShot);
    expect(again.metrics.trainSeconds).toBe(0);
    e.dispose();
  }, 300_000);
});
