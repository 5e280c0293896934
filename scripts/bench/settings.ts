// Shared settings of `npm run bench` (the Node timings, the PyTorch run and the table).

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
/** Temperature (the speed does not depend on it). */
export const BENCH_TAU = 0.5;

/** One column of the table, keyed by N: median wall-clock and CPU ms per step. */
export interface TimingColumn {
  name: string;
  ms: Record<string, number>;
  /** CPU time of the process: unlike wall time, not stretched by other processes on the machine. */
  cpuMs: Record<string, number>;
}
