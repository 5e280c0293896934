// The headless run behind `npm run train:simcse`, on a small budget: training must lift the
// evaluation Spearman above the untrained encoder's. Supervised SimCSE is used because it is the
// variant that improves within a few steps on this corpus; unsupervised SimCSE from random
// initialisation does not (see src/core/text/README.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { type SimcseReport, runSimcse } from '../../../src/core/text/headless';
import { cachedConstantCount } from '../../../src/core/constants';
import { tf } from '../../../src/core/tf';
import { useCpu } from '../helpers';

beforeAll(useCpu);

describe('runSimcse', () => {
  it('raises Spearman above the untrained encoder and reports every K steps', async () => {
    // Cached constants (the uniformity pair mask) are kept on purpose; everything else is freed.
    const live = () => tf.memory().numTensors - cachedConstantCount();
    const before = live();
    const reports: SimcseReport[] = [];
    const summary = await runSimcse({
      mode: 'sup',
      seed: 0,
      steps: STEPS,
      every: STEPS / 2,
      batchSize: 16,
      lr: 1e-3,
      encoder: { width: 32 },
      onReport: (r) => reports.push(r),
    });
    expect(reports.map((r) => r.step)).toEqual([0, STEPS / 2, STEPS]);
    expect(summary.history).toEqual(reports);
    expect(summary.untrained.loss).toBeNull();
    expect(summary.final.msPerStep).toBeGreaterThan(0);
    expect(summary.final.spearman).toBeGreaterThan(summary.untrained.spearman + 0.02);
    expect(live()).toBe(before);
    // About 25 s of CPU time; the margin is for a machine shared with other test runs.
  }, 120_000);

  it('rejects a bad budget', async () => {
    await expect(runSimcse({ steps: -1 })).rejects.toThrow(/steps/);
    await expect(runSimcse({ steps: 1, every: 0 })).rejects.toThrow(/every/);
  });
});

const STEPS = 12;
