// The host's slices: as many steps as fit in the budget by the latest measurement (at least one),
// a pause before every slice and before the snapshot, the longest stretch reported, and the same
// numbers as one unsliced run. The clock is a fake: each step costs what the test says.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sphereExperiment } from '../../src/worker/experiments/sphere';
import { SPHERE_DEFAULTS, type SphereParams } from '../../src/settings/sphere';
import { TrainingHost } from '../../src/worker/host';
import { SLICE_BUDGET_MS, SliceBudget } from '../../src/worker/slices';
import { typedApi, useCpu } from './helpers';

const params: SphereParams = { ...SPHERE_DEFAULTS, points: 64, groups: 3 };

describe('slice budget', () => {
  it('takes one step before any measurement, then as many as fit, never fewer than one', () => {
    const budget = new SliceBudget(50);
    expect(budget.steps(100)).toBe(1);
    expect(budget.stepMs).toBe(0);
    budget.record(1, 4);
    expect(budget.steps(100)).toBe(12);
    expect(budget.steps(5)).toBe(5);
    budget.record(12, 1200); // steps grew slow: the next slice shrinks at once
    expect(budget.steps(100)).toBe(1);
    expect(budget.stepMs).toBe(100);
    budget.record(3, 0); // below the clock's resolution
    expect(budget.steps(40)).toBe(40);
  });
});

describe('a sliced run', () => {
  beforeAll(useCpu);
  afterEach(() => vi.restoreAllMocks());

  /** A sphere host whose steps cost `stepMs` on a fake clock; records every pause. */
  async function timedHost(stepMs: () => number) {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const create = sphereExperiment.create;
    vi.spyOn(sphereExperiment, 'create').mockImplementation((p, seed) => {
      const experiment = create(p, seed);
      const run = experiment.run.bind(experiment);
      const snapshot = experiment.snapshot.bind(experiment);
      experiment.run = async (steps) => {
        clock += steps * stepMs();
        return run(steps);
      };
      experiment.snapshot = async () => {
        clock += 7;
        return snapshot();
      };
      return experiment;
    });
    const pauses: { at: number; stepMs: number }[] = [];
    const host = typedApi<'sphere'>(
      new TrainingHost(
        async () => ({ backend: 'cpu', reason: 'tests', threads: null, threadsWhy: null }),
        async (ms) => void pauses.push({ at: clock, stepMs: ms }),
      ),
    );
    await host.init(null);
    await host.create('sphere', params, 3);
    return { host, pauses };
  }

  it('keeps each slice within the budget and pauses between slices and before the snapshot', async () => {
    const { host, pauses } = await timedHost(() => 5);
    const result = await host.run(30, true);
    expect(result.step).toBe(30);
    // 1 step (unmeasured), then 10 a slice (50 ms / 5 ms): 1 + 10 + 10 + 9, then the snapshot.
    expect(pauses.map((p) => p.at)).toEqual([0, 5, 55, 105, 150]);
    expect(pauses.map((p) => p.stepMs)).toEqual([0, 5, 5, 5, 5]);
    expect(result.longestTaskMs).toBe(SLICE_BUDGET_MS);
  });

  it('takes one step a slice when a step outlasts the budget, and says how long', async () => {
    const { host, pauses } = await timedHost(() => 400);
    const result = await host.run(3, false);
    expect(pauses.map((p) => p.at)).toEqual([0, 400, 800]);
    expect(pauses.at(-1)?.stepMs).toBe(400);
    expect(result.longestTaskMs).toBe(400);
    expect(result.readings.map((r) => r.step)).toEqual([]);
  });

  it('gives the numbers of an unsliced run for the same seed', async () => {
    const sliced = await timedHost(() => 20);
    const a = await sliced.host.run(25, true);
    vi.restoreAllMocks();
    const plain = typedApi<'sphere'>(
      new TrainingHost(async () => ({
        backend: 'cpu',
        reason: 'tests',
        threads: null,
        threadsWhy: null,
      })),
    );
    await plain.init(null);
    await plain.create('sphere', params, 3);
    const b = await plain.run(25, true);
    expect(a.readings).toEqual(b.readings);
    expect(a.snapshot?.metrics).toEqual(b.snapshot?.metrics);
    expect(a.snapshot?.arrays.points).toEqual(b.snapshot?.arrays.points);
  });
});
