// The headless run behind `npm run train:simcse`: evaluates before training and every K steps,
// summarises, frees everything, and rejects a bad budget. What training achieves with the shipped
// checkpoint is asserted by the chapter's claim tests (tests/claims/simcse.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { type SimcseReport, runSimcse } from '../../../src/core/text/headless';
import { cachedConstantCount } from '../../../src/core/constants';
import { tf } from '../../../src/core/tf';
import { defaultSimcseData } from '../../../src/data/sentences';
import { useCpu } from '../helpers';
import { randomCheckpoint } from './random-checkpoint';

beforeAll(useCpu);

// Cached constants (the uniformity pair mask) are kept on purpose; everything else is freed.
const live = () => tf.memory().numTensors - cachedConstantCount();
const full = defaultSimcseData();
const data = {
  corpus: full.corpus.filter((_, i) => i % 20 === 0),
  triples: full.triples.slice(0, 24),
  pairs: full.pairs.filter((_, i) => i % 8 === 0),
  queries: full.queries.filter((_, i) => i % 40 === 0),
};
const checkpoint = randomCheckpoint(data, 16);
const STEPS = 6;

describe('runSimcse', () => {
  it('reports the untrained encoder and then every K steps, and frees everything', async () => {
    const before = live();
    const reports: SimcseReport[] = [];
    const summary = await runSimcse({
      data,
      checkpoint,
      mode: 'sup',
      seed: 0,
      steps: STEPS,
      every: STEPS / 2,
      batchSize: 8,
      onReport: (r) => reports.push(r),
    });
    expect(reports.map((r) => r.step)).toEqual([0, STEPS / 2, STEPS]);
    expect(summary.history).toEqual(reports);
    expect(summary.untrained.loss).toBeNull();
    expect(summary.final.msPerStep).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.topicAgreement).toBeGreaterThanOrEqual(0);
      expect(r.topicAgreement).toBeLessThanOrEqual(1);
    }
    expect(live()).toBe(before);
  }, 60_000);

  it('rejects a bad budget', async () => {
    await expect(runSimcse({ data, checkpoint, steps: -1 })).rejects.toThrow(/steps/);
    await expect(runSimcse({ data, checkpoint, steps: 1, every: 0 })).rejects.toThrow(/every/);
  });
});
