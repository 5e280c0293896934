// SimCLR (Chen et al., 2020) on a set of images (the caller's: the chapter uses the built-in shapes
// of src/data/shapes), as a session that a figure, a worker or a
// script can step, evaluate, change and reset. Each step draws a batch of unlabelled images, makes
// two augmented views of each, embeds both with the CNN encoder + projection head, and takes one
// Adam step on NT-Xent. Labels are used only to evaluate the encoder's representation on held-out
// images: k-NN and a linear probe, next to the same encoder at its random initialisation.
import { augmentBatch, type AugmentOptions } from './augment';
import type { StepWorkload } from './benchmark';
import { SIMCLR_AUGMENT, checkOptions } from './augment-params';
import { createCNN, type CNN, type CNNOptions } from './cnn';
import { ntXentLossStacked } from './ntxent';
import { averagePool } from './pool';
import { knnAccuracy, linearProbe } from './probes';
import { deriveSeed, type Rng } from './rng';
import { l2Normalize } from './similarity';
import { tf } from './tf';
import { imagesToTensor, type ImageSet, type ImageStream } from './images';
import { Trainer, type TrainerReading } from './trainer';
import { assertInteger, assertPositive } from './validate';

/** The settings a reader can change while training runs. */
export interface SimclrParams {
  /** NT-Xent temperature τ > 0. */
  tau: number;
  /** Images per step (each gives two views), ≥ 2. */
  batchSize: number;
  /** Adam learning rate. */
  lr: number;
  /** Which augmentations make the two views, and the colour strength s. */
  augment: AugmentOptions;
}

/** Options of {@link createSimclrSession}; every field but `data` has a default. */
export interface SimclrOptions extends Partial<SimclrParams> {
  /** Training and held-out images, e.g. `simclrShapes()` of src/data/shapes. */
  data: SimclrData;
  /** Seeds the weights, the batches and the augmentations (default 0). */
  seed?: number;
  /** Loss readback cadence of the underlying {@link Trainer} (default 10). */
  readEvery?: number;
  /** Encoder and head sizes (see {@link createCNN}). */
  cnn?: Omit<CNNOptions, 'seed' | 'inputSize'>;
  /**
   * Side of the images the encoder sees (default 16, from 32): training views are cropped from the
   * full image and then average-pooled to it, held-out images pooled once on upload. The shapes
   * stay recognisable, and colour jitter and the encoder cost four times less than at 32 px.
   */
  resolution?: number;
  /** Neighbours of the k-NN read-out (default 10). */
  k?: number;
}

/** Unlabelled training images and labelled held-out images of the same size. */
export interface SimclrData {
  /** Training images, held or made on demand; their labels are never read. */
  readonly train: ImageSet | ImageStream;
  /** Held-out images: the first half is the k-NN and probe's labelled memory, the rest the queries. */
  readonly heldOut: ImageSet;
}

/** Accuracy of the representation h = f(x) on the held-out queries. */
export interface SimclrEvaluation {
  /** Cosine k-NN accuracy against the held-out memory, in [0, 1]. */
  knn: number;
  /** Linear-probe accuracy (logistic regression on frozen h), or null when not asked for. */
  probe: number | null;
}

/** Held-out representations placed on the unit sphere S² for the sphere view. */
export interface SimclrEmbedding {
  /** `[m, 3]` unit vectors, row-major, one per held-out image. */
  points: Float32Array;
  /** Class of each held-out image, for colouring only. */
  labels: Int32Array;
}

/** A SimCLR training run. */
export interface SimclrSession {
  /** Current parameters (a copy; change them with {@link SimclrSession.update}). */
  readonly params: SimclrParams;
  /** Seed of the current run. */
  readonly seed: number;
  /** Steps taken since creation or the last reset. */
  readonly steps: number;
  /** The encoder and head being trained. */
  readonly model: CNN;
  /** The images trained on and evaluated on. */
  readonly data: SimclrData;
  /** One optimisation step inside tf.tidy (a loss readback starts every `readEvery` steps). */
  step(): void;
  /** Takes `steps` steps and returns the loss readings that arrived. */
  run(steps: number): Promise<TrainerReading[]>;
  /** The most recent loss reading, or null. */
  readonly latest: TrainerReading | null;
  /** k-NN (and, with `probe`, linear-probe) accuracy of the current encoder. */
  evaluate(options?: { probe?: boolean }): Promise<SimclrEvaluation>;
  /** The same read-outs for this seed's encoder at random initialisation (computed once per seed). */
  baseline(options?: { probe?: boolean }): Promise<SimclrEvaluation>;
  /** Held-out representations projected onto S² (see {@link projectToSphere}). */
  embedding(): Promise<SimclrEmbedding>;
  /** Changes τ, batch size, learning rate or augmentations from the next step on. */
  update(params: Partial<SimclrParams>): void;
  /** Back to the untrained weights of `seed` (default: the current one), step 0, fresh optimizer. */
  reset(seed?: number): void;
  /** Frees every tensor the session holds. */
  dispose(): void;
}

/**
 * The tuned defaults (measured with npm run train:simclr on WASM). Blur is off as in the paper's
 * CIFAR-10 runs: at 16 px it erases the shape. Colour strength s = 1 (the paper's ImageNet value)
 * beat s = 0.5 here, as stronger colour jitter did in the paper's Table 1. Crops cover at least
 * 30 % of the image, not the paper's 8 %: at 16 px an 8 % crop is a 4-pixel patch, often plain
 * background, and in 600 steps it left the k-NN gain under half (8 against 19–22 points). A batch of 64 takes half the time of
 * 128 per step and learned as much per second.
 */
export const SIMCLR_DEFAULTS: Readonly<SimclrParams> = Object.freeze({
  tau: 0.2,
  batchSize: 64,
  lr: 3e-3,
  augment: Object.freeze({ ...SIMCLR_AUGMENT, blur: false, strength: 1, minCropArea: 0.3 }),
});

export function checkParams(p: SimclrParams): void {
  assertPositive(p.tau, 'tau');
  assertInteger(p.batchSize, 'batchSize', 2);
  assertPositive(p.lr, 'lr');
  checkOptions(p.augment);
}

/**
 * Projects `[m, d]` rows onto their first three principal directions and normalises each to unit
 * length, so a cloud of representations can be drawn on S². Directions come from power iteration
 * on the covariance (deterministic start); each direction's sign is chosen to agree with
 * `previous` when given, so successive pictures of a slowly changing cloud do not flip.
 *
 * @returns the points (`[m, 3]`, row-major) and the directions used (`[3, d]`, row-major).
 */
export function projectToSphere(
  rows: Float32Array,
  d: number,
  previous?: Float32Array,
): { points: Float32Array; directions: Float32Array } {
  const m = rows.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) mean[j]! += rows[i * d + j]! / m;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < d; a++) {
      const xa = rows[i * d + a]! - mean[a]!;
      for (let b = a; b < d; b++) cov[a * d + b]! += (xa * (rows[i * d + b]! - mean[b]!)) / m;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a]!;
  const directions = new Float32Array(3 * d);
  const found: Float64Array[] = [];
  for (let k = 0; k < 3; k++) {
    let v = new Float64Array(d).map((_, j) => 1 + ((j * 7 + k * 3) % 5) / 5);
    for (let iter = 0; iter < 100; iter++) {
      const next = new Float64Array(d);
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b]! * v[b]!;
        next[a] = s;
      }
      // Deflate: stay orthogonal to the directions already found.
      for (const u of found) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += next[j]! * u[j]!;
        for (let j = 0; j < d; j++) next[j]! -= dot * u[j]!;
      }
      const norm = Math.hypot(...next);
      if (norm < 1e-12) break;
      v = next.map((x) => x / norm);
    }
    if (previous) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += v[j]! * previous[k * d + j]!;
      if (dot < 0) v = v.map((x) => -x);
    }
    found.push(v);
    directions.set(v, k * d);
  }
  const points = new Float32Array(3 * m);
  for (let i = 0; i < m; i++) {
    const p = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < d; j++) p[k]! += (rows[i * d + j]! - mean[j]!) * directions[k * d + j]!;
    }
    const norm = Math.hypot(p[0]!, p[1]!, p[2]!) || 1;
    points.set([p[0]! / norm, p[1]! / norm, p[2]! / norm], 3 * i);
  }
  return { points, directions };
}

/** The parameters of a new session: `options` over {@link SIMCLR_DEFAULTS}, checked. */
function initialParams(options: SimclrOptions): SimclrParams {
  const params: SimclrParams = {
    tau: options.tau ?? SIMCLR_DEFAULTS.tau,
    batchSize: options.batchSize ?? SIMCLR_DEFAULTS.batchSize,
    lr: options.lr ?? SIMCLR_DEFAULTS.lr,
    augment: { ...(options.augment ?? SIMCLR_DEFAULTS.augment) },
  };
  checkParams(params);
  return params;
}

/** The held-out images on the device, split into the read-outs' labelled memory and queries. */
export interface HeldOut {
  /** `[m, r, r, 3]` held-out images pooled to the encoder's resolution r. */
  images: tf.Tensor4D;
  /** Side r of the images the encoder sees. */
  resolution: number;
  /** The first `memory` rows are the k-NN and probe's memory, the rest the queries. */
  memory: number;
  memoryLabels: number[];
  queryLabels: number[];
  /** Neighbours of the k-NN read-out. */
  k: number;
}

/**
 * Checks the data against k and the encoder's resolution (default 16, a divisor of the image
 * side), then uploads the held-out images once, pooled to it. The caller disposes `images`.
 */
export function prepareHeldOut(data: SimclrData, k: number, resolution = 16): HeldOut {
  const { train, heldOut } = data;
  if (heldOut.size !== train.size) throw new Error('train and heldOut must have the same size.');
  const memory = Math.floor(heldOut.count / 2);
  assertInteger(k, 'k', 1);
  if (memory < k || heldOut.count - memory < 1) {
    throw new Error(`heldOut needs more than ${2 * k} images for k = ${k}.`);
  }
  assertInteger(resolution, 'resolution', 1);
  if (train.size % resolution !== 0) {
    throw new Error(`resolution must divide the image side ${train.size} (got ${resolution}).`);
  }
  const images = tf.tidy(() =>
    averagePool(imagesToTensor(heldOut), heldOut.size / resolution),
  ) as tf.Tensor4D;
  return {
    images,
    resolution,
    memory,
    memoryLabels: Array.from(heldOut.labels.subarray(0, memory)),
    queryLabels: Array.from(heldOut.labels.subarray(memory)),
    k,
  };
}

/** One step's input: two augmented views of n distinct images, rows i and n + i a pair. */
export interface ViewBatch {
  views: tf.Tensor4D;
  n: number;
}

/**
 * The Trainer's batch source: n = min(batch size, training images) distinct images, each twice,
 * through the augmentations of `params` (read on every call). Training views are cropped from the
 * full-size images and only then pooled to `resolution`, so a small crop keeps the detail that a
 * pre-shrunk image would have lost. A held set is drawn from by a partial shuffle; a stream by
 * drawing indices until n are distinct, each image rendered when drawn.
 */
export function viewSampler(
  train: ImageSet | ImageStream,
  params: SimclrParams,
  resolution: number,
): (rng: Rng) => ViewBatch {
  const downscale = train.size / resolution;
  const pixels = train.size * train.size * 3;
  const pick = 'render' in train ? streamPicker(train.count) : shufflePicker(train.count);
  return (rng) => {
    const n = Math.min(params.batchSize, train.count);
    const chosen = pick(n, rng);
    // Every image twice, so both views go through the augmentations as one batch (half the op
    // calls). Assembled in main memory and uploaded: faster than a gather on the device (WASM's
    // takes ~30 ms for 64 images of 32 px), and nothing to keep there.
    const rows = new Float32Array(2 * n * pixels);
    for (let i = 0; i < n; i++) {
      const index = chosen[i]!;
      if ('render' in train) train.render(index, rows, i * pixels);
      else rows.set(train.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
      rows.copyWithin((n + i) * pixels, i * pixels, (i + 1) * pixels);
    }
    const batch = tf.tensor4d(rows, [2 * n, train.size, train.size, 3]);
    const views = augmentBatch(batch, params.augment, () => rng.uniform(), downscale);
    return { views: views.images, n };
  };
}

/** n distinct indices of `count` by a partial Fisher–Yates shuffle, so no image is its own negative. */
function shufflePicker(count: number): (n: number, rng: Rng) => ArrayLike<number> {
  const order = Array.from({ length: count }, (_, i) => i);
  return (n, rng) => {
    for (let i = 0; i < n; i++) {
      const j = i + rng.int(count - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  };
}

/** n distinct indices of `count` drawn uniformly, redrawing repeats (for sets too large to shuffle). */
function streamPicker(count: number): (n: number, rng: Rng) => ArrayLike<number> {
  return (n, rng) => {
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(rng.int(count));
    return [...chosen];
  };
}

/** NT-Xent of a view batch through `model`: both views in one forward pass. */
function viewLoss(model: CNN): (batch: ViewBatch, params: SimclrParams) => tf.Scalar {
  return ({ views }, p) => ntXentLossStacked(model.project(views), p.tau);
}

/** k-NN (and, with `probe`, linear-probe) accuracy of `encoder`'s h on the held-out queries. */
export async function readouts(
  encoder: CNN,
  heldOut: HeldOut,
  probe: boolean,
): Promise<SimclrEvaluation> {
  const { memory, memoryLabels, queryLabels, k } = heldOut;
  const h = tf.tidy(() => l2Normalize(encoder.encode(heldOut.images)));
  const bank = tf.slice(h, [0, 0], [memory, -1]) as tf.Tensor2D;
  const queries = tf.slice(h, [memory, 0], [-1, -1]) as tf.Tensor2D;
  try {
    const knn = await knnAccuracy(bank, memoryLabels, queries, queryLabels, k);
    const probeAccuracy = probe
      ? await linearProbe(bank, memoryLabels, queries, queryLabels, { steps: 150 })
      : null;
    return { knn, probe: probeAccuracy };
  } finally {
    tf.dispose([h, bank, queries]);
  }
}

/**
 * Held-out representations of `encoder` on S², with the principal directions used; their signs
 * follow `directions` when given (see {@link projectToSphere}).
 */
async function sphereEmbedding(
  encoder: CNN,
  images: tf.Tensor4D,
  directions: Float32Array | undefined,
): Promise<{ points: Float32Array; directions: Float32Array }> {
  const h = tf.tidy(() => l2Normalize(encoder.encode(images)));
  const rows = (await h.data()) as Float32Array;
  const d = h.shape[1];
  h.dispose();
  return projectToSphere(rows, d, directions);
}

/**
 * The read-outs of each seed's encoder at random initialisation, computed on first request and
 * cached per seed and `probe`. The Trainer initialises the model from deriveSeed(seed, 1); this
 * rebuilds exactly that.
 */
export function randomInitBaselines(
  cnnOptions: Omit<CNNOptions, 'seed'>,
  heldOut: HeldOut,
): (seed: number, probe: boolean) => Promise<SimclrEvaluation> {
  const baselines = new Map<string, Promise<SimclrEvaluation>>();
  return (seed, probe) => {
    const key = `${seed}:${probe}`;
    let cached = baselines.get(key);
    if (!cached) {
      const fresh = createCNN({ ...cnnOptions, seed: deriveSeed(seed, 1) });
      cached = readouts(fresh, heldOut, probe).finally(() => fresh.dispose());
      baselines.set(key, cached);
    }
    return cached;
  };
}

/**
 * Starts a SimCLR session on `options.data`. The held-out images are uploaded once; the
 * random-init baseline is computed on first request and cached per seed.
 */
export function createSimclrSession(options: SimclrOptions): SimclrSession {
  const params = initialParams(options);
  const { data } = options;
  const heldOut = prepareHeldOut(data, options.k ?? 10, options.resolution);
  const { resolution } = heldOut;
  const cnnOptions = { ...options.cnn, inputSize: resolution };
  let seed = options.seed ?? 0;
  const model = createCNN({ ...cnnOptions, seed: deriveSeed(seed, 1) });
  const baseline = randomInitBaselines(cnnOptions, heldOut);
  let directions: Float32Array | undefined;

  const trainer = new Trainer<ViewBatch, SimclrParams>({
    model,
    sampleBatch: viewSampler(data.train, params, resolution),
    loss: viewLoss(model),
    params,
    seed,
    learningRate: params.lr,
    readEvery: options.readEvery ?? 10,
  });

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
    model,
    data,
    step: () => trainer.step(),
    run: (steps) => trainer.run(steps),
    evaluate: ({ probe = false } = {}) => readouts(model, heldOut, probe),
    baseline: ({ probe = false } = {}) => baseline(seed, probe),
    async embedding() {
      const projected = await sphereEmbedding(model, heldOut.images, directions);
      directions = projected.directions;
      return { points: projected.points, labels: data.heldOut.labels.slice() };
    },
    update(changes) {
      const next = { ...params, ...changes, augment: { ...(changes.augment ?? params.augment) } };
      checkParams(next);
      Object.assign(params, next);
      if (trainer.learningRate !== params.lr) trainer.learningRate = params.lr;
    },
    reset(newSeed = seed) {
      trainer.reset(newSeed);
      seed = newSeed;
      directions = undefined;
    },
    dispose() {
      trainer.dispose();
      heldOut.images.dispose();
    },
  };
}

/** Options of {@link simclrStepWorkload}. */
export interface SimclrStepWorkloadOptions {
  /** Images per step; the encoder sees two views of each (default: the chapter's 64). */
  batchSize?: number;
  /** NT-Xent temperature (default: the chapter's 0.2). */
  tau?: number;
  /** Adam learning rate (default: the chapter's 3e-3). */
  lr?: number;
  /** Side of the images (default 16, the chapter's encoder resolution). */
  resolution?: number;
}

/**
 * One SimCLR training step of the chapter's model — the CNN encoder and projection head of
 * {@link createCNN} with its defaults, NT-Xent and Adam exactly as {@link createSimclrSession}
 * runs them — on a fixed batch of `2 × batchSize` random images (two "views" of each image, no
 * augmentation), on the backend active when it is created. `npm run bench` times it against the
 * same model in PyTorch. Each `run` takes one step and reads its loss back, so
 * GPU backends are timed to completion; `dispose` frees the model, the optimizer and the batch.
 */
export function simclrStepWorkload(options: SimclrStepWorkloadOptions = {}): StepWorkload {
  const {
    batchSize = SIMCLR_DEFAULTS.batchSize,
    tau = SIMCLR_DEFAULTS.tau,
    lr = SIMCLR_DEFAULTS.lr,
    resolution = 16,
  } = options;
  assertInteger(batchSize, 'batchSize', 2);
  assertPositive(tau, 'tau');
  assertPositive(lr, 'lr');
  const views = tf.randomUniform(
    [2 * batchSize, resolution, resolution, 3],
    0,
    1,
    'float32',
    3,
  ) as tf.Tensor4D;
  const model = createCNN({ inputSize: resolution, seed: 1 });
  // The session's own loss and optimizer settings; only the batch source differs.
  const trainer = new Trainer<ViewBatch, SimclrParams>({
    model,
    sampleBatch: () => ({ views, n: batchSize }),
    loss: viewLoss(model),
    params: { ...SIMCLR_DEFAULTS, batchSize, tau, lr },
    learningRate: lr,
    readEvery: 1,
  });
  return {
    async run() {
      trainer.step();
      await trainer.flush();
    },
    dispose() {
      trainer.dispose();
      views.dispose();
    },
  };
}
