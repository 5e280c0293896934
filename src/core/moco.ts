// MoCo (He et al., 2020) on a set of images, as a session a figure, a worker or a script can step,
// evaluate, change and reset, next to the SimCLR session (src/core/simclr.ts) whose data, views,
// encoder and read-outs it shares. Each step draws N unlabelled images and two augmented views of
// each: the query encoder f_q embeds the first views (queries q), the key encoder f_k the second
// (keys k, no gradient). One Adam step on InfoNCE of each query against its own key and the K
// keys in the queue; then the key encoder follows the query encoder, θ_k ← m·θ_k + (1 − m)·θ_q,
// and the step's keys enter the queue while the oldest leave. With K = 0 there is no queue: each
// query's negatives are the other N − 1 keys of its batch, as in SimCLR.
import { infoNCELoss, infoNCEWithNegatives } from './losses';
import { assertMomentum, copyVariables, momentumUpdate, parameterLag } from './momentum';
import { createKeyQueue, type KeyQueue, type QueueAges } from './queue';
import { deriveSeed } from './rng';
import {
  checkParams as checkSimclrParams,
  prepareHeldOut,
  randomInitBaselines,
  readouts,
  SIMCLR_DEFAULTS,
  viewSampler,
  type SimclrData,
  type SimclrEvaluation,
  type SimclrOptions,
  type SimclrParams,
} from './simclr';
import { createCNN, type CNN } from './cnn';
import { l2Normalize, matMulTransposed } from './similarity';
import { tf } from './tf';
import { Trainer, type OptimizerName, type TrainerReading } from './trainer';
import { assertInteger } from './validate';

/** The settings a reader can change while training runs. */
export interface MocoParams extends SimclrParams {
  /** Momentum m ∈ [0, 1) of the key encoder's update; 0 makes it a copy of the query encoder. */
  momentum: number;
  /** K, keys in the queue; 0 for no queue (in-batch negatives). */
  queueSize: number;
}

/** Options of {@link createMocoSession}; every field but `data` has a default. */
export interface MocoOptions extends Omit<SimclrOptions, keyof SimclrParams>, Partial<MocoParams> {
  /** The query encoder's optimizer (default {@link MOCO_OPTIMIZER}). */
  optimizer?: OptimizerName;
  /**
   * W, steps of linear learning-rate warm-up: step s (1-based) uses lr · min(1, s/W); default 0,
   * none. Not in the figure: the headless script's flag, for tuning.
   */
  warmupSteps?: number;
}

/** How far the key encoder trails the query encoder. */
export interface MocoLag {
  /** 1 − mean cos(z_q, z_k) over the held-out images: 0 when both encoders agree. */
  representation: number;
  /** ‖θ_k − θ_q‖ / ‖θ_q‖ over all weights. */
  parameters: number;
}

/**
 * Mean cosine between the held-out pictures' queries and the queue's keys, by the keys' age in
 * steps (random initial rows left out). If keys of one age are much nearer the queries than keys
 * of another, a query can tell a key's age from the key alone, and old negatives are easy ones.
 */
export interface QueueAgeProfile {
  /** The distinct ages of the real keys, ascending. */
  readonly ages: Float32Array;
  /** `cosines[i]`: mean over held-out queries and keys of age `ages[i]` of cos(q, k). */
  readonly cosines: Float32Array;
}

/**
 * Groups per-row `values` by `rowAges` (NaN rows skipped) and averages each group.
 * @returns the distinct ages, ascending, and each one's mean value.
 */
export function meanByAge(values: ArrayLike<number>, rowAges: ArrayLike<number>): QueueAgeProfile {
  if (values.length !== rowAges.length) {
    throw new Error(`meanByAge: ${values.length} values for ${rowAges.length} ages.`);
  }
  const groups = new Map<number, { sum: number; count: number }>();
  for (let i = 0; i < values.length; i++) {
    const age = rowAges[i]!;
    if (Number.isNaN(age)) continue;
    const group = groups.get(age) ?? { sum: 0, count: 0 };
    group.sum += values[i]!;
    group.count += 1;
    groups.set(age, group);
  }
  const ages = [...groups.keys()].sort((a, b) => a - b);
  return {
    ages: Float32Array.from(ages),
    cosines: Float32Array.from(ages, (age) => groups.get(age)!.sum / groups.get(age)!.count),
  };
}

/** A MoCo training run. */
export interface MocoSession {
  /** Current parameters (a copy; change them with {@link MocoSession.update}). */
  readonly params: MocoParams;
  readonly seed: number;
  /** Steps taken since creation or the last reset. */
  readonly steps: number;
  /** The query encoder and head, trained by gradient descent (and evaluated). */
  readonly model: CNN;
  /** The key encoder and head: never trained, only moved towards the query encoder. */
  readonly keyModel: CNN;
  /** The queue of keys, or null when K = 0. */
  readonly queue: KeyQueue | null;
  readonly data: SimclrData;
  /** One optimisation step, then the momentum update and the enqueue. */
  step(): void;
  /** Takes `steps` steps and returns the loss readings that arrived. */
  run(steps: number): Promise<TrainerReading[]>;
  readonly latest: TrainerReading | null;
  /** k-NN (and, with `probe`, linear-probe) accuracy of the query encoder's h. */
  evaluate(options?: { probe?: boolean }): Promise<SimclrEvaluation>;
  /** The same read-outs for this seed's encoder at random initialisation (cached per seed). */
  baseline(options?: { probe?: boolean }): Promise<SimclrEvaluation>;
  /** How far the key encoder trails the query encoder now. */
  lag(): Promise<MocoLag>;
  /** Ages of the keys in the queue (all zero without a queue). */
  queueAges(): QueueAges;
  /** How near the held-out queries are to the queue's keys of each age (empty without a queue). */
  ageProfile(): Promise<QueueAgeProfile>;
  /** Changes τ, N, the learning rate, augmentations, m or K from the next step on. */
  update(params: Partial<MocoParams>): void;
  /** Back to the untrained weights of `seed` (default: the current one), a fresh queue, step 0. */
  reset(seed?: number): void;
  dispose(): void;
}

/** The largest queue the session accepts. */
export const MAX_QUEUE = 65536;

/**
 * Defaults of the live figure: SimCLR's tuned augmentations and τ at batch 16, a queue of 4,096
 * keys and m = 0.99 (see the chapter for why not the paper's 0.999 here), and a learning rate of
 * 0.001: at SimCLR's 0.003 the query encoder outruns the key encoder, and on the SimCLR trainer's
 * 2,048 pictures two of three seeds with the queue ended below their random-init k-NN accuracy.
 */
export const MOCO_DEFAULTS: Readonly<MocoParams> = Object.freeze({
  ...SIMCLR_DEFAULTS,
  batchSize: 16,
  lr: 1e-3,
  momentum: 0.99,
  queueSize: 4096,
});

/** The query encoder's optimizer by default. */
export const MOCO_OPTIMIZER: OptimizerName = 'adam';

function checkParams(p: MocoParams): void {
  checkSimclrParams(p);
  assertMomentum(p.momentum);
  assertInteger(p.queueSize, 'queueSize', 0);
  if (p.queueSize > MAX_QUEUE) {
    throw new Error(`queueSize must be at most ${MAX_QUEUE} (got ${p.queueSize}).`);
  }
}

function initialParams(options: MocoOptions): MocoParams {
  const params: MocoParams = {
    tau: options.tau ?? MOCO_DEFAULTS.tau,
    batchSize: options.batchSize ?? MOCO_DEFAULTS.batchSize,
    lr: options.lr ?? MOCO_DEFAULTS.lr,
    augment: { ...(options.augment ?? MOCO_DEFAULTS.augment) },
    momentum: options.momentum ?? MOCO_DEFAULTS.momentum,
    queueSize: options.queueSize ?? MOCO_DEFAULTS.queueSize,
  };
  checkParams(params);
  return params;
}

/** One step's input: the query views and their keys, already computed (constants). */
interface MocoBatch {
  queries: tf.Tensor4D;
  keys: tf.Tensor2D;
}

/** The queue's own random stream, so the initial random keys depend on the seed only. */
const queueSeed = (seed: number) => deriveSeed(seed, 5);

/**
 * Starts a MoCo session on `options.data`. The key encoder starts as a copy of the query encoder;
 * the queue starts as K random unit vectors (drawn from the seed).
 */
export function createMocoSession(options: MocoOptions): MocoSession {
  const params = initialParams(options);
  const { data } = options;
  const heldOut = prepareHeldOut(data, options.k ?? 10, options.resolution);
  const { resolution } = heldOut;
  const cnnOptions = { ...options.cnn, inputSize: resolution };
  let seed = options.seed ?? 0;
  const model = createCNN({ ...cnnOptions, seed: deriveSeed(seed, 1) });
  const keyModel = createCNN({ ...cnnOptions, seed: deriveSeed(seed, 1) });
  const baseline = randomInitBaselines(cnnOptions, heldOut);
  const width = model.projectionSize;
  const makeQueue = (k: number) => (k > 0 ? createKeyQueue(k, width, queueSeed(seed)) : null);
  let queue = makeQueue(params.queueSize);
  /** The current step's keys, kept from the batch until they are enqueued after the update. */
  let pending: tf.Tensor2D | null = null;
  const sample = viewSampler(data.train, params, resolution);
  const warmup = options.warmupSteps ?? 0;
  assertInteger(warmup, 'warmupSteps', 0);
  /** The learning rate of 1-based step `step`, warm-up included. */
  const rateAt = (step: number) =>
    warmup > 0 ? params.lr * Math.min(1, step / warmup) : params.lr;

  const trainer = new Trainer<MocoBatch, MocoParams>({
    model,
    sampleBatch: (rng) => {
      const { views, n } = sample(rng);
      const queries = tf.slice(views, [0, 0, 0, 0], [n, -1, -1, -1]) as tf.Tensor4D;
      // Keys: the key encoder, outside the optimizer's tape, so no gradient reaches them.
      const keys = l2Normalize(keyModel.project(tf.slice(views, [n, 0, 0, 0], [n, -1, -1, -1])));
      pending?.dispose();
      pending = tf.keep(keys);
      return { queries, keys };
    },
    loss: ({ queries, keys }, p) => {
      const q = model.project(queries);
      return queue === null
        ? infoNCELoss(q, keys, p.tau)
        : infoNCEWithNegatives(q, keys, queue.keys, p.tau);
    },
    params,
    seed,
    optimizer: options.optimizer ?? MOCO_OPTIMIZER,
    learningRate: rateAt(1),
    readEvery: options.readEvery ?? 10,
    afterStep: (step) => {
      if (trainer.learningRate !== rateAt(step + 1)) trainer.learningRate = rateAt(step + 1);
      momentumUpdate(keyModel.variables, model.variables, params.momentum);
      if (pending !== null) {
        queue?.enqueue(pending, step);
        pending.dispose();
        pending = null;
      }
    },
  });
  copyVariables(keyModel.variables, model.variables);

  const lag = async (): Promise<MocoLag> => {
    const [representation, parameters] = tf.tidy(() => {
      const zq = l2Normalize(model.project(heldOut.images));
      const zk = l2Normalize(keyModel.project(heldOut.images));
      const agreement = tf.mean(tf.sum(tf.mul(zq, zk), 1));
      return [tf.sub(1, agreement), parameterLag(keyModel.variables, model.variables)];
    });
    try {
      const [r, p] = await Promise.all([representation!.data(), parameters!.data()]);
      return { representation: Math.max(0, r[0]!), parameters: p[0]! };
    } finally {
      tf.dispose([representation!, parameters!]);
    }
  };

  const ageProfile = async (): Promise<QueueAgeProfile> => {
    if (queue === null) return { ages: new Float32Array(0), cosines: new Float32Array(0) };
    const keys = queue.keys;
    // The mean of the queries' cosines with a key is its cosine with the queries' mean: one product.
    const dots = tf.tidy(() => {
      const meanQuery = tf.mean(l2Normalize(model.project(heldOut.images)), 0, true) as tf.Tensor2D;
      return tf.reshape(matMulTransposed(meanQuery, keys), [-1]);
    });
    try {
      return meanByAge(await dots.data(), queue.rowAges(trainer.stepCount));
    } finally {
      dots.dispose();
    }
  };

  return {
    get params() {
      return { ...params, augment: { ...params.augment } };
    },
    get seed() {
      return seed;
    },
    get steps() {
      return trainer.stepCount;
    },
    get latest() {
      return trainer.latest;
    },
    get queue() {
      return queue;
    },
    model,
    keyModel,
    data,
    step: () => trainer.step(),
    run: (steps) => trainer.run(steps),
    evaluate: ({ probe = false } = {}) => readouts(model, heldOut, probe),
    baseline: ({ probe = false } = {}) => baseline(seed, probe),
    lag,
    queueAges: () => queue?.ages(trainer.stepCount) ?? { real: 0, oldest: 0, mean: 0 },
    ageProfile,
    update(changes) {
      const next = { ...params, ...changes, augment: { ...(changes.augment ?? params.augment) } };
      checkParams(next);
      // A new K is a new queue: random keys again, refilled by the next steps.
      if (next.queueSize !== params.queueSize) {
        queue?.dispose();
        queue = makeQueue(next.queueSize);
      }
      Object.assign(params, next);
      const rate = rateAt(trainer.stepCount + 1);
      if (trainer.learningRate !== rate) trainer.learningRate = rate;
    },
    reset(newSeed = seed) {
      trainer.reset(newSeed);
      seed = newSeed;
      if (trainer.learningRate !== rateAt(1)) trainer.learningRate = rateAt(1);
      copyVariables(keyModel.variables, model.variables);
      queue?.reset(queueSeed(seed));
      pending?.dispose();
      pending = null;
    },
    dispose() {
      trainer.dispose();
      keyModel.dispose();
      queue?.dispose();
      pending?.dispose();
      heldOut.images.dispose();
    },
  };
}
