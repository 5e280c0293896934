import { beforeAll, describe, expect, it } from 'vitest';
import { disposeCachedConstants } from '../../src/core/constants';
import { tf } from '../../src/core/tf';
import {
  BENCHMARK_WORKLOADS,
  DEFAULT_BENCHMARK_WORKLOAD,
  benchmarkRows,
} from '../../src/support/benchmark';
import { useCpu } from '../core/helpers';

describe('benchmarkRows', () => {
  it('reports time, speed and speed relative to the fastest backend', () => {
    const rows = benchmarkRows([
      { backend: 'webgl', status: 'done', medianMs: 50 },
      { backend: 'wasm', status: 'done', medianMs: 25 },
      { backend: 'cpu', status: 'done', medianMs: 100 },
    ]);
    expect(rows.map((r) => [r.label, r.time, r.stepsPerSecond, r.relative, r.fastest])).toEqual([
      ['WebGL', '50.0 ms', '20.0', 0.5, false],
      ['WebAssembly', '25.0 ms', '40.0', 1, true],
      ['Plain JavaScript (CPU)', '100.0 ms', '10.0', 0.25, false],
    ]);
  });

  it('shows waiting, running and failed backends without a speed', () => {
    const rows = benchmarkRows([
      { backend: 'webgpu', status: 'failed', error: 'no adapter' },
      { backend: 'webgl', status: 'running' },
      { backend: 'cpu', status: 'waiting' },
    ]);
    expect(rows.map((r) => [r.time, r.stepsPerSecond, r.relative, r.fastest])).toEqual([
      ['failed: no adapter', '—', 0, false],
      ['running…', '—', 0, false],
      ['—', '—', 0, false],
    ]);
  });
});

describe('BENCHMARK_WORKLOADS', () => {
  beforeAll(useCpu);

  it('offers NT-Xent at three batch sizes and the SimCLR step, starting at N = 256', () => {
    expect(BENCHMARK_WORKLOADS.map((w) => w.id)).toEqual([
      'ntxent-64',
      'ntxent-256',
      'ntxent-1024',
      'simclr-64',
    ]);
    expect(DEFAULT_BENCHMARK_WORKLOAD.id).toBe('ntxent-256');
    expect(DEFAULT_BENCHMARK_WORKLOAD.description).toMatch(
      /^One step = the NT-Xent loss of 256 pairs/,
    );
  });

  // The larger steps take seconds on the CPU backend; simclrStepWorkload has its own test.
  it('builds the smaller NT-Xent workloads on the active backend; it runs a step and frees its tensors', async () => {
    for (const workload of BENCHMARK_WORKLOADS.slice(0, 2)) {
      disposeCachedConstants();
      const before = tf.memory().numTensors;
      const step = workload.build();
      await step.run();
      step.dispose();
      disposeCachedConstants();
      expect(tf.memory().numTensors, workload.id).toBe(before);
      expect(workload.timing.repeats! >= 5 && workload.timing.warmup! >= 2, workload.id).toBe(true);
    }
  });
});
