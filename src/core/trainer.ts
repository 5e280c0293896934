// A training loop that a figure (or a Web Worker) drives a few steps at a time. It owns the model's
// variables and the optimizer; every step runs in tf.tidy, and numbers come back from the device
// only every `readEvery` steps, asynchronously, so a render loop never stalls on a readback.
// No DOM or window: it runs unchanged inside a worker.
import { FlatAdam } from './adam';
import type { TrainableModel } from './mlp';
import { createRng, deriveSeed, type Rng } from './rng';
import { releaseAbandonedTape } from './tape';
import { tf } from './tf';
import { assertInteger, assertPositive } from './validate';

/** Optimizers the trainer can own: Adam, plain SGD, or SGD with momentum 0.9 (as in MoCo). */
export type OptimizerName = 'adam' | 'sgd' | 'sgd-momentum';

/** A scalar computed from a batch and the current hyper-parameters. */
export type BatchScalar<Batch, Params> = (batch: Batch, params: Params) => tf.Scalar;

/**
 * Runs after each optimizer step, with that step's 1-based number, inside a `tf.tidy`: tensors it
 * creates are freed, and it may `assign` to variables it owns, e.g. a momentum (EMA) update of a
 * target encoder, θ_k ← m·θ_k + (1 − m)·θ_q, as in MoCo and BYOL.
 */
export type AfterStep = (step: number) => void;

/** Options of {@link Trainer}. */
export interface TrainerOptions<Batch, Params> {
  /** The model to train; the trainer owns it from now on (and disposes it). */
  model: TrainableModel;
  /**
   * Draws one batch. Called inside the step's `tf.tidy`, so tensors it creates are freed after the
   * step; use `rng` (and `rng.tfSeed()` for tf random ops) so a seed reproduces the run.
   */
  sampleBatch: (rng: Rng, step: number) => Batch;
  /** The loss to minimise; reads temperatures etc. from `params`. */
  loss: BatchScalar<Batch, Params>;
  /** Hyper-parameters handed to `loss` and `metrics`; change them any time via `trainer.params`. */
  params: Params;
  /** Extra scalars to report with the loss, computed on the same batch before the update. */
  metrics?: Record<string, BatchScalar<Batch, Params>>;
  /**
   * Seed of the run (default 0): the model is reinitialised with `deriveSeed(seed, 1)` and
   * `sampleBatch` draws from `createRng(seed)`, at construction and on every reset.
   */
  seed?: number;
  /** Optimizer (default `'adam'`). */
  optimizer?: OptimizerName;
  /** Learning rate (default 1e-3 for Adam, 0.1 for SGD with or without momentum). */
  learningRate?: number;
  /** Read the loss and metrics back every this many steps (default 10). */
  readEvery?: number;
  /**
   * Called after every optimizer step, once the model's variables hold the new values (see
   * {@link AfterStep}). If it throws, the step has still been taken and counted, and `step()`
   * rethrows.
   */
  afterStep?: AfterStep;
}

/** The values read back after one step. */
export interface TrainerReading {
  /** 1-based number of the step these values belong to. */
  step: number;
  /** Loss of that step's batch, before its update. */
  loss: number;
  /** Each extra metric by name. */
  metrics: Record<string, number>;
}

/** What the trainer needs of an optimizer; the learning rate can change between steps. */
interface TunableOptimizer {
  minimize(f: () => tf.Scalar, returnCost: boolean, varList: tf.Variable[]): tf.Scalar | null;
  setLearningRate(rate: number): void;
  dispose(): void;
}

function makeOptimizer(name: OptimizerName, rate: number): TunableOptimizer {
  // tf.AdamOptimizer's arithmetic, on all variables at once (see FlatAdam).
  if (name === 'adam') return new FlatAdam(rate, 0.9, 0.999, 1e-7);
  if (name === 'sgd') return new tf.SGDOptimizer(rate);
  if (name === 'sgd-momentum') return new tf.MomentumOptimizer(rate, 0.9);
  throw new Error(`optimizer must be 'adam', 'sgd' or 'sgd-momentum' (got ${String(name)}).`);
}

/**
 * Owns a model, an optimizer and a loss, and trains on demand:
 *
 * ```ts
 * const trainer = new Trainer({ model, sampleBatch, loss: (b, p) => ntXentLoss(b.z1, b.z2, p.tau),
 *   params: { tau: 0.5 }, seed: 1, readEvery: 10 });
 * const readings = await trainer.run(50); // five readings, steps 10, 20, …, 50
 * trainer.params.tau = 0.1;               // takes effect on the next step
 * trainer.reset(2);                       // fresh weights, optimizer and batch stream
 * trainer.dispose();
 * ```
 *
 * The same seed gives the same readings on the same backend.
 */
export class Trainer<Batch, Params> {
  /** Hyper-parameters read by the loss on every step; mutate freely. */
  readonly params: Params;
  private readonly model: TrainableModel;
  private readonly sampleBatch: (rng: Rng, step: number) => Batch;
  private readonly loss: BatchScalar<Batch, Params>;
  private readonly metrics: [string, BatchScalar<Batch, Params>][];
  private readonly afterStep: AfterStep | undefined;
  private readonly optimizerName: OptimizerName;
  private optimizer: TunableOptimizer;
  private rate: number;
  private every: number;
  private rng: Rng;
  private steps = 0;
  /** Incremented on reset, so readbacks still in flight from before it are dropped. */
  private generation = 0;
  private pending: Promise<TrainerReading | null>[] = [];
  private last: TrainerReading | null = null;
  private disposed = false;

  constructor(options: TrainerOptions<Batch, Params>) {
    const { model, sampleBatch, loss, params, metrics = {}, seed = 0 } = options;
    if (model == null || !Array.isArray(model.variables)) {
      throw new Error('model must provide variables, reinitialize(seed) and dispose().');
    }
    if (typeof sampleBatch !== 'function') throw new Error('sampleBatch must be a function.');
    if (typeof loss !== 'function') throw new Error('loss must be a function.');
    if (options.afterStep !== undefined && typeof options.afterStep !== 'function') {
      throw new Error('afterStep must be a function.');
    }
    this.afterStep = options.afterStep;
    this.optimizerName = options.optimizer ?? 'adam';
    this.rate = options.learningRate ?? (this.optimizerName === 'adam' ? 1e-3 : 0.1);
    assertPositive(this.rate, 'learningRate');
    this.every = options.readEvery ?? 10;
    assertInteger(this.every, 'readEvery', 1);
    this.model = model;
    this.sampleBatch = sampleBatch;
    this.loss = loss;
    this.params = params;
    this.metrics = Object.entries(metrics);
    this.optimizer = makeOptimizer(this.optimizerName, this.rate);
    this.rng = this.restart(seed);
  }

  /** Number of steps taken since construction or the last reset. */
  get stepCount(): number {
    return this.steps;
  }

  /** The most recent reading that has arrived, or null. */
  get latest(): TrainerReading | null {
    return this.last;
  }

  /** Learning rate of the optimizer; a change applies from the next step, keeping Adam's moments. */
  get learningRate(): number {
    return this.rate;
  }

  set learningRate(rate: number) {
    assertPositive(rate, 'learningRate');
    this.rate = rate;
    this.optimizer.setLearningRate(rate);
  }

  /** Readback cadence in steps. */
  get readEvery(): number {
    return this.every;
  }

  set readEvery(steps: number) {
    assertInteger(steps, 'readEvery', 1);
    this.every = steps;
  }

  /**
   * One optimisation step; on every `readEvery`-th step it also starts an asynchronous readback.
   * Then the `afterStep` hook, if any, in a tidy of its own.
   */
  step(): void {
    this.assertLive();
    // Counted only once it succeeds, so a step that throws (say, on τ = 0) can simply be retried.
    const step = this.steps + 1;
    const read = step % this.every === 0;
    const readout = tf.tidy(() => {
      const batch = this.sampleBatch(this.rng, step);
      const extras = read ? this.metrics.map(([, f]) => f(batch, this.params)) : [];
      let cost: tf.Scalar | null;
      try {
        cost = this.optimizer.minimize(
          () => this.loss(batch, this.params),
          read,
          this.model.variables as tf.Variable[],
        );
      } catch (error) {
        releaseAbandonedTape();
        throw error;
      }
      return read && cost !== null ? tf.stack([cost, ...extras]) : undefined;
    }) as tf.Tensor | undefined;
    this.steps = step;
    if (readout !== undefined) this.pending.push(this.readBack(readout, step));
    const afterStep = this.afterStep;
    if (afterStep !== undefined) tf.tidy(() => afterStep(step));
  }

  /**
   * Takes `steps` steps, then waits for their readbacks.
   *
   * @returns the readings of this run, oldest first (one per `readEvery` steps).
   */
  async run(steps: number): Promise<TrainerReading[]> {
    assertInteger(steps, 'steps', 0);
    for (let i = 0; i < steps; i++) this.step();
    return this.flush();
  }

  /** Waits for all readbacks in flight and returns their readings, oldest first. */
  async flush(): Promise<TrainerReading[]> {
    const waiting = this.pending;
    this.pending = [];
    const readings = await Promise.all(waiting);
    return readings.filter((r): r is TrainerReading => r !== null);
  }

  /**
   * Starts over: redraws the model's weights from `seed`, replaces the optimizer (dropping its
   * moments), restarts the batch stream and the step count. Readbacks still in flight are dropped.
   */
  reset(seed: number = this.rng.seed): void {
    this.assertLive();
    this.rng = this.restart(seed);
    this.optimizer.dispose();
    this.optimizer = makeOptimizer(this.optimizerName, this.rate);
  }

  /** Frees the model, the optimizer state and any readback in flight. The trainer is unusable after. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation += 1;
    this.pending = [];
    this.optimizer.dispose();
    this.model.dispose();
  }

  /** Reinitialises the model from `seed`, clears progress, returns the new batch stream. */
  private restart(seed: number): Rng {
    const rng = createRng(seed); // validates the seed before anything changes
    this.generation += 1;
    this.pending = [];
    this.last = null;
    this.steps = 0;
    this.model.reinitialize(deriveSeed(seed, 1));
    return rng;
  }

  private async readBack(readout: tf.Tensor, step: number): Promise<TrainerReading | null> {
    const generation = this.generation;
    try {
      const data = await readout.data();
      if (generation !== this.generation) return null;
      const metrics: Record<string, number> = {};
      this.metrics.forEach(([name], i) => {
        metrics[name] = data[i + 1] as number;
      });
      const reading = { step, loss: data[0] as number, metrics };
      this.last = reading;
      return reading;
    } finally {
      readout.dispose();
    }
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This Trainer has been disposed.');
  }
}
