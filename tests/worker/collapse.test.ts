// The collapse lab's experiment: parameters, data, determinism, every objective through the
// registry's host, and a flat tensor count over 2,000 steps of each objective.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import {
  COLLAPSE_DEFAULTS,
  COLLAPSE_OBJECTIVES,
  parseCollapseParams,
  type CollapseParams,
} from '../../src/settings/collapse';
import {
  CLASSES,
  collapseData,
  collapseExperiment,
  HELD_OUT_SIZE,
  INPUT_DIM,
} from '../../src/worker/experiments/collapse';
import { localHost, typedApi, useWasm } from './helpers';

describe('collapse parameters', () => {
  it('accepts the defaults and names a bad field', () => {
    expect(parseCollapseParams(COLLAPSE_DEFAULTS)).toEqual(COLLAPSE_DEFAULTS);
    expect(() => parseCollapseParams({ ...COLLAPSE_DEFAULTS, objective: 'vicreg' })).toThrow(
      /vicreg/,
    );
    expect(() => parseCollapseParams({ ...COLLAPSE_DEFAULTS, momentum: 1 })).toThrow(/momentum/);
    expect(() => parseCollapseParams({ ...COLLAPSE_DEFAULTS, stopgrad: 'yes' })).toThrow(
      /stopgrad/,
    );
  });
});

describe('collapse data', () => {
  it('is a function of the seed, with balanced held-out classes', () => {
    const a = collapseData(3);
    expect(collapseData(3)).toEqual(a);
    expect(collapseData(4).heldOut).not.toEqual(a.heldOut);
    expect(a.heldOut.length).toBe(HELD_OUT_SIZE * INPUT_DIM);
    const counts = new Array<number>(CLASSES).fill(0);
    for (const label of a.heldOutLabels) counts[label]! += 1;
    expect(counts).toEqual(new Array<number>(CLASSES).fill(HELD_OUT_SIZE / CLASSES));
  });
});

describe('collapse experiment', () => {
  beforeAll(useWasm);

  it('reports its read-outs at step 0: d eigenvalues, std, rank and the random-init k-NN', async () => {
    const e = collapseExperiment.create({ ...COLLAPSE_DEFAULTS, dim: 8 }, 1);
    const s = await e.snapshot();
    expect(s.step).toBe(0);
    expect(s.arrays.spectrum.length).toBe(8);
    expect(s.metrics.stdReference).toBeCloseTo(1 / Math.sqrt(8), 6);
    expect(s.metrics.rank).toBeGreaterThan(1);
    expect(s.metrics.rank).toBeLessThanOrEqual(8);
    expect(s.metrics.knn).toBe(s.metrics.knnBaseline);
    e.dispose();
  });

  it('is deterministic for a seed, and reset(seed) replays the same run', async () => {
    const params: CollapseParams = { ...COLLAPSE_DEFAULTS, objective: 'byol' };
    const run = async () => {
      const e = collapseExperiment.create(params, 7);
      await e.run(20);
      const s = await e.snapshot();
      e.dispose();
      return s;
    };
    const a = await run();
    expect((await run()).arrays.spectrum).toEqual(a.arrays.spectrum);
    const e = collapseExperiment.create(params, 7);
    await e.run(13);
    e.update({ ...params, momentum: 0.5 });
    await e.run(5);
    e.update(params);
    e.reset(7);
    await e.run(20);
    expect((await e.snapshot()).arrays.spectrum).toEqual(a.arrays.spectrum);
    e.dispose();
  });

  it('runs every objective through the host, which checks its parameters', async () => {
    const api = typedApi<'collapse'>(localHost());
    await api.init('wasm');
    await expect(api.create('collapse', { ...COLLAPSE_DEFAULTS, dim: 100 }, 1)).rejects.toThrow(
      /"dim" must lie in/,
    );
    await api.create('collapse', COLLAPSE_DEFAULTS, 1);
    for (const objective of COLLAPSE_OBJECTIVES) {
      await api.setParams({ ...COLLAPSE_DEFAULTS, objective });
      const result = await api.run(10, true);
      expect(Number.isFinite(result.snapshot?.metrics.std)).toBe(true);
    }
    await api.dispose();
  });

  it.each(COLLAPSE_OBJECTIVES)(
    'keeps the tensor count flat over 2,000 steps of %s, a reset and dispose',
    async (objective) => {
      const params = { ...COLLAPSE_DEFAULTS, objective, stopgrad: objective !== 'simsiam' };
      const e = collapseExperiment.create(params, 2);
      await e.run(10);
      await e.snapshot();
      const steady = tf.memory().numTensors;
      const counts: number[] = [];
      for (let i = 0; i < 4; i++) {
        await e.run(500);
        await e.snapshot();
        counts.push(tf.memory().numTensors);
      }
      expect(counts).toEqual([steady, steady, steady, steady]);
      e.reset(3);
      await e.run(10);
      await e.snapshot();
      expect(tf.memory().numTensors).toBe(steady);
      e.dispose();
      expect(tf.memory().numTensors).toBeLessThan(steady);
    },
    600_000,
  );
});
