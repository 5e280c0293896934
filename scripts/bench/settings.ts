// Shared settings and result types of `npm run bench` (the timing run and the report).
import type { TorchInfo } from './torch';

/** Embedding width. */
export const BENCH_D = 128;
/** Examples per view by default: the loss sees 2N vectors. */
const DEFAULT_SIZES = [64, 256, 1024];

/**
 * Examples per view to time: `BENCH_SIZES` (comma-separated, set by `npm run bench -- 64 256`)
 * or the defaults.
 */
export const BENCH_SIZES: number[] = (() => {
  const listed = process.env.BENCH_SIZES;
  if (!listed) return DEFAULT_SIZES;
  const sizes = listed.split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 2)) {
    throw new Error(`Sizes must be integers ≥ 2 (got "${listed}").`);
  }
  return sizes;
})();
/** Temperature of the NT-Xent timings (the speed does not depend on it). */
export const BENCH_TAU = 0.5;
/**
 * Rounds of the tfjs-against-PyTorch comparisons (`BENCH_ROUNDS`, default 5): each round times a
 * block of tfjs steps and then a block of PyTorch steps, and the reported ratio is the median of
 * the rounds' ratios, so load that comes and goes on a shared machine hits both sides alike.
 */
export const BENCH_ROUNDS: number = (() => {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`BENCH_ROUNDS must be an integer ≥ 1 (got "${process.env.BENCH_ROUNDS}").`);
  }
  return rounds;
})();

/** The targets the report checks the ratios against (issue 20). */
export const TARGETS = { ntxent: { 64: 5, 256: 3 } as Record<number, number>, simclr: 2.5 };

/** Per-step times of one block of steps, in ms. */
export interface StepTimes {
  ms: number[];
  /** CPU time of the process: unlike wall time, not stretched by other processes on the machine. */
  cpuMs: number[];
}

/** A median wall-clock and CPU time (or ratio of them). */
export interface Timing {
  ms: number;
  cpuMs: number;
}

/** One column of the NT-Xent table, keyed by N. */
export interface TimingColumn {
  name: string;
  cells: Record<string, Timing>;
}

/** tfjs WASM against PyTorch on one workload, block by block. */
export interface Comparison {
  /** Median of the tfjs blocks' medians. */
  tfjs: Timing;
  /** Median of the PyTorch blocks' medians, when PyTorch ran. */
  torch?: Timing;
  /** Median over the rounds of tfjs ÷ PyTorch, when PyTorch ran. */
  ratio?: Timing;
}

/** Everything the timing run measured, written as JSON for the report. */
export interface BenchResults {
  /** The PyTorch that ran, or why none did. */
  torch: TorchInfo | { skipped: string };
  ntxent: {
    /** Other tfjs columns (the CPU backend, WASM with plain autodiff), timed on their own. */
    columns: TimingColumn[];
    /** tfjs WASM (the library's loss) against PyTorch, keyed by N. */
    wasm: Record<string, Comparison>;
  };
  simclr: { batchSize: number } & Comparison;
}
