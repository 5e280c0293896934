// The mutual-information experiment: strict parameters, the numbers of the main-thread code it
// replaces (CriticTraining stepped once a frame, createSweep one N at a time) for a seed, updates,
// resets, rebuilds through the host, and a flat tensor count.
import { beforeAll, describe, expect, it } from 'vitest';
import { CriticTraining, createSweep, MI_SWEEP_N } from '../../src/core/mi-session';
import { tf } from '../../src/core/tf';
import {
  MI_DEFAULTS,
  parseMutualInfoParams,
  type MutualInfoParams,
} from '../../src/settings/mutual-info';
import { miExperiment, optimalSweep } from '../../src/worker/experiments/mi';
import { localHost, typedApi, useWasm } from './helpers';

const small: MutualInfoParams = { n: 16, rho: 0.8, dim: 2 };

/** The old figure's critic: one step and one flush per frame, N and ρ changed between frames. */
async function mainThreadEstimates(
  seed: number,
  plan: { steps: number; n: number; rho: number }[],
): Promise<number[]> {
  const critic = new CriticTraining({ ...small, seed });
  const estimates: number[] = [];
  for (const { steps, n, rho } of plan) {
    critic.setProblem(n, rho);
    for (let i = 0; i < steps; i++) {
      critic.step();
      for (const r of await critic.flush()) estimates.push(r.estimate);
    }
  }
  critic.dispose();
  return estimates;
}

describe('mutual-information parameters', () => {
  it('accepts the defaults and names every bad or missing field', () => {
    expect(parseMutualInfoParams(MI_DEFAULTS)).toEqual(MI_DEFAULTS);
    expect(() => parseMutualInfoParams({ ...MI_DEFAULTS, n: 1 })).toThrow(
      /Bad mutual-information parameters: "n" must lie in \[2, 1024\] \(got 1\)/,
    );
    expect(() => parseMutualInfoParams({ ...MI_DEFAULTS, dim: 2.5 })).toThrow(
      /"dim" must be a whole/,
    );
    expect(() => parseMutualInfoParams({ n: 8, dim: 2 })).toThrow(/"rho" is missing/);
    expect(() => parseMutualInfoParams({ ...MI_DEFAULTS, rho: '0.5' })).toThrow(/finite number/);
  });
});

describe('mutual-information experiment', () => {
  beforeAll(useWasm);

  it('gives the old main-thread numbers for a seed, whatever the steps per run', async () => {
    const e = miExperiment.create(small, 3);
    const first = await e.run(3);
    e.update({ ...small, n: 32, rho: 0.5 });
    const second = await e.run(4);
    const snapshot = await e.snapshot();
    e.dispose();
    const expected = await mainThreadEstimates(3, [
      { steps: 3, n: 16, rho: 0.8 },
      { steps: 4, n: 32, rho: 0.5 },
    ]);
    const readings = [...first, ...second];
    expect(readings.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(readings.map((r) => -r.loss)).toEqual(expected);
    expect(snapshot.step).toBe(7);
    expect(snapshot.metrics.estimate).toBe(expected.reduce((a, b) => a + b, 0) / 7);
  });

  it('sweeps N as the old figure did, and redoes it for a new ρ or seed only', async () => {
    const e = miExperiment.create(small, 5);
    const sweep = (await e.snapshot()).arrays.sweep;
    const estimateAt = createSweep({ rho: 0.8, dim: 2 }, 5);
    const expected = [];
    for (const n of MI_SWEEP_N) expected.push(await estimateAt(n));
    expect(Array.from(sweep)).toEqual(expected);
    for (const [i, n] of MI_SWEEP_N.entries()) {
      expect(sweep[i]).toBeLessThanOrEqual(Math.fround(Math.log(n)) + 1e-6);
    }

    e.update({ ...small, n: 128 });
    expect((await e.snapshot()).arrays.sweep).toEqual(sweep);
    e.update({ ...small, n: 128, rho: 0.3 });
    expect((await e.snapshot()).arrays.sweep).toEqual(
      await optimalSweep({ ...small, rho: 0.3 }, 5),
    );
    e.reset(6);
    expect((await e.snapshot()).arrays.sweep).toEqual(
      await optimalSweep({ ...small, rho: 0.3 }, 6),
    );
    expect(e.layout()).toEqual({});
    e.dispose();
  });

  it('reset(seed) replays the run of a fresh experiment', async () => {
    const fresh = miExperiment.create(small, 9);
    const expected = await fresh.run(6);
    fresh.dispose();
    const e = miExperiment.create(small, 2);
    await e.run(4);
    e.reset(9);
    expect((await e.snapshot()).metrics.estimate).toBeNaN();
    expect(await e.run(6)).toEqual(expected);
    e.dispose();
  });

  it('runs behind the host: bad parameters refused, a new d rebuilds', async () => {
    const host = localHost();
    const api = typedApi<'mi'>(host);
    await api.init('cpu');
    await expect(api.create('mi', { ...small, n: 4096 }, 1)).rejects.toThrow(/"n" must lie in/);
    await api.create('mi', small, 1);
    const first = await api.run(2, true);
    expect(first.step).toBe(2);
    expect(first.readings).toHaveLength(2);
    expect(first.snapshot?.arrays.sweep).toHaveLength(MI_SWEEP_N.length);
    expect(first.layout).toEqual({});
    expect(await api.setParams({ ...small, n: 64 })).toBe(false);
    expect((await api.run(1, false)).step).toBe(3);
    expect(await api.setParams({ ...small, n: 64, dim: 3 })).toBe(true);
    expect((await api.run(0, true)).step).toBe(0);
    await api.dispose();
  });

  it('keeps the tensor count flat over many steps, updates and resets, and frees it all', async () => {
    const before = tf.memory().numTensors;
    const e = miExperiment.create(small, 2);
    await e.run(5);
    await e.snapshot();
    const steady = tf.memory().numTensors;
    // Every snapshot after a new ρ or a reset redoes the sweep: two of each.
    for (let i = 0; i < 20; i++) {
      await e.run(10);
      await e.snapshot();
      e.update({ ...small, n: 8 * (i + 1), rho: i < 10 ? 0.8 : 0.5 });
      if (i % 10 === 4) e.reset(i);
    }
    await e.run(5);
    await e.snapshot();
    expect(tf.memory().numTensors).toBe(steady);
    e.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
