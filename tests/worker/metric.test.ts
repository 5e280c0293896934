// The four-loss lab's experiment: parameters, data, pair sampling, the k-NN read-out, learning
// at the defaults, determinism for a seed and a flat tensor count.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { tf } from '../../src/core/tf';
import { makeClusters } from '../../src/data/clusters';
import { metricExperiment, samplePairs } from '../../src/worker/experiments/metric';
import {
  METRIC_DEFAULTS,
  METRIC_PANELS,
  parseMetricParams,
  type MetricParams,
} from '../../src/settings/metric';
import { useWasm } from './helpers';

const small: MetricParams = { ...METRIC_DEFAULTS, clusters: 2 };

describe('metric parameters', () => {
  it('accepts the defaults and names bad or missing fields', () => {
    expect(parseMetricParams(METRIC_DEFAULTS)).toEqual(METRIC_DEFAULTS);
    expect(() => parseMetricParams({ ...METRIC_DEFAULTS, tau: 0 })).toThrow(
      /"tau" must lie in .*\(got 0\)/,
    );
    expect(() => parseMetricParams({ ...METRIC_DEFAULTS, mining: 'easy' })).toThrow(/easy/);
    const noMargin: Partial<MetricParams> = { ...METRIC_DEFAULTS };
    delete noMargin.margin;
    expect(() => parseMetricParams(noMargin)).toThrow(/"margin" is missing/);
  });
});

describe('clusters', () => {
  it('are a function of the random source, balanced, centred on the unit circle', () => {
    const options = (seed: number) => ({
      clusters: 3,
      noise: 0.1,
      trainPerCluster: 4,
      testPerCluster: 2,
      random: createRng(seed),
    });
    const a = makeClusters(options(5));
    expect(makeClusters(options(5))).toEqual(a);
    expect(makeClusters(options(6)).train.points).not.toEqual(a.train.points);
    expect(Array.from(a.train.labels)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(a.test.labels.length).toBe(6);
    for (let c = 0; c < 3; c++) {
      expect(Math.hypot(a.centres[2 * c] as number, a.centres[2 * c + 1] as number)).toBeCloseTo(
        1,
        6,
      );
    }
    expect(() => makeClusters({ ...options(5), clusters: 1 })).toThrow(/clusters/);
    expect(() => makeClusters({ ...options(5), noise: -1 })).toThrow(/noise/);
    expect(() => makeClusters({ ...options(5), nuisanceDims: -1 })).toThrow(/nuisanceDims/);
  });

  it('append nuisance dimensions that leave the cluster coordinates as they were', () => {
    const options = { clusters: 3, noise: 0.1, trainPerCluster: 4, testPerCluster: 2 };
    const plain = makeClusters({ ...options, random: createRng(5) });
    const wide = makeClusters({
      ...options,
      random: createRng(5),
      nuisanceDims: 3,
      nuisanceScale: 2,
    });
    expect(wide.train.dim).toBe(5);
    expect(wide.train.points.length).toBe(5 * 12);
    expect(wide.train.labels).toEqual(plain.train.labels);
    expect(wide.centres).toEqual(plain.centres);
    // The first two coordinates follow the clusters: each lies within 5 noise sds of its centre.
    wide.train.labels.forEach((c, i) => {
      const dx = (wide.train.points[5 * i] as number) - (wide.centres[2 * c] as number);
      const dy = (wide.train.points[5 * i + 1] as number) - (wide.centres[2 * c + 1] as number);
      expect(Math.hypot(dx, dy)).toBeLessThan(0.5);
    });
    const nuisance = Array.from(wide.train.points).filter((_, j) => j % 5 >= 2);
    expect(Math.max(...nuisance.map(Math.abs))).toBeGreaterThan(1);
  });
});

describe('metric helpers', () => {
  it('samplePairs: partners of the stated kind, never the point itself', () => {
    const labels = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    const { partner, similar } = samplePairs(labels, createRng(3));
    partner.forEach((j, i) => {
      expect(j).not.toBe(i);
      expect(labels[j] === labels[i]).toBe(similar[i] === 1);
    });
    expect(similar).toContain(0);
    expect(similar).toContain(1);
  });
});

describe('metric experiment', () => {
  // WASM: the backend the lab gets in headless Chromium, which lacks some gradient kernels.
  beforeAll(useWasm);

  it('shows every panel: plane panels raw, circle panels on the unit circle', async () => {
    const e = metricExperiment.create(small, 1);
    const s = await e.snapshot();
    const count = 2 * (24 + 16);
    // Nuisance inputs: the untrained encoder mixes the two classes (chance is 50%).
    for (const panel of METRIC_PANELS) expect(s.metrics[panel].knn, panel).toBeLessThan(0.9);
    for (const panel of METRIC_PANELS) {
      const p = s.arrays[panel] as Float32Array;
      expect(p.length).toBe(2 * count);
      expect(s.metrics[panel].knn).toBeGreaterThanOrEqual(0);
      expect(s.metrics[panel].uniformity).toBeLessThanOrEqual(0);
    }
    const circle = s.arrays.supcon as Float32Array;
    expect(Math.hypot(circle[0] as number, circle[1] as number)).toBeCloseTo(1, 4);
    // Every panel trains: five steps move every embedding away from the shared initial one.
    await e.run(5);
    const after = await e.snapshot();
    for (const panel of METRIC_PANELS) {
      expect(after.arrays[panel], panel).not.toEqual(s.arrays[panel]);
      expect(Number.isFinite(after.metrics[panel].loss), panel).toBe(true);
    }
    const layout = e.layout();
    expect(layout.labels!.length).toBe(count);
    expect(Array.from(layout.heldOut!.slice(47, 49))).toEqual([0, 1]);
    e.dispose();
  });

  it('learns at the defaults: every panel ends far above its untrained accuracy and chance', async () => {
    const e = metricExperiment.create(METRIC_DEFAULTS, 1);
    const chance = 1 / METRIC_DEFAULTS.clusters;
    const before = (await e.snapshot()).metrics;
    await e.run(40);
    const after = (await e.snapshot()).metrics;
    for (const panel of METRIC_PANELS) {
      const start = before[panel].knn;
      const end = after[panel].knn;
      // Measured with seed 1 (WASM): 36–39% untrained, 98–100% after 40 steps.
      expect(start, panel).toBeLessThan(0.5);
      expect(end, panel).toBeGreaterThan(0.9);
      expect(end - start, panel).toBeGreaterThan(0.4);
      expect(end - chance, panel).toBeGreaterThan(0.5);
    }
    e.dispose();
  }, 30_000);

  it('is deterministic for a seed, reset(seed) replays it, and the tensor count stays flat', async () => {
    const run = async () => {
      const e = metricExperiment.create(small, 4);
      await e.run(6);
      const s = await e.snapshot();
      e.dispose();
      return s;
    };
    const a = await run();
    expect((await run()).arrays).toEqual(a.arrays);
    expect(a.metrics.triplet.loss).toBeGreaterThanOrEqual(0);
    const e = metricExperiment.create(small, 4);
    // Warm-up at both temperatures: NT-Xent caches a few constants per τ, on purpose.
    e.update({ ...small, tau: 0.1 });
    await e.run(3);
    e.update(small);
    await e.run(3);
    await e.snapshot();
    const steady = tf.memory().numTensors;
    e.update({ ...small, mining: 'hard', tau: 0.1 });
    await e.run(3);
    e.update({ ...small, mining: 'random' });
    await e.run(3);
    e.update(small);
    e.reset(4);
    await e.run(6);
    const replay = await e.snapshot();
    expect(replay.arrays).toEqual(a.arrays);
    expect(tf.memory().numTensors).toBe(steady);
    e.dispose();
    expect(tf.memory().numTensors).toBeLessThan(steady);
  });
});
