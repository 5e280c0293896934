// Rows of the NT-Xent benchmark figure: per backend, its time per step and its speed relative
// to the fastest backend measured.
import { BACKEND_LABELS, type BackendName } from '../core/backend';

/** One backend's benchmark outcome as the figure tracks it. */
export type BenchmarkResult =
  | { backend: BackendName; status: 'waiting' | 'running' }
  | { backend: BackendName; status: 'done'; medianMs: number }
  | { backend: BackendName; status: 'failed'; error: string };

/** One row of the benchmark table. */
export interface BenchmarkRow {
  backend: BackendName;
  label: string;
  /** "27.3 ms", "running…", "failed: …" or "—". */
  time: string;
  /** "36.6" steps per second, or "—". */
  stepsPerSecond: string;
  /** Speed relative to the fastest measured backend, in (0, 1]; 0 when not measured. */
  relative: number;
  fastest: boolean;
}

/**
 * Turns benchmark results into table rows.
 *
 * @param results - one per backend, in display order
 */
export function benchmarkRows(results: readonly BenchmarkResult[]): BenchmarkRow[] {
  const times = results.flatMap((r) => (r.status === 'done' ? [r.medianMs] : []));
  const best = times.length > 0 ? Math.min(...times) : NaN;
  return results.map((result) => {
    const base = { backend: result.backend, label: BACKEND_LABELS[result.backend] };
    switch (result.status) {
      case 'done':
        return {
          ...base,
          time: `${result.medianMs.toFixed(1)} ms`,
          stepsPerSecond: (1000 / result.medianMs).toFixed(1),
          relative: best / result.medianMs,
          fastest: result.medianMs === best,
        };
      case 'failed':
        return {
          ...base,
          time: `failed: ${result.error}`,
          stepsPerSecond: '—',
          relative: 0,
          fastest: false,
        };
      case 'running':
        return { ...base, time: 'running…', stepsPerSecond: '—', relative: 0, fastest: false };
      default:
        return { ...base, time: '—', stepsPerSecond: '—', relative: 0, fastest: false };
    }
  });
}
