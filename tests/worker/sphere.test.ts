// The sphere lab's experiment: parameters, data, the objectives' expected behaviour, determinism
// and a flat tensor count.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import { sphereExperiment, sphereInputs } from '../../src/worker/experiments/sphere';
import { parseSphereParams, SPHERE_DEFAULTS, type SphereParams } from '../../src/settings/sphere';
import { useWasm } from './helpers';

const small: SphereParams = { ...SPHERE_DEFAULTS, points: 96, groups: 4 };

async function train(params: SphereParams, seed: number, steps: number) {
  const experiment = sphereExperiment.create(params, seed);
  const before = await experiment.snapshot();
  await experiment.run(steps);
  const after = await experiment.snapshot();
  experiment.dispose();
  return { before, after };
}

describe('sphere parameters', () => {
  it('accepts the defaults and rounds the point count down to pairs', () => {
    expect(parseSphereParams(SPHERE_DEFAULTS)).toEqual(SPHERE_DEFAULTS);
    expect(parseSphereParams({ ...SPHERE_DEFAULTS, points: 101 }).points).toBe(100);
  });

  it('names every bad or missing field', () => {
    expect(() => parseSphereParams({ ...SPHERE_DEFAULTS, tau: 0 })).toThrow(
      /"tau" must lie in .*\(got 0\)/,
    );
    expect(() => parseSphereParams({ ...SPHERE_DEFAULTS, objective: 'magic' })).toThrow(/magic/);
    const noLr: Partial<SphereParams> = { ...SPHERE_DEFAULTS };
    delete noLr.lr;
    expect(() => parseSphereParams(noLr)).toThrow(/"lr" is missing/);
    expect(() => parseSphereParams(null)).toThrow(/object/);
  });
});

describe('sphere inputs', () => {
  it('are a function of the seed: pairs of views, balanced groups', () => {
    const a = sphereInputs(64, 4, 3);
    expect(sphereInputs(64, 4, 3)).toEqual(a);
    expect(sphereInputs(64, 4, 4).views1).not.toEqual(a.views1);
    expect(a.views1.length).toBe(32 * 8);
    expect(a.groups.length).toBe(64);
    expect(Array.from(a.groups.slice(0, 32))).toEqual(Array.from(a.groups.slice(32)));
    expect(new Set(a.groups).size).toBe(4);
  });
});

describe('sphere experiment', () => {
  beforeAll(useWasm);

  it('puts every point on the unit sphere or circle', async () => {
    for (const dim of [2, 3]) {
      const e = sphereExperiment.create({ ...small, dim }, 1);
      const s = await e.snapshot();
      const p = s.arrays.points as Float32Array;
      expect(p.length).toBe(96 * dim);
      for (let i = 0; i < 96; i++) {
        let norm = 0;
        for (let k = 0; k < dim; k++) norm += (p[i * dim + k] as number) ** 2;
        expect(Math.sqrt(norm)).toBeCloseTo(1, 4);
      }
      const layout = e.layout();
      expect(Array.from((layout.pairs as Float32Array).slice(0, 4))).toEqual([0, 48, 1, 49]);
      e.dispose();
    }
  });

  it('InfoNCE improves both alignment and uniformity', async () => {
    const { before, after } = await train(small, 1, 120);
    expect(after.metrics.alignment).toBeLessThan(before.metrics.alignment! / 2);
    expect(after.metrics.uniformity).toBeLessThan(before.metrics.uniformity! - 0.4);
  });

  it('alignment alone collapses everything to one point', async () => {
    const { after } = await train({ ...small, objective: 'align' }, 1, 250);
    expect(after.metrics.alignment).toBeLessThan(1e-3);
    expect(after.metrics.uniformity).toBeGreaterThan(-0.08);
  });

  it('uniformity alone spreads the points but does not pull pairs together', async () => {
    const { before, after } = await train({ ...small, objective: 'uniform' }, 1, 120);
    expect(after.metrics.uniformity).toBeLessThan(-1.9);
    expect(after.metrics.alignment).toBeGreaterThan(before.metrics.alignment! * 0.8);
  });

  it('the simple loss aligns pairs but spreads far less than InfoNCE', async () => {
    const simple = await train({ ...small, objective: 'simple' }, 1, 150);
    const infonce = await train(small, 1, 150);
    expect(simple.after.metrics.alignment).toBeLessThan(simple.before.metrics.alignment! / 3);
    expect(simple.after.metrics.uniformity).toBeGreaterThan(
      infonce.after.metrics.uniformity! + 0.5,
    );
  });

  it('is deterministic for a seed, and reset(seed) replays the same run', async () => {
    const a = await train(small, 7, 30);
    const b = await train(small, 7, 30);
    expect(b.after.arrays.points).toEqual(a.after.arrays.points);
    const e = sphereExperiment.create(small, 7);
    await e.run(13);
    e.update({ ...small, tau: 0.1 });
    await e.run(5);
    e.update(small);
    e.reset(7);
    await e.run(30);
    expect((await e.snapshot()).arrays.points).toEqual(a.after.arrays.points);
    e.dispose();
  });

  it('keeps the tensor count flat across runs, resets and dispose', async () => {
    const e = sphereExperiment.create(small, 2);
    await e.run(5);
    await e.snapshot();
    const steady = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await e.run(5);
      await e.snapshot();
      e.update({ ...small, objective: i % 2 ? 'align-uniform' : 'simple', lr: 0.02 });
      e.reset(i);
    }
    await e.run(5);
    await e.snapshot();
    expect(tf.memory().numTensors).toBe(steady);
    e.dispose();
    expect(tf.memory().numTensors).toBeLessThan(steady);
  });
});
