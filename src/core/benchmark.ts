// Times one NT-Xent training step (forward + backward) on the active backend. Shared by
// `npm run bench` and the "Under the hood" page, which runs it in the reader's browser.
import { ntXentLoss } from './ntxent';
import { tf } from './tf';
import { assertInteger, assertPositive } from './validate';

/** A loss with NT-Xent's signature, to benchmark alternatives against the library's. */
export type PairLoss = (z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number) => tf.Scalar;

/** Options of {@link benchmarkNtXent}. */
export interface BenchmarkOptions {
  /** Embedding width (default 128). */
  d?: number;
  /** Temperature (default 0.5; the speed does not depend on it). */
  tau?: number;
  /** Stop adding repetitions once this much time is spent (default 2000 ms). */
  budgetMs?: number;
  /** At most this many timed repetitions (default 60). */
  maxReps?: number;
  /** The loss to time (default {@link ntXentLoss}). */
  loss?: PairLoss;
}

/** Result of {@link benchmarkNtXent}. */
export interface BenchmarkResult {
  /** Median wall time of one step in milliseconds. */
  medianMs: number;
  /** Fastest step in milliseconds. */
  minMs: number;
  /** Timed repetitions (after one warm-up step). */
  reps: number;
}

/**
 * Median wall time of one forward + backward pass of NT-Xent on `n` pairs of `d`-dimensional
 * vectors on the active backend, gradients read back (so GPU backends are timed to completion).
 * One warm-up step first (kernel compilation, cached constants); then at least three timed steps,
 * or one if the warm-up alone exceeded the budget.
 *
 * @param n - examples per view (the loss sees 2n vectors), n ≥ 2.
 */
export async function benchmarkNtXent(
  n: number,
  options: BenchmarkOptions = {},
): Promise<BenchmarkResult> {
  const { d = 128, tau = 0.5, budgetMs = 2000, maxReps = 60, loss = ntXentLoss } = options;
  assertInteger(n, 'n', 2);
  assertInteger(d, 'd', 1);
  assertPositive(budgetMs, 'budgetMs');
  assertInteger(maxReps, 'maxReps', 1);
  const z1 = tf.randomNormal([n, d], 0, 1, 'float32', 1) as tf.Tensor2D;
  const z2 = tf.randomNormal([n, d], 0, 1, 'float32', 2) as tf.Tensor2D;
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    loss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
  );
  const step = async (): Promise<number> => {
    const start = performance.now();
    const g = grads([z1, z2]);
    await Promise.all(g.map((t) => t.data()));
    const ms = performance.now() - start;
    tf.dispose(g);
    return ms;
  };
  try {
    const minimum = (await step()) > budgetMs ? 1 : 3;
    const times: number[] = [];
    let spent = 0;
    while (times.length < minimum || (spent < budgetMs && times.length < maxReps)) {
      const ms = await step();
      times.push(ms);
      spent += ms;
    }
    times.sort((a, b) => a - b);
    const mid = times.length >> 1;
    const medianMs =
      times.length % 2 === 1
        ? (times[mid] as number)
        : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
    return { medianMs, minMs: times[0] as number, reps: times.length };
  } finally {
    tf.dispose([z1, z2]);
  }
}
