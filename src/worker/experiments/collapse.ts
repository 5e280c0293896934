// The collapse lab's experiment (chapter "Learning without negatives"). Every input is a point of
// a labelled cluster in a few "content" coordinates followed by many "nuisance" coordinates; a view
// keeps the content (with a little noise) and redraws every nuisance coordinate, as an augmentation
// redraws colour or crop. An encoder f (MLP) gives the representation h, a projector g the
// embedding z, and for SimSiam and BYOL a predictor q the prediction p. The objective is InfoNCE
// (the rest of the batch as negatives), SimSiam, BYOL (with an EMA target network updated by the
// Trainer's afterStep hook) or Barlow Twins. The read-outs, on held-out inputs: the std of the
// ℓ2-normalised z (complete collapse), the covariance spectrum of z and its effective rank
// (dimensional collapse), and k-NN accuracy on h against the same encoder at initialisation.
import {
  barlowTwinsLoss,
  byolLoss,
  covarianceSpectrum,
  createMLP,
  createRng,
  deriveSeed,
  effectiveRank,
  emaUpdate,
  knnAccuracy,
  l2Normalize,
  normalizedOutputStd,
  ntXentLoss,
  simsiamLoss,
  standardizeColumns,
  Trainer,
  type MLP,
  type TrainableModel,
} from '../../core';
import { tf } from '../../core/tf';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import { parseCollapseParams, type CollapseParams } from '../../settings/collapse';

/** What a snapshot of the lab reports; the read-outs are refreshed every EVAL_EVERY steps. */
export type CollapseMetrics = {
  /** The latest training loss read back (NaN before the first reading). */
  loss: number;
  /** Std of the ℓ2-normalised held-out embeddings z, averaged over the d dimensions. */
  std: number;
  /** 1/√d: what `std` is for directions spread like random ones. */
  stdReference: number;
  /** Effective rank of the covariance spectrum of the held-out embeddings z (1 … d). */
  rank: number;
  /** Effective rank of the held-out representations h (1 … REPRESENTATION). */
  rankH: number;
  /** k-NN accuracy on h (cosine, k = K) of the held-out queries. */
  knn: number;
  /** The same k-NN read-out of this seed's encoder at initialisation. */
  knnBaseline: number;
  /** Step at which the read-outs above were measured. */
  evalStep: number;
};

/** The lab's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type CollapseShape = {
  params: CollapseParams;
  metrics: CollapseMetrics;
  /** `spectrum`: eigenvalues of the covariance of the held-out z, largest first (d of them). */
  arrays: { spectrum: Float32Array };
  layout: Record<string, never>;
};

/** Classes of the data set (chance for the k-NN read-out is 1/CLASSES). */
export const CLASSES = 8;
/** Content coordinates: the class centre plus the input's own offset; kept by both views. */
export const CONTENT_DIMS = 8;
/** Nuisance coordinates: redrawn for every view. */
export const NUISANCE_DIMS = 24;
/** Width of an input. */
export const INPUT_DIM = CONTENT_DIMS + NUISANCE_DIMS;
/** Spread of an input around its class centre (centres are standard normal). */
const WITHIN_CLASS = 0.5;
/** Noise added to the content coordinates of each view. */
const VIEW_NOISE = 0.1;
/** Standard deviation of a nuisance coordinate. */
const NUISANCE_SCALE = 3;
/**
 * Decoupled weight decay (as in AdamW): after every step each online weight shrinks by the factor
 * 1 − lr·WEIGHT_DECAY. The papers train with weight decay too; here it also lets a collapsed
 * network, which gets no more gradient from its loss, decay to a constant all the way down.
 */
export const WEIGHT_DECAY = 1;
/** Training inputs. */
export const TRAIN_SIZE = 1024;
/** Held-out inputs: the first half is the k-NN memory, the rest the queries. */
export const HELD_OUT_SIZE = 512;
/** Inputs per step (each gives two views). */
export const BATCH = 128;
/** Width of the representation h. */
export const REPRESENTATION = 32;
/** Hidden widths of the encoder, projector and predictor. */
const HIDDEN = 64;
const PREDICTOR_HIDDEN = 32;
/** Neighbours of the k-NN read-out. */
export const K = 10;
/** Read-outs are refreshed every this many steps. */
export const EVAL_EVERY = 10;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;

/** Inputs and labels drawn from a seed (plain arrays: the same on every backend). */
export interface CollapseData {
  /** `[TRAIN_SIZE, CONTENT_DIMS]` content coordinates of the training inputs. */
  train: Float32Array;
  /** `[HELD_OUT_SIZE, INPUT_DIM]` held-out inputs, each with one fixed draw of its nuisance. */
  heldOut: Float32Array;
  /** Class of each held-out input. */
  heldOutLabels: Int32Array;
}

/** The data set of `seed`: class centres, training content, held-out inputs and labels. */
export function collapseData(seed: number): CollapseData {
  const rng = createRng(deriveSeed(seed, 2));
  const centres = Float32Array.from({ length: CLASSES * CONTENT_DIMS }, () => rng.normal());
  const content = (c: number, out: Float32Array, at: number) => {
    for (let k = 0; k < CONTENT_DIMS; k++) {
      out[at + k] = centres[c * CONTENT_DIMS + k]! + rng.normal(0, WITHIN_CLASS);
    }
  };
  const train = new Float32Array(TRAIN_SIZE * CONTENT_DIMS);
  for (let i = 0; i < TRAIN_SIZE; i++) content(i % CLASSES, train, i * CONTENT_DIMS);
  const heldOut = new Float32Array(HELD_OUT_SIZE * INPUT_DIM);
  const heldOutLabels = new Int32Array(HELD_OUT_SIZE);
  for (let i = 0; i < HELD_OUT_SIZE; i++) {
    heldOutLabels[i] = i % CLASSES;
    content(i % CLASSES, heldOut, i * INPUT_DIM);
    for (let k = CONTENT_DIMS; k < INPUT_DIM; k++) {
      heldOut[i * INPUT_DIM + k] = rng.normal(0, NUISANCE_SCALE);
    }
  }
  return { train, heldOut, heldOutLabels };
}

/** The online networks (trained), the target networks (BYOL's EMA copy) and their seeds. */
interface Networks extends TrainableModel {
  encoder: MLP;
  projector: MLP;
  predictor: MLP;
  /** BYOL's target encoder and projector: not trained, moved by {@link emaUpdate}. */
  targetEncoder: MLP;
  targetProjector: MLP;
  /** The online encoder and projector's variables, in the target's order. */
  onlineBody: tf.Variable[];
  targetBody: tf.Variable[];
}

function createNetworks(dim: number): Networks {
  const encoder = createMLP([INPUT_DIM, HIDDEN, REPRESENTATION]);
  const projector = createMLP([REPRESENTATION, HIDDEN, dim]);
  const predictor = createMLP([dim, PREDICTOR_HIDDEN, dim]);
  const targetEncoder = createMLP([INPUT_DIM, HIDDEN, REPRESENTATION]);
  const targetProjector = createMLP([REPRESENTATION, HIDDEN, dim]);
  const onlineBody = [...encoder.variables, ...projector.variables];
  const targetBody = [...targetEncoder.variables, ...targetProjector.variables];
  return {
    encoder,
    projector,
    predictor,
    targetEncoder,
    targetProjector,
    onlineBody,
    targetBody,
    variables: [...onlineBody, ...predictor.variables],
    reinitialize(seed) {
      encoder.reinitialize(deriveSeed(seed, 1));
      projector.reinitialize(deriveSeed(seed, 2));
      predictor.reinitialize(deriveSeed(seed, 3));
      // BYOL starts its target as a copy of the online network.
      emaUpdate(targetBody, onlineBody, 0);
    },
    dispose() {
      for (const m of [encoder, projector, predictor, targetEncoder, targetProjector]) m.dispose();
    },
  };
}

/**
 * `mlp` applied to `x` (call inside a tidy) with every hidden pre-activation standardised over the
 * batch: batch normalisation without learned scale and shift, as the projectors and predictors of
 * SimSiam and BYOL have batch normalisation in their hidden layers. At evaluation the batch is the
 * held-out set.
 */
function forward(mlp: MLP, x: tf.Tensor2D): tf.Tensor2D {
  const v = mlp.variables;
  let h: tf.Tensor2D = x;
  for (let layer = 0; layer < v.length / 2; layer++) {
    h = tf.add(tf.matMul(h, v[2 * layer] as tf.Variable<tf.Rank.R2>), v[2 * layer + 1]!);
    if (2 * layer + 2 < v.length) {
      h = tf.relu(standardizeColumns(h));
    }
  }
  return h;
}

/** One step's input: two views of BATCH training inputs. */
interface ViewBatch {
  views1: tf.Tensor2D;
  views2: tf.Tensor2D;
}

/** Two views of each of `n` inputs drawn from `train` (call inside a tidy). */
function sampleViews(train: tf.Tensor2D, n: number, rng: ReturnType<typeof createRng>): ViewBatch {
  const indices = tf.tensor1d(
    Int32Array.from({ length: n }, () => rng.int(train.shape[0])),
    'int32',
  );
  const content = tf.gather(train, indices);
  const view = (seed: number, nuisanceSeed: number) =>
    tf.concat(
      [
        tf.add(content, tf.randomNormal([n, CONTENT_DIMS], 0, VIEW_NOISE, 'float32', seed)),
        tf.randomNormal([n, NUISANCE_DIMS], 0, NUISANCE_SCALE, 'float32', nuisanceSeed),
      ],
      1,
    ) as tf.Tensor2D;
  return { views1: view(rng.tfSeed(), rng.tfSeed()), views2: view(rng.tfSeed(), rng.tfSeed()) };
}

/** The objective's loss on a batch of views. */
function objectiveLoss(net: Networks): (b: ViewBatch, p: CollapseParams) => tf.Scalar {
  return ({ views1, views2 }, p) => {
    const z1 = forward(net.projector, net.encoder.apply(views1));
    const z2 = forward(net.projector, net.encoder.apply(views2));
    const predict = (z: tf.Tensor2D) => (p.predictor ? forward(net.predictor, z) : z);
    switch (p.objective) {
      case 'infonce':
        return ntXentLoss(z1, z2, p.tau);
      case 'simsiam':
        return simsiamLoss(predict(z1), predict(z2), z1, z2, p.stopgrad);
      case 'byol': {
        const t1 = forward(net.targetProjector, net.targetEncoder.apply(views1));
        const t2 = forward(net.targetProjector, net.targetEncoder.apply(views2));
        return byolLoss(predict(z1), predict(z2), t1, t2);
      }
      case 'barlow':
        return barlowTwinsLoss(z1, z2, p.lambda);
    }
  };
}

interface Readouts {
  step: number;
  std: number;
  rank: number;
  rankH: number;
  knn: number;
  spectrum: Float32Array;
}

class CollapseExperiment implements Experiment<CollapseShape> {
  private readonly params: CollapseParams;
  private readonly net: Networks;
  private readonly trainer: Trainer<ViewBatch, CollapseParams>;
  private data: CollapseData;
  private train: tf.Tensor2D;
  private heldOut: tf.Tensor2D;
  private readouts: Readouts | null = null;
  private baseline: Promise<number>;

  constructor(params: CollapseParams, seed: number) {
    this.params = { ...params };
    this.data = collapseData(seed);
    this.train = tf.tensor2d(this.data.train, [TRAIN_SIZE, CONTENT_DIMS]);
    this.heldOut = tf.tensor2d(this.data.heldOut, [HELD_OUT_SIZE, INPUT_DIM]);
    const net = createNetworks(params.dim);
    this.net = net;
    this.trainer = new Trainer<ViewBatch, CollapseParams>({
      model: net,
      sampleBatch: (rng) => sampleViews(this.train, BATCH, rng),
      loss: objectiveLoss(net),
      params: this.params,
      seed,
      optimizer: 'adam',
      learningRate: params.lr,
      readEvery: READ_EVERY,
      afterStep: () => {
        const keep = 1 - this.params.lr * WEIGHT_DECAY;
        for (const v of net.variables) v.assign(tf.mul(v, keep));
        if (this.params.objective === 'byol') {
          emaUpdate(net.targetBody, net.onlineBody, this.params.momentum);
        }
      },
    });
    this.baseline = this.knnOfCurrentEncoder();
  }

  /** k-NN accuracy of the encoder as it is now (h is computed before anything awaits). */
  private knnOfCurrentEncoder(): Promise<number> {
    const half = HELD_OUT_SIZE / 2;
    const [bank, queries] = tf.tidy(() => {
      const h = this.net.encoder.apply(this.heldOut);
      return [tf.slice(h, [0, 0], [half, -1]), tf.slice(h, [half, 0], [-1, -1])] as tf.Tensor2D[];
    });
    const labels = this.data.heldOutLabels;
    return knnAccuracy(bank!, labels.subarray(0, half), queries!, labels.subarray(half), K).finally(
      () => tf.dispose([bank!, queries!]),
    );
  }

  async run(steps: number): Promise<LossReading[]> {
    const readings = await this.trainer.run(steps);
    return readings.map(({ step, loss }) => ({ step, loss }));
  }

  private async measure(): Promise<Readouts> {
    const step = this.trainer.stepCount;
    const dim = this.params.dim;
    const knn = this.knnOfCurrentEncoder();
    const [packed, hRows] = tf.tidy(() => {
      const h = this.net.encoder.apply(this.heldOut);
      const z = forward(this.net.projector, h);
      return [
        tf.concat([tf.reshape(normalizedOutputStd(z), [1]), tf.reshape(l2Normalize(z), [-1])]),
        h,
      ];
    });
    try {
      const values = (await packed!.data()) as Float32Array;
      const h = (await hRows!.data()) as Float32Array;
      const spectrum = covarianceSpectrum(values.subarray(1), dim);
      return {
        step,
        std: values[0]!,
        rank: effectiveRank(spectrum),
        rankH: effectiveRank(covarianceSpectrum(h, REPRESENTATION)),
        knn: await knn,
        spectrum: Float32Array.from(spectrum),
      };
    } finally {
      tf.dispose([packed!, hRows!]);
    }
  }

  async snapshot(): Promise<Snapshot<CollapseShape>> {
    const step = this.trainer.stepCount;
    if (this.readouts === null || step - this.readouts.step >= EVAL_EVERY || step === 0) {
      this.readouts = await this.measure();
    }
    const r = this.readouts;
    return {
      step,
      metrics: {
        loss: this.trainer.latest?.loss ?? Number.NaN,
        std: r.std,
        stdReference: 1 / Math.sqrt(this.params.dim),
        rank: r.rank,
        rankH: r.rankH,
        knn: r.knn,
        knnBaseline: await this.baseline,
        evalStep: r.step,
      },
      arrays: { spectrum: r.spectrum.slice() },
    };
  }

  layout(): CollapseShape['layout'] {
    return {};
  }

  update(params: CollapseParams): void {
    // The trainer reads `this.params` on every step; mutate it in place.
    Object.assign(this.params, params);
    if (this.trainer.learningRate !== params.lr) this.trainer.learningRate = params.lr;
  }

  reset(seed: number): void {
    const data = collapseData(seed);
    tf.dispose([this.train, this.heldOut]);
    this.data = data;
    this.train = tf.tensor2d(data.train, [TRAIN_SIZE, CONTENT_DIMS]);
    this.heldOut = tf.tensor2d(data.heldOut, [HELD_OUT_SIZE, INPUT_DIM]);
    this.trainer.reset(seed);
    this.readouts = null;
    this.baseline = this.knnOfCurrentEncoder();
  }

  dispose(): void {
    this.trainer.dispose();
    tf.dispose([this.train, this.heldOut]);
  }
}

/** The collapse lab, as the training host's registry lists it. */
export const collapseExperiment: ExperimentDefinition<CollapseShape> = {
  name: 'collapse',
  parse: parseCollapseParams,
  // A new embedding width is a new network.
  rebuildOn: ['dim'],
  create: (params, seed) => new CollapseExperiment(params, seed),
};
