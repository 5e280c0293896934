// Shared settings of `npm run bench` (the Node timings, the PyTorch run and the table).

/** Embedding width. */
export const BENCH_D = 128;
/** Examples per view: the loss sees 2N vectors. */
export const BENCH_SIZES = [64, 256, 1024];
/** Temperature (the speed does not depend on it). */
export const BENCH_TAU = 0.5;

/** One column of the table: median ms keyed by N. */
export interface TimingColumn {
  name: string;
  ms: Record<string, number>;
}
