// The headless run behind `npm run train:simcse`, on a small budget: training must lift the
// evaluation Spearman above the untrained encoder's, in unsupervised mode with the defaults (the
// variant the chapter's live figure runs) and in supervised mode. On the WASM backend, which the
// script uses, because the default-width unsupervised run is several times slower on CPU.
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SimcseReport, runSimcse } from '../../../src/core/text/headless';
import { cachedConstantCount } from '../../../src/core/constants';
import { tf } from '../../../src/core/tf';
import { defaultSimcseData } from '../../../src/data/sentences';

beforeAll(async () => {
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  await tf.ready();
});

// Cached constants (the uniformity pair mask) are kept on purpose; everything else is freed.
const live = () => tf.memory().numTensors - cachedConstantCount();
/** The chapter's sentence data, as the script hands it in. */
const data = defaultSimcseData();

describe('runSimcse', () => {
  it('unsupervised SimCSE with the defaults raises Spearman clearly above the untrained encoder', async () => {
    const before = live();
    const summary = await runSimcse({ data, mode: 'unsup', seed: 0, steps: 30, every: 30 });
    expect(summary.history.map((r) => r.step)).toEqual([0, 30]);
    expect(summary.final.spearman).toBeGreaterThan(summary.untrained.spearman + 0.025);
    expect(live()).toBe(before);
    // About 15 s on WASM; the margin is for a machine shared with other test runs.
  }, 120_000);

  it('supervised SimCSE raises Spearman too, and reports every K steps', async () => {
    const before = live();
    const reports: SimcseReport[] = [];
    const summary = await runSimcse({
      data,
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
  }, 120_000);

  it('rejects a bad budget', async () => {
    await expect(runSimcse({ data, steps: -1 })).rejects.toThrow(/steps/);
    await expect(runSimcse({ data, steps: 1, every: 0 })).rejects.toThrow(/every/);
  });
});

const STEPS = 12;
