// The step-time benchmark figure: what it can time (an NT-Xent step or a whole SimCLR training
// step) and its rows, per backend its time per step and its speed relative to the fastest.
import { BACKEND_LABELS, type BackendName, type TimingOptions } from '../core/backend';
import { ntXentWorkload, type StepWorkload } from '../core/benchmark';
import { simclrStepWorkload } from '../core/simclr';

/** One thing the benchmark figure can time. */
export interface BenchmarkWorkload {
  /** Stable key (the select's value). */
  id: string;
  /** The select's text. */
  label: string;
  /** What one step does, a sentence for the figure. */
  description: string;
  /** Warm-up and timed steps (a SimCLR step on the CPU backend takes seconds, so fewer). */
  timing: Pick<TimingOptions, 'warmup' | 'repeats'>;
  /** Builds the workload on the active backend. */
  build(): StepWorkload;
}

/** Embedding width of the NT-Xent steps: SimCLR's projection head outputs 128 numbers per view. */
const NTXENT_D = 128;
const NTXENT_TAU = 0.1;

const ntXent = (pairs: number): BenchmarkWorkload => ({
  id: `ntxent-${pairs}`,
  label: `NT-Xent, ${pairs} pairs`,
  description:
    `One step = the NT-Xent loss of ${pairs} pairs of ${NTXENT_D}-dimensional vectors at ` +
    `τ = ${NTXENT_TAU}, and its gradient with respect to both views. Three warm-up steps, then ` +
    'the median of ten.',
  timing: { warmup: 3, repeats: 10 },
  build: () => ntXentWorkload(pairs, { d: NTXENT_D, tau: NTXENT_TAU }),
});

/**
 * What the benchmark figure offers: NT-Xent alone at three batch sizes, and one whole training
 * step of the SimCLR chapter's model (the step `npm run bench` compares with PyTorch).
 */
export const BENCHMARK_WORKLOADS: readonly BenchmarkWorkload[] = [
  ntXent(64),
  ntXent(256),
  ntXent(1024),
  {
    id: 'simclr-64',
    label: 'SimCLR, 64 images',
    description:
      'One SimCLR trainer step on a fixed batch of 2 × 64 pictures: encoder, head, NT-Xent, all ' +
      'gradients and Adam. Two warm-up steps, then the median of five.',
    timing: { warmup: 2, repeats: 5 },
    build: () => simclrStepWorkload({ batchSize: 64 }),
  },
];

/** The workload the figure starts with: NT-Xent at N = 256. */
export const DEFAULT_BENCHMARK_WORKLOAD = BENCHMARK_WORKLOADS[1]!;

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
