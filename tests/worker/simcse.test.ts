// The SimCSE trainer's experiment: parameter checks, the paper references, and one short run on
// WASM (snapshot metrics, both baselines, neighbours before and after and none for a query of no
// known word, a flat tensor count).
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import { labelledSentences } from '../../src/data/sentences';
import { paperReference, recordRun } from '../../src/support/simcse-trainer';
import { simcseExperiment } from '../../src/worker/experiments/simcse';
import {
  SIMCSE_DEFAULTS,
  SIMCSE_QUERY_LIMIT,
  effectiveDropout,
  parseSimcseParams,
  simcseParams,
} from '../../src/settings/simcse';
import { defaultValues } from '../../src/settings/schema';
import { SIMCSE_SCHEMA } from '../../src/settings/simcse';
import { useWasm } from './helpers';

beforeAll(useWasm);

describe('SimCSE parameters', () => {
  it('accept the defaults and name bad or missing fields', () => {
    expect(parseSimcseParams(SIMCSE_DEFAULTS)).toEqual(SIMCSE_DEFAULTS);
    expect(SIMCSE_DEFAULTS.tau).toBe(0.05);
    expect(() => parseSimcseParams({ ...SIMCSE_DEFAULTS, tau: 0 })).toThrow(/tau/);
    expect(() => parseSimcseParams({ ...SIMCSE_DEFAULTS, ablation: 'crop' })).toThrow(/crop/);
    expect(() => parseSimcseParams({ ...SIMCSE_DEFAULTS, query: 7 })).toThrow(/query/);
    const long = 'x'.repeat(SIMCSE_QUERY_LIMIT + 1);
    expect(() => parseSimcseParams({ ...SIMCSE_DEFAULTS, query: long })).toThrow(/longer/);
    expect(simcseParams(defaultValues(SIMCSE_SCHEMA), long).query.length).toBe(SIMCSE_QUERY_LIMIT);
  });

  it('fix p at 0 only for the no-dropout ablation', () => {
    expect(effectiveDropout({ ablation: 'no-dropout', dropout: 0.3 })).toBe(0);
    expect(effectiveDropout({ ablation: 'same-mask', dropout: 0.3 })).toBe(0.3);
  });
});

describe('paper references', () => {
  it('tie each ablation to its table', () => {
    const base = { mode: 'unsup', ablation: 'standard', dropout: 0.1, tau: 0.05 } as const;
    expect(paperReference(base)).toMatchObject({ source: 'Table 3', score: 82.5 });
    expect(paperReference({ ...base, dropout: 0.5 }).score).toBe(71.0);
    expect(paperReference({ ...base, dropout: 0.35 }).score).toBeNull();
    expect(paperReference({ ...base, ablation: 'same-mask' }).score).toBe(43.6);
    expect(paperReference({ ...base, ablation: 'no-dropout' }).score).toBe(71.1);
    expect(paperReference({ ...base, ablation: 'word-deletion' }).source).toBe('Table 1');
    expect(paperReference({ ...base, mode: 'sup' }).score).toBe(86.2);
    expect(paperReference({ ...base, tau: 0.5 }).score).toBeNull();
  });

  it('record only runs that trained, newest first', () => {
    const params = { mode: 'unsup', ablation: 'standard', dropout: 0.1, tau: 0.05 } as const;
    const run = (step: number) => ({ params, seed: 0, step, spearman: 0.5, anisotropy: 0.2 });
    expect(recordRun([], run(0))).toEqual([]);
    const runs = recordRun(recordRun([], run(5)), run(9));
    expect(runs.map((r) => r.step)).toEqual([9, 5]);
  });
});

describe('SimCSE experiment', () => {
  it('trains, evaluates against both baselines and answers queries before and after', async () => {
    const query = 'A dog runs across the park.';
    const experiment = simcseExperiment.create({ ...SIMCSE_DEFAULTS, query }, 3);
    const first = await experiment.snapshot();
    expect(first.step).toBe(0);
    expect(first.metrics.spearman).toBeCloseTo(first.metrics.spearmanUntrained!, 6);
    expect(first.metrics.spearmanBow).toBeGreaterThan(0);
    const corpus = labelledSentences();
    const after = Array.from(first.arrays.afterIndex!);
    expect(after).toHaveLength(5);
    expect(after.every((i) => corpus[i] !== undefined)).toBe(true);
    expect(Array.from(first.arrays.beforeIndex!)).toEqual(after);
    // The host transfers snapshot arrays: what the experiment keeps must survive that.
    structuredClone(first.arrays, { transfer: Object.values(first.arrays).map((a) => a.buffer) });

    const losses = await experiment.run(5);
    expect(losses).toEqual([{ step: 5, loss: expect.any(Number) }]);
    await experiment.run(0);
    const trained = await experiment.snapshot();
    expect(trained.step).toBe(5);
    expect(trained.metrics.evaluatedAt).toBe(5);
    expect(trained.metrics.spearman).not.toBe(first.metrics.spearman);
    expect(trained.metrics.spearmanUntrained).toBe(first.metrics.spearmanUntrained);
    expect(Array.from(trained.arrays.beforeIndex!)).toEqual(after);

    expect(trained.metrics.queryKnownWords).toBe(6);

    // No word the vocabulary knows: no list of equally meaningless neighbours.
    for (const nothing of ['', '?!… ¿¡ — :-)', 'zzqx blorfing']) {
      experiment.update({ ...SIMCSE_DEFAULTS, query: nothing });
      const answer = await experiment.snapshot();
      expect(answer.arrays, nothing).toEqual({});
      expect(answer.metrics.queryKnownWords, nothing).toBe(0);
    }
    experiment.reset(4);
    expect((await experiment.snapshot()).step).toBe(0);
    experiment.dispose();
  }, 120_000);

  it('leaves no tensors behind, cycle after cycle', async () => {
    // The first cycle may create tfjs's own lasting tensors; the second must add none.
    const cycle = async () => {
      const experiment = simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: 'rain' }, 1);
      await experiment.run(2);
      await experiment.snapshot();
      experiment.reset(2);
      await experiment.snapshot();
      experiment.dispose();
      return tf.memory().numTensors;
    };
    const settled = await cycle();
    expect(await cycle()).toBe(settled);
  }, 120_000);
});
