// Claims of docs/mutual-information.md about the bound figure ("Try this"), checked on the
// figure's own experiment (the optimal critic's sweep over N and the learned critic) at the stated
// settings, seed 1 (the figure's default), on WebAssembly as in the browser. Numbers are compared
// at the two decimals the text quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianMutualInformation } from '../../src/core/mi';
import { MI_SWEEP_N } from '../../src/core/mi-session';
import { MI_DEFAULTS, MI_SCHEMA } from '../../src/settings/mutual-info';
import { miExperiment } from '../../src/worker/experiments/mi';
import { useWasm } from '../worker/helpers';

beforeAll(useWasm);

const f2 = (x: number) => x.toFixed(2);

const sweeps = new Map<number, Promise<Map<number, number>>>();
/** The optimal critic's sweep at `rho` (d = 4, seed 1), by N; computed once per ρ. */
function sweep(rho: number): Promise<Map<number, number>> {
  if (!sweeps.has(rho)) sweeps.set(rho, computeSweep(rho));
  return sweeps.get(rho)!;
}

async function computeSweep(rho: number): Promise<Map<number, number>> {
  const e = miExperiment.create({ ...MI_DEFAULTS, rho }, MI_SCHEMA.seed.default);
  const { arrays } = await e.snapshot();
  e.dispose();
  return new Map(MI_SWEEP_N.map((n, i) => [n, arrays.sweep[i]!]));
}

describe('mutual-information bound figure', () => {
  it('the figure: N = 2, 4, …, 1024; true values 3.32 nats (ρ = 0.9, d = 4) and 7.83 (ρ = 0.99), log 1024 ≈ 6.93', () => {
    expect(MI_SWEEP_N).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(MI_DEFAULTS).toMatchObject({ rho: 0.9, dim: 4 });
    expect(f2(gaussianMutualInformation(0.9, 4))).toBe('3.32');
    expect(f2(gaussianMutualInformation(0.99, 4))).toBe('7.83');
    expect(f2(Math.log(1024))).toBe('6.93');
    expect(MI_SCHEMA.rho.max).toBe(0.99);
  });

  it('"Watch it saturate": 0.64 at N = 2, 1.78 at 8, 2.82 at 64, 3.25 at 1024, every point under log N', async () => {
    const at = await sweep(0.9);
    expect([2, 8, 64, 1024].map((n) => f2(at.get(n)!))).toEqual(['0.64', '1.78', '2.82', '3.25']);
    expect(Math.log(2) - at.get(2)!).toBeLessThan(0.06);
    for (const [n, value] of at) expect(value, `N = ${n}`).toBeLessThan(Math.log(n));
    // Bends away from the diagonal; only at 1024 close to the true value.
    expect(Math.log(1024) - at.get(1024)!).toBeGreaterThan(3);
    expect(gaussianMutualInformation(0.9, 4) - at.get(1024)!).toBeLessThan(0.1);
    expect(gaussianMutualInformation(0.9, 4) - at.get(512)!).toBeGreaterThan(0.1);
  });

  it('"Raise ρ to 0.99": along the diagonal, 2.07 at N = 8, 4.12 at 64, 6.45 at 1024, short of log 1024', async () => {
    const at = await sweep(0.99);
    expect([8, 64, 1024].map((n) => f2(at.get(n)!))).toEqual(['2.07', '4.12', '6.45']);
    for (const [n, value] of at) {
      expect(value, `N = ${n}`).toBeLessThan(Math.log(n));
      expect(value, `N = ${n}`).toBeGreaterThan(Math.log(n) - 0.5);
    }
    expect(gaussianMutualInformation(0.99, 4)).toBeGreaterThan(Math.log(1024));
  });

  it('"Train at N = 8, then at N = 1024": from 0 up to about 1.8 under log 8; at 1024 the estimate follows the ceiling up', async () => {
    const e = miExperiment.create({ ...MI_DEFAULTS, n: 8 }, MI_SCHEMA.seed.default);
    const first = await e.run(1);
    expect(-first[0]!.loss).toBeCloseTo(0, 6);
    const readings = [...first, ...(await e.run(99))].map((r) => -r.loss);
    for (const r of readings) expect(r).toBeLessThan(Math.log(8));
    const at8 = (await e.snapshot()).metrics.estimate;
    expect(Math.abs(at8 - 1.8)).toBeLessThan(0.15);
    expect(f2((await sweep(0.9)).get(8)!)).toBe('1.78');
    // Drag N to 1024 while it runs: the next readings jump above log 8, towards the true 3.32.
    e.update({ ...MI_DEFAULTS, n: 1024 });
    for (const r of await e.run(3)) {
      expect(-r.loss).toBeGreaterThan(Math.log(8) + 0.5);
      expect(-r.loss).toBeLessThan(gaussianMutualInformation(0.9, 4));
    }
    e.dispose();
  }, 120_000);
});
