// Claims of docs/metric-learning.md about the four-loss lab ("Try this"), checked on the lab's own
// experiment at the stated settings (seed 1, WebAssembly as in the browser). Percentages are the
// rounded values the figure shows.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, deriveSeed, euclideanKnnAccuracy } from '../../src/core';
import { makeClusters } from '../../src/data/clusters';
import {
  METRIC_DEFAULTS,
  METRIC_PANELS,
  type MetricPanel,
  type MetricParams,
} from '../../src/settings/metric';
import { metricExperiment, type MetricPanelReading } from '../../src/worker/experiments/metric';
import { useWasm } from '../worker/helpers';
import { ALL_CLAIMS, claimSeeds } from './seeds';

beforeAll(useWasm);

/** Each panel's k-NN accuracy as the figure rounds it, in percent. */
async function shown(e: ReturnType<typeof metricExperiment.create>): Promise<number[]> {
  const { metrics } = await e.snapshot();
  return METRIC_PANELS.map((p: MetricPanel) => Math.round(100 * metrics[p].knn));
}

/** The hard setting of "Make it hard": eight clusters, noise 0.4. */
const HARD = { ...METRIC_DEFAULTS, clusters: 8, noise: 0.4 };

/** The triplet panel's reading at each of `steps`, trained from `seed` at `params`. */
async function tripletPanel(
  params: MetricParams,
  seed: number,
  steps: number[],
): Promise<MetricPanelReading[]> {
  const e = metricExperiment.create(params, seed);
  const readings: MetricPanelReading[] = [];
  let done = 0;
  for (const step of steps) {
    await e.run(step - done);
    done = step;
    readings.push((await e.snapshot()).metrics.triplet);
  }
  e.dispose();
  return readings;
}

let defaultRun: ReturnType<typeof runPressPlay> | undefined;
/** The lab at its defaults (semi-hard mining), seed 1, 40 steps: shared by two claims. */
const pressPlay = () => (defaultRun ??= runPressPlay());
async function runPressPlay() {
  const e = metricExperiment.create(METRIC_DEFAULTS, 1);
  const start = await shown(e);
  await e.run(40);
  const at40 = await shown(e);
  const triplet = (await e.snapshot()).metrics.triplet;
  e.dispose();
  return { start, at40, triplet };
}

let hardRun: ReturnType<typeof runMakeItHard> | undefined;
/** The lab at the hard setting with the default (semi-hard) mining, seed 1: shared by two claims. */
const makeItHard = () => (hardRun ??= runMakeItHard());
async function runMakeItHard() {
  const e = metricExperiment.create(HARD, 1);
  const start = await shown(e);
  await e.run(100);
  const at100 = await shown(e);
  const triplet100 = (await e.snapshot()).metrics.triplet;
  await e.run(150);
  const at250 = await shown(e);
  const triplet250 = (await e.snapshot()).metrics.triplet;
  e.dispose();
  return { start, at100, at250, triplet: [triplet100, triplet250] };
}

/** A triplet panel's k-NN accuracy as the figure rounds it, in percent. */
const percent = (r: MetricPanelReading) => Math.round(100 * r.knn);

describe('metric learning chapter', () => {
  it('"Press play at the defaults": 36% to 39% at step 0, 98% to 100% within 40 steps', async () => {
    const { start, at40 } = await pressPlay();
    for (const v of start) {
      expect(v).toBeGreaterThanOrEqual(36);
      expect(v).toBeLessThanOrEqual(39);
    }
    for (const v of at40) expect(v).toBeGreaterThanOrEqual(98);
  }, 60_000);

  it('"Make it hard": 14–16% at step 0; 48/37/60/52% at step 100; SupCon 34% at step 250', async () => {
    const { start, at100, at250 } = await makeItHard();
    for (const v of start) {
      expect(v).toBeGreaterThanOrEqual(14);
      expect(v).toBeLessThanOrEqual(16);
    }
    expect(at100).toEqual([48, 37, 60, 52]);
    expect(at250[METRIC_PANELS.indexOf('supcon')]).toBe(34);
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

  it('"Change the mining": at the defaults every mining reaches 98% within 40 steps; random and semi-hard triplets are all satisfied, batch-hard ones all active', async () => {
    const [random] = await tripletPanel({ ...METRIC_DEFAULTS, mining: 'random' }, 1, [40]);
    const [hard] = await tripletPanel({ ...METRIC_DEFAULTS, mining: 'hard' }, 1, [40]);
    const semiHard = (await pressPlay()).triplet;
    for (const r of [random!, semiHard, hard!]) expect(percent(r)).toBeGreaterThanOrEqual(98);
    // As the figure rounds them: 0%, 0% and 100%.
    expect(Math.round(100 * random!.active)).toBe(0);
    expect(Math.round(100 * semiHard.active)).toBe(0);
    expect(hard!.active).toBe(1);
  }, 60_000);

  it('"Change the mining": on the hard setting random mining does best, semi-hard worse, batch-hard collapses (uniformity near 0); 23% / 1% / 100% active', async () => {
    const steps = ALL_CLAIMS ? [100, 250] : [100];
    for (const seed of claimSeeds([1, 2])) {
      const random = await tripletPanel({ ...HARD, mining: 'random' }, seed, steps);
      const semiHard =
        seed === 1
          ? (await makeItHard()).triplet
          : await tripletPanel({ ...HARD, mining: 'semi-hard' }, seed, steps);
      const hard = await tripletPanel({ ...HARD, mining: 'hard' }, seed, steps);
      steps.forEach((step, i) => {
        const where = `seed ${seed}, step ${step}`;
        expect(percent(random[i]!), where).toBeGreaterThan(percent(semiHard[i]!) + 3);
        expect(percent(semiHard[i]!), where).toBeGreaterThan(percent(hard[i]!) + 10);
        // Collapsed: uniformity close to 0, where the others stay below −1.4; the accuracy at chance.
        expect(hard[i]!.uniformity, where).toBeGreaterThan(-0.3);
        expect(percent(hard[i]!), where).toBeLessThan(25);
        for (const r of [random[i]!, semiHard[i]!]) expect(r.uniformity, where).toBeLessThan(-1.4);
        if (seed === 1 && step === 100) {
          // The active-triplet read-out at step 100: 23%, 1% and 100% when written.
          expect(Math.round(100 * random[i]!.active)).toBe(23);
          expect(Math.round(100 * semiHard[i]!.active)).toBe(1);
          expect(hard[i]!.active).toBe(1);
        }
      });
    }
  }, 600_000);
});
