// The SimCLR trainer's experiment: parameter checks, snapshots with cached read-outs, the
// random-init baseline, reset, and the registry entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { SIMCLR_DEFAULTS } from '../../src/core/simclr';
import { tf } from '../../src/core/tf';
import { EXPERIMENTS } from '../../src/worker/registry';
import { EVAL_EVERY, sessionParams, simclrExperiment } from '../../src/worker/experiments/simclr';
import {
  parseSimclrParams,
  SIMCLR_EXPERIMENT_DEFAULTS,
  type SimclrExperimentParams,
} from '../../src/settings/simclr';
import { useWasm } from './helpers';

const small: SimclrExperimentParams = { ...SIMCLR_EXPERIMENT_DEFAULTS, batch: 32 };

describe('SimCLR parameters', () => {
  it('accepts the defaults and names every bad or missing field', () => {
    expect(parseSimclrParams(SIMCLR_EXPERIMENT_DEFAULTS)).toEqual(SIMCLR_EXPERIMENT_DEFAULTS);
    expect(() => parseSimclrParams({ ...small, tau: 0 })).toThrow(/"tau" must lie in .*\(got 0\)/);
    expect(() => parseSimclrParams({ ...small, batch: 1000 })).toThrow(
      /"batch" must lie in .*\(got 1000\)/,
    );
    expect(() => parseSimclrParams({ ...small, crop: 'maybe' })).toThrow(
      /"crop" must be .*\(got "maybe"\)/,
    );
    const noLr: Partial<SimclrExperimentParams> = { ...small };
    delete noLr.lr;
    expect(() => parseSimclrParams(noLr)).toThrow(/"lr" is missing/);
    expect(() => parseSimclrParams(null)).toThrow(/object/);
  });

  it('maps the toggles onto the core augmentations', () => {
    const p = sessionParams({ ...small, color: false, gray: false, strength: 1 });
    expect(p).toMatchObject({ tau: small.tau, batchSize: 32, lr: small.lr });
    expect(p.augment).toEqual({
      crop: true,
      flip: true,
      colorJitter: false,
      grayscale: false,
      blur: false,
      strength: 1,
      minCropArea: small.area,
    });
  });

  it('defaults to the core session’s tuned settings', () => {
    expect(sessionParams(SIMCLR_EXPERIMENT_DEFAULTS)).toEqual(SIMCLR_DEFAULTS);
  });
});

describe('SimCLR experiment', () => {
  beforeAll(useWasm);

  it('builds the encoder with the chosen readout, and rebuilds when it changes', async () => {
    expect(simclrExperiment.rebuildOn).toContain('readout');
    const baselines = [];
    for (const readout of ['average', 'flatten'] as const) {
      const experiment = simclrExperiment.create({ ...small, readout }, 1);
      baselines.push((await experiment.snapshot()).metrics.knnBaseline);
      experiment.dispose();
    }
    expect(baselines[0]).not.toBe(baselines[1]);
  });

  it('is registered under "simclr"', async () => {
    expect(await EXPERIMENTS.simclr!()).toBe(simclrExperiment);
  });

  it('snapshots k-NN, probe and baseline, re-evaluating only every few steps, without leaks', async () => {
    const experiment = simclrExperiment.create(small, 1);
    const first = await experiment.snapshot();
    expect(first.step).toBe(0);
    // At step 0 the encoder is the random-init one: its read-outs are the baseline's.
    expect(first.metrics.knn).toBe(first.metrics.knnBaseline);
    expect(first.metrics.probe).toBe(first.metrics.probeBaseline);
    expect(first.arrays.points!.length).toBe(3 * experiment.layout().groups!.length);
    const readings = await experiment.run(EVAL_EVERY - 1);
    expect(readings.length).toBeGreaterThan(0);
    // After the first steps: Adam's moments and NT-Xent's constants exist from here on.
    const count = tf.memory().numTensors;
    const cached = await experiment.snapshot();
    expect(cached.metrics.knnStep).toBe(0);
    await experiment.run(1);
    const fresh = await experiment.snapshot();
    expect(fresh.metrics.knnStep).toBe(EVAL_EVERY);
    expect(fresh.arrays.points).not.toEqual(first.arrays.points);
    experiment.update({ ...small, lr: 0.01 });
    await experiment.run(2);
    expect(tf.memory().numTensors).toBe(count);
    experiment.reset(1);
    const again = await experiment.snapshot();
    expect(again.step).toBe(0);
    expect(again.metrics.knn).toBe(first.metrics.knn);
    experiment.dispose();
  });
});
