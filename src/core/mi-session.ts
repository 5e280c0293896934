// The computations behind the mutual-information figure, free of any view: the sweep of the
// InfoNCE estimate with the optimal critic over N, and a quadratic critic trained by gradient
// ascent on the InfoNCE bound. Both are seeded, so a seed replays the same numbers.
import {
  createGaussianCritic,
  infoNCEEstimate,
  optimalGaussianCritic,
  sampleCorrelatedGaussians,
  type GaussianPairs,
} from './mi';
import { createRng } from './rng';
import { tf } from './tf';
import { Trainer } from './trainer';

/** The N of the sweep: powers of two from 2 to 1024. */
export const MI_SWEEP_N: readonly number[] = Array.from({ length: 10 }, (_, k) => 2 ** (k + 1));

/** Pairs drawn per N in the sweep (averaged over batches), at least two batches. */
export const MI_SWEEP_PAIRS = 2048;

/** Adam's learning rate for the learned critic. */
export const MI_CRITIC_RATE = 0.1;

/** Batches averaged in the learned critic's reported estimate: one batch of N = 8 is noisy. */
export const MI_RECENT = 20;

/** The problem both computations share: the correlation ρ per dimension and the dimension d. */
export interface GaussianProblem {
  rho: number;
  dim: number;
}

/** Batches the sweep averages at N: {@link MI_SWEEP_PAIRS} pairs, and never fewer than two. */
export function sweepBatches(n: number, pairs = MI_SWEEP_PAIRS): number {
  return Math.max(2, Math.floor(pairs / n));
}

/**
 * The optimal-critic sweep of one seed: call the returned function with each N in turn (the
 * figure waits a frame between two) and it resolves to the mean InfoNCE estimate over
 * {@link sweepBatches}(N) fresh batches. All calls draw from one stream seeded with `seed`, so
 * the same seed and the same order of N give the same estimates. Leaves no tensor behind.
 */
export function createSweep(
  { rho, dim }: GaussianProblem,
  seed: number,
  pairs = MI_SWEEP_PAIRS,
): (n: number) => Promise<number> {
  const rng = createRng(seed);
  return async (n) => {
    const batches = sweepBatches(n, pairs);
    const mean = tf.tidy(() => {
      const estimates = Array.from({ length: batches }, () => {
        const { x, y } = sampleCorrelatedGaussians(n, dim, rho, rng);
        return infoNCEEstimate(optimalGaussianCritic(x, y, rho));
      });
      return tf.mean(tf.stack(estimates));
    });
    try {
      return (await mean.data())[0] as number;
    } finally {
      mean.dispose();
    }
  };
}

/** One reading of the learned critic: its InfoNCE estimate on the batch of that step. */
export interface CriticReading {
  /** 1-based step. */
  step: number;
  /** The bound on that step's batch, in nats (minus the training loss). */
  estimate: number;
}

/** What a {@link CriticTraining} is built from. */
export interface CriticOptions extends GaussianProblem {
  /** Candidates per batch. */
  n: number;
  seed: number;
}

/**
 * A quadratic critic (`createGaussianCritic`) trained with Adam at {@link MI_CRITIC_RATE} to
 * maximise the InfoNCE bound at N, reading the bound back after every step. `n` and `rho` may
 * change between steps (`setProblem`); a new `dim` needs a new training. Owns its tensors:
 * call `dispose()`.
 */
export class CriticTraining {
  /** The batch's N and ρ, read on every step. */
  private readonly params: { n: number; rho: number };
  private readonly trainer: Trainer<GaussianPairs, { n: number; rho: number }>;
  private recent: number[] = [];

  constructor({ dim, n, rho, seed }: CriticOptions) {
    const critic = createGaussianCritic(dim);
    const params = { n, rho };
    this.params = params;
    this.trainer = new Trainer<GaussianPairs, { n: number; rho: number }>({
      model: critic,
      sampleBatch: (rng) => sampleCorrelatedGaussians(params.n, critic.dim, params.rho, rng),
      // Gradient ascent on the bound: minimise its negative.
      loss: (b) => tf.neg(infoNCEEstimate(critic.scores(b.x, b.y))) as tf.Scalar,
      params,
      seed,
      learningRate: MI_CRITIC_RATE,
      readEvery: 1,
    });
  }

  /** Steps taken since construction or the last reset. */
  get steps(): number {
    return this.trainer.stepCount;
  }

  /** Mean estimate of the last {@link MI_RECENT} readings; NaN before the first. */
  get estimate(): number {
    const r = this.recent;
    return r.length ? r.reduce((a, b) => a + b, 0) / r.length : Number.NaN;
  }

  /** Changes N and ρ from the next step on. */
  setProblem(n: number, rho: number): void {
    this.params.n = n;
    this.params.rho = rho;
  }

  /** One optimisation step (its reading arrives with the next `flush`). */
  step(): void {
    this.trainer.step();
  }

  /** Waits for the readings of the steps taken since the last call, oldest first. */
  async flush(): Promise<CriticReading[]> {
    const readings = (await this.trainer.flush()).map((r) => ({ step: r.step, estimate: -r.loss }));
    this.recent = [...this.recent, ...readings.map((r) => r.estimate)].slice(-MI_RECENT);
    return readings;
  }

  /** Starts over from zero weights, a fresh optimizer and the batch stream of `seed`. */
  reset(seed: number): void {
    this.trainer.reset(seed);
    this.recent = [];
  }

  /** Frees the critic and the optimizer. */
  dispose(): void {
    this.trainer.dispose();
  }
}
