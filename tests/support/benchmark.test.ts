import { describe, expect, it } from 'vitest';
import { benchmarkRows } from '../../src/support/benchmark';

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
