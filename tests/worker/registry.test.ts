// The registry: the one map of experiment names, the types the page reads from it, and the
// definitions it loads (each under its own name).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SphereParams } from '../../src/settings/sphere';
import type { MetricParams } from '../../src/settings/metric';
import type { SimcseParams } from '../../src/settings/simcse';
import type { SimclrExperimentParams } from '../../src/settings/simclr';
import type { MutualInfoParams } from '../../src/settings/mutual-info';
import type { MetricPanelReading } from '../../src/worker/experiments/metric';
import type { SphereMetrics } from '../../src/worker/experiments/sphere';
import type { RunResult, TrainingApi } from '../../src/worker/host';
import type { TrainingWorkerOptions } from '../../components/composables/useTrainingWorker';
import {
  EXPERIMENTS,
  isExperimentName,
  loadExperiment,
  type ExperimentArrays,
  type ExperimentLayout,
  type ExperimentMetrics,
  type ExperimentName,
  type ExperimentParams,
} from '../../src/worker/registry';
import type { MocoExperimentParams } from '../../src/settings/moco';
import type { ClipExperimentParams } from '../../src/settings/clip';

describe('experiment registry', () => {
  it('names eight experiments, as a union type', () => {
    expect(Object.keys(EXPERIMENTS).sort()).toEqual([
      'clip',
      'collapse',
      'metric',
      'mi',
      'moco',
      'simclr',
      'simcse',
      'sphere',
    ]);
    expectTypeOf<ExperimentName>().toEqualTypeOf<
      'sphere' | 'metric' | 'simcse' | 'simclr' | 'mi' | 'collapse' | 'moco' | 'clip'
    >();
    expect(isExperimentName('sphere')).toBe(true);
    expect(isExperimentName('toString')).toBe(false);
    expect(isExperimentName(3)).toBe(false);
  });

  it('gives each name its parameter, metric, array and layout types', () => {
    expectTypeOf<ExperimentParams<'sphere'>>().toEqualTypeOf<SphereParams>();
    expectTypeOf<ExperimentParams<'metric'>>().toEqualTypeOf<MetricParams>();
    expectTypeOf<ExperimentParams<'simcse'>>().toEqualTypeOf<SimcseParams>();
    expectTypeOf<ExperimentParams<'simclr'>>().toEqualTypeOf<SimclrExperimentParams>();
    expectTypeOf<ExperimentParams<'mi'>>().toEqualTypeOf<MutualInfoParams>();
    expectTypeOf<ExperimentParams<'moco'>>().toEqualTypeOf<MocoExperimentParams>();
    expectTypeOf<ExperimentParams<'clip'>>().toEqualTypeOf<ClipExperimentParams>();
    expectTypeOf<ExperimentLayout<'clip'>>().toEqualTypeOf<{ display: Float32Array }>();
    expectTypeOf<ExperimentArrays<'mi'>>().toEqualTypeOf<{ sweep: Float32Array }>();
    expectTypeOf<ExperimentMetrics<'sphere'>>().toEqualTypeOf<SphereMetrics>();
    expectTypeOf<ExperimentMetrics<'metric'>['supcon']>().toEqualTypeOf<MetricPanelReading>();
    expectTypeOf<ExperimentArrays<'sphere'>>().toEqualTypeOf<{ points: Float32Array }>();
    expectTypeOf<ExperimentLayout<'sphere'>>().toEqualTypeOf<{
      groups: Float32Array;
      pairs: Float32Array;
    }>();
    expectTypeOf<NonNullable<RunResult<'simclr'>['snapshot']>['metrics']['knn']>().toBeNumber();
  });

  it('types the commands and a figure’s options by the experiment’s name', () => {
    expectTypeOf<TrainingApi<'sphere'>['create']>().parameter(0).toEqualTypeOf<'sphere'>();
    expectTypeOf<TrainingApi<'sphere'>['create']>().parameter(1).toEqualTypeOf<SphereParams>();
    expectTypeOf<TrainingApi<'metric'>['setParams']>().parameter(0).toEqualTypeOf<MetricParams>();
    expectTypeOf<TrainingWorkerOptions<'simcse'>['params']>().returns.toEqualTypeOf<SimcseParams>();
    const metricOnly = (params: MetricParams): Pick<TrainingWorkerOptions<'sphere'>, 'params'> =>
      // @ts-expect-error the metric lab's parameters are not the sphere lab's
      ({ params: () => params });
    expect(typeof metricOnly).toBe('function');
  });

  it('loads each definition under its own name', async () => {
    for (const name of Object.keys(EXPERIMENTS) as ExperimentName[]) {
      const definition = await loadExperiment(name);
      expect(definition.name).toBe(name);
      expect(typeof definition.parse).toBe('function');
    }
  });
});
