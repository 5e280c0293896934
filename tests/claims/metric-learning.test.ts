// Claims of docs/metric-learning.md about the four-loss lab ("Try this"), checked on the lab's own
// experiment at the stated settings (seed 1, WebAssembly as in the browser). Percentages are the
// rounded values the figure shows.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, deriveSeed, euclideanKnnAccuracy } from '../../src/core';
import { makeClusters } from '../../src/data/clusters';
import { METRIC_DEFAULTS, METRIC_PANELS, type MetricPanel } from '../../src/settings/metric';
import { metricExperiment } from '../../src/worker/experiments/metric';
import { useWasm } from '../worker/helpers';

beforeAll(useWasm);

/** Each panel's k-NN accuracy as the figure rounds it, in percent. */
async function shown(e: ReturnType<typeof metricExperiment.create>): Promise<number[]> {
  const { metrics } = await e.snapshot();
  return METRIC_PANELS.map((p: MetricPanel) => Math.round(100 * metrics[p].knn));
}

describe('metric learning chapter', () => {
  it('"Press play at the defaults": 36% to 39% at step 0, 98% to 100% within 40 steps', async () => {
    const e = metricExperiment.create(METRIC_DEFAULTS, 1);
    for (const v of await shown(e)) {
      expect(v).toBeGreaterThanOrEqual(36);
      expect(v).toBeLessThanOrEqual(39);
    }
    await e.run(40);
    for (const v of await shown(e)) expect(v).toBeGreaterThanOrEqual(98);
    e.dispose();
  }, 60_000);

  it('"Make it hard": 14–16% at step 0; 48/37/60/52% at step 100; SupCon 34% at step 250', async () => {
    const e = metricExperiment.create({ ...METRIC_DEFAULTS, clusters: 8, noise: 0.4 }, 1);
    for (const v of await shown(e)) {
      expect(v).toBeGreaterThanOrEqual(14);
      expect(v).toBeLessThanOrEqual(16);
    }
    await e.run(100);
    expect(await shown(e)).toEqual([48, 37, 60, 52]);
    await e.run(150);
    expect((await shown(e))[METRIC_PANELS.indexOf('supcon')]).toBe(34);
    e.dispose();
  }, 180_000);

  it('"Make it hard": 5-NN on the raw inputs gets 49% with the two that matter, 43% on all eight', () => {
    const { train, test } = makeClusters({
      clusters: 8,
      noise: 0.4,
      trainPerCluster: 24,
      testPerCluster: 16,
      random: createRng(deriveSeed(1, 3)),
      nuisanceDims: 6,
      nuisanceScale: 1,
    });
    const firstTwo = (points: Float32Array) =>
      Float32Array.from(
        { length: (points.length / 8) * 2 },
        (_, j) => points[8 * (j >> 1) + (j & 1)]!,
      );
    const two = euclideanKnnAccuracy(
      firstTwo(train.points),
      train.labels,
      firstTwo(test.points),
      test.labels,
      5,
    );
    const all = euclideanKnnAccuracy(train.points, train.labels, test.points, test.labels, 5);
    expect(Math.round(100 * two)).toBe(49);
    expect(Math.round(100 * all)).toBe(43);
  });
});
