// Claims of docs/moco.md ("What the miniature shows") about the MoCo trainer, checked on the
// figure's own experiment at the stated settings: batch 16, τ = 0.2, learning rate 0.003, 1,500
// steps, seeds 1–3, WebAssembly as in the browser. Runs are deterministic for a seed and backend,
// so the per-seed k-NN accuracies the chapter's table quotes (as the figure rounds them) are
// pinned here, and the means and spreads follow from them. Slow: nine runs of 1,500 steps.
import { beforeAll, describe, expect, it } from 'vitest';
import { MOCO_EXPERIMENT_DEFAULTS, type MocoExperimentParams } from '../../src/settings/moco';
import { mocoExperiment } from '../../src/worker/experiments/moco';
import { useWasm } from '../worker/helpers';

beforeAll(useWasm);

const STEPS = 1500;
const SEEDS = [1, 2, 3];
const TIMEOUT = 3 * 3_600_000;

interface Run {
  baseline: string;
  knn: string;
  lag: number;
}

/** A percentage as the figure prints it. */
const shown = (x: number) => (100 * x).toFixed(1);

async function train(changes: Partial<MocoExperimentParams>): Promise<Run[]> {
  const runs: Run[] = [];
  for (const seed of SEEDS) {
    const e = mocoExperiment.create({ ...MOCO_EXPERIMENT_DEFAULTS, ...changes }, seed);
    const baseline = (await e.snapshot()).metrics.knnBaseline;
    await e.run(STEPS);
    const { knn, lag } = (await e.snapshot()).metrics;
    e.dispose();
    runs.push({ baseline: shown(baseline), knn: shown(knn), lag });
  }
  return runs;
}

describe('MoCo chapter: what the miniature shows', () => {
  it(
    'the defaults (K = 4,096, m = 0.99): 30.9, 15.3, 10.6 % against random init 21.3, 19.2, 18.3 %; lag 0.33–0.43',
    async () => {
      const runs = await train({});
      expect(runs.map((r) => r.baseline)).toEqual(['21.3', '19.2', '18.3']);
      expect(runs.map((r) => r.knn)).toEqual(['30.9', '15.3', '10.6']);
      for (const r of runs) {
        expect(r.lag).toBeGreaterThan(0.33);
        expect(r.lag).toBeLessThan(0.43);
      }
    },
    TIMEOUT,
  );

  it(
    'm = 0 with the same queue: 18.1, 21.1, 19.5 %, within 3.2 points of random init',
    async () => {
      const runs = await train({ m: '0' });
      expect(runs.map((r) => r.knn)).toEqual(['18.1', '21.1', '19.5']);
      for (const r of runs)
        expect(Math.abs(Number(r.knn) - Number(r.baseline))).toBeLessThanOrEqual(3.2 + 1e-9);
    },
    TIMEOUT,
  );

  it(
    'no queue (K = 0, in-batch negatives): 28.9, 30.6, 19.4 %; lag under 0.05',
    async () => {
      const runs = await train({ queue: 0 });
      expect(runs.map((r) => r.knn)).toEqual(['28.9', '30.6', '19.4']);
      for (const r of runs) expect(r.lag).toBeLessThan(0.05);
    },
    TIMEOUT,
  );
});
