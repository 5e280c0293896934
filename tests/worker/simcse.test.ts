// The SimCSE trainer's experiment: parameter checks, the paper references, one short run on WASM
// from the committed pretrained checkpoint (snapshot metrics, both baselines, topic agreement
// before and after, neighbours before and after and none for a query of no known word, a flat
// tensor count), and what `create` does when the checkpoint cannot be had.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
afterEach(() => void vi.unstubAllGlobals());

const CHECKPOINT = readFileSync(
  new URL('../../src/data/text-encoder/sentence-encoder.bin', import.meta.url),
);

/** Serves the committed checkpoint to `fetch`, as the built site does; returns the fetch spy. */
function serveCheckpoint(body: () => BodyInit = () => new Uint8Array(CHECKPOINT)) {
  const fetcher = vi.fn(async () => new Response(body()));
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

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
    serveCheckpoint();
    const query = 'A dog runs across the park.';
    const experiment = await simcseExperiment.create({ ...SIMCSE_DEFAULTS, query }, 3);
    const first = await experiment.snapshot();
    expect(first.step).toBe(0);
    expect(first.metrics.spearman).toBeCloseTo(first.metrics.spearmanPretrained, 6);
    expect(first.metrics.spearmanBow).toBeGreaterThan(0);
    // The pretrained encoder already groups sentences by topic: far above chance (1 in 22).
    expect(first.metrics.topicAgreement).toBeCloseTo(first.metrics.topicAgreementPretrained, 6);
    expect(first.metrics.topicAgreementPretrained).toBeGreaterThan(0.2);
    expect(first.metrics.topicAgreementPretrained).toBeLessThanOrEqual(1);
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
    expect(trained.metrics.spearmanPretrained).toBe(first.metrics.spearmanPretrained);
    expect(trained.metrics.topicAgreementPretrained).toBe(first.metrics.topicAgreementPretrained);
    expect(trained.metrics.topicAgreement).toBeGreaterThanOrEqual(0);
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
    serveCheckpoint();
    const cycle = async () => {
      const experiment = await simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: 'rain' }, 1);
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

  it('fetches the checkpoint once per thread: new runs and rebuilds reuse it', async () => {
    // Earlier tests in this file already loaded it: a rebuild and a new run fetch nothing.
    const fetcher = serveCheckpoint();
    const experiment = await simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: '' }, 1);
    experiment.reset(2);
    experiment.dispose();
    (await simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: '' }, 1)).dispose();
    expect(fetcher).not.toHaveBeenCalled();
  }, 120_000);
});
