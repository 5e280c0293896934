// "Same data, four losses": one labelled 2-D cluster set, four copies of one small encoder (same
// architecture, same initial weights, same seed), each trained simultaneously on its own loss:
// the margin contrastive loss on labelled pairs and the triplet loss on mined triplets, both in
// the plane; NT-Xent on two noisy views of each point with no labels, and SupCon, both on the
// circle S¹. The inputs carry nuisance dimensions besides the two cluster coordinates, so an
// untrained encoder mixes the classes and each loss has to learn what to ignore. Snapshots give every panel's embedding of the training and held-out points, its
// loss, its k-NN accuracy on the held-out points and its uniformity, and for the triplet panel the
// share of its mined triplets that still violate the margin.
import { mineTriplets, type Triplets } from '../../core/mining';
import { supConLoss } from '../../core/supcon';
import {
  createMLP,
  createRng,
  deriveSeed,
  euclideanKnnAccuracy,
  l2Normalize,
  marginContrastiveLoss,
  ntXentLoss,
  Trainer,
  tripletLoss,
  uniformity,
  type MLP,
  type Rng,
} from '../../core';
import { tf } from '../../core/tf';
import { makeClusters } from '../../data/clusters';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import {
  METRIC_PANEL_INFO,
  METRIC_PANELS,
  parseMetricParams,
  type MetricPanel,
  type MetricParams,
} from '../../settings/metric';

/** What a snapshot reports about one panel. */
export type MetricPanelReading = {
  /** The panel's latest training loss read back (NaN before the first reading). */
  loss: number;
  /** k-NN accuracy of the held-out points against the training points, in [0, 1]. */
  knn: number;
  /** Wang & Isola uniformity of the panel's training points. */
  uniformity: number;
  /**
   * Triplet panel: the share of the triplets its mining picks on the current embedding that still
   * violate the margin, d(a,p) + m > d(a,n), so have a non-zero loss and a gradient (NaN on the
   * other panels). Random mining draws them from a stream of the seed and step, apart from training's.
   */
  active: number;
};

/** The lab's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type MetricShape = {
  params: MetricParams;
  metrics: Record<MetricPanel, MetricPanelReading>;
  /** Per panel: the training then the held-out points, 2 numbers each (on the circle or plane). */
  arrays: Record<MetricPanel, Float32Array>;
  /** `labels`: every shown point's cluster; `heldOut`: 1 for a held-out point, 0 otherwise. */
  layout: { labels: Float32Array; heldOut: Float32Array };
};

/** Class-free input dimensions after the two cluster coordinates, and their spread. */
const NUISANCE_DIMS = 6;
const NUISANCE_SCALE = 1;
/** Encoder widths: the inputs, two hidden layers, 2-D output. */
const LAYERS = [2 + NUISANCE_DIMS, 32, 32, 2];
/** Adam's learning rate, the same for all four. */
const LEARNING_RATE = 0.01;
/** Training and held-out points per cluster. */
const TRAIN_PER_CLUSTER = 24;
const TEST_PER_CLUSTER = 16;
/**
 * NT-Xent's augmentation: each view jitters the cluster coordinates by this standard deviation
 * and redraws the nuisance dimensions, which is what tells a label-free loss they do not matter.
 */
const VIEW_NOISE = 0.15;
/** Neighbours of the k-NN read-out. */
const KNN_K = 5;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;
/** Stream of the seed that random mining for the active-triplet read-out draws from. */
const ACTIVE_STREAM = 4;

/** The data set, as tensors the experiment owns. */
interface MetricData {
  /** `[n, d]` training points. */
  train: tf.Tensor2D;
  /** `[n + m, d]` training then held-out points: what every panel embeds and shows. */
  all: tf.Tensor2D;
  /** `[1, d]` row: 1 on the cluster coordinates, 0 on the nuisance ones. */
  keep: tf.Tensor2D;
  /** `[1, d]` row: the standard deviation of a view's noise in each input dimension. */
  viewSpread: tf.Tensor2D;
  trainLabels: number[];
  testLabels: number[];
}

/** One step's input of a panel; tensors are freed by the Trainer's tidy. */
interface MetricBatch {
  /** Margin loss: pair members and similarity (1 same label, 0 different). */
  first?: tf.Tensor2D;
  second?: tf.Tensor2D;
  similar?: tf.Tensor1D;
  /** NT-Xent: two noisy views of every training point. */
  views1?: tf.Tensor2D;
  views2?: tf.Tensor2D;
  /** Triplet loss: the mined triplets' row indices. */
  triplets?: Triplets;
}

function makeData(params: MetricParams, seed: number): MetricData {
  const { train, test } = makeClusters({
    clusters: params.clusters,
    noise: params.noise,
    trainPerCluster: TRAIN_PER_CLUSTER,
    testPerCluster: TEST_PER_CLUSTER,
    // Stream 3 of the seed: the draws the lab has always used, so links keep their pictures.
    random: createRng(deriveSeed(seed, 3)),
    nuisanceDims: NUISANCE_DIMS,
    nuisanceScale: NUISANCE_SCALE,
  });
  const n = train.labels.length;
  const d = train.dim;
  const all = new Float32Array(train.points.length + test.points.length);
  all.set(train.points);
  all.set(test.points, train.points.length);
  const perDim = (cluster: number, nuisance: number) =>
    tf.tensor2d([cluster, cluster, ...Array<number>(d - 2).fill(nuisance)], [1, d]);
  return {
    train: tf.tensor2d(train.points, [n, d]),
    all: tf.tensor2d(all, [n + test.labels.length, d]),
    keep: perDim(1, 0),
    viewSpread: perDim(VIEW_NOISE, NUISANCE_SCALE),
    trainLabels: Array.from(train.labels),
    testLabels: Array.from(test.labels),
  };
}

/**
 * For every training point, a partner: with probability ½ one of the same label (a similar
 * pair), otherwise one of another label, so the margin loss sees balanced pairs.
 */
export function samplePairs(
  labels: readonly number[],
  rng: Rng,
): { partner: number[]; similar: number[] } {
  const byLabel = new Map<number, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const partner: number[] = [];
  const similar: number[] = [];
  labels.forEach((l, i) => {
    const same = (byLabel.get(l) as number[]).filter((j) => j !== i);
    const wantSame = same.length > 0 && rng.uniform() < 0.5;
    if (wantSame) {
      partner.push(same[rng.int(same.length)] as number);
    } else {
      let j = rng.int(labels.length);
      while (labels[j] === l) j = rng.int(labels.length);
      partner.push(j);
    }
    similar.push(wantSame ? 1 : 0);
  });
  return { partner, similar };
}

/**
 * Rows `indices` of `z`, as a product with one-hot rows rather than `tf.gather`: the gradient of
 * gather needs the UnsortedSegmentSum kernel, which the WASM backend lacks. The one-hot matrix is
 * built as int32 and cast, because WASM's OneHot with a float32 dtype writes integer bit patterns.
 */
function rows(z: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  return tf.matMul(tf.cast(tf.oneHot(indices, z.shape[0]), 'float32'), z);
}

/**
 * The share of `triplets` of the embedding `z` with a non-zero triplet loss at `margin`
 * (the hinge of {@link tripletLoss} above 0), as a `[1]` tensor.
 */
function activeShare(z: tf.Tensor2D, triplets: Triplets, margin: number): tf.Tensor1D {
  return tf.tidy(() => {
    const anchor = tf.gather(z, triplets.anchor);
    const toPositive = tf.sum(tf.squaredDifference(anchor, tf.gather(z, triplets.positive)), 1);
    const toNegative = tf.sum(tf.squaredDifference(anchor, tf.gather(z, triplets.negative)), 1);
    const hinge = tf.add(tf.sub(toPositive, toNegative), margin);
    return tf.reshape(tf.mean(tf.cast(tf.greater(hinge, 0), 'float32')), [1]) as tf.Tensor1D;
  });
}

/** Each panel's loss on its batch. */
function panelLoss(
  panel: MetricPanel,
  model: MLP,
  data: MetricData,
  batch: MetricBatch,
  p: MetricParams,
): tf.Scalar {
  switch (panel) {
    case 'contrastive':
      return marginContrastiveLoss(
        model.apply(batch.first as tf.Tensor2D),
        model.apply(batch.second as tf.Tensor2D),
        batch.similar as tf.Tensor1D,
        p.margin,
      );
    case 'triplet': {
      const z = model.apply(data.train);
      const t = batch.triplets as Triplets;
      return tripletLoss(rows(z, t.anchor), rows(z, t.positive), rows(z, t.negative), p.margin);
    }
    case 'ntxent':
      return ntXentLoss(
        model.apply(batch.views1 as tf.Tensor2D),
        model.apply(batch.views2 as tf.Tensor2D),
        p.tau,
      );
    case 'supcon':
      return supConLoss(model.apply(data.train), data.trainLabels, p.tau);
  }
}

/**
 * Draws a panel's batch from its trainer's stream (inside the step's tidy). Triplets are mined
 * here, on the current embeddings but outside the gradient tape: the choice is not differentiated.
 */
function panelBatch(
  panel: MetricPanel,
  model: MLP,
  data: MetricData,
  rng: Rng,
  p: MetricParams,
): MetricBatch {
  switch (panel) {
    case 'contrastive': {
      const { partner, similar } = samplePairs(data.trainLabels, rng);
      return {
        first: data.train,
        second: tf.gather(data.train, tf.tensor1d(partner, 'int32')),
        similar: tf.tensor1d(similar),
      };
    }
    case 'triplet':
      return { triplets: mineTriplets(model.apply(data.train), data.trainLabels, p.mining, rng) };
    case 'ntxent': {
      const kept = tf.mul(data.train, data.keep);
      const view = () =>
        tf.add(
          kept,
          tf.mul(tf.randomNormal(data.train.shape, 0, 1, 'float32', rng.tfSeed()), data.viewSpread),
        ) as tf.Tensor2D;
      return { views1: view(), views2: view() };
    }
    case 'supcon':
      return {};
  }
}

class MetricExperiment implements Experiment<MetricShape> {
  private readonly params: MetricParams;
  private seed: number;
  private data: MetricData;
  private readonly models: Record<MetricPanel, MLP>;
  private readonly trainers: Record<MetricPanel, Trainer<MetricBatch, MetricParams>>;

  constructor(params: MetricParams, seed: number) {
    this.params = { ...params };
    this.seed = seed;
    this.data = makeData(params, seed);
    const models = {} as Record<MetricPanel, MLP>;
    const trainers = {} as Record<MetricPanel, Trainer<MetricBatch, MetricParams>>;
    for (const panel of METRIC_PANELS) {
      const model = createMLP(LAYERS, { activation: 'tanh' });
      models[panel] = model;
      // Same seed for all four: the same initial weights, so only the loss differs.
      trainers[panel] = new Trainer<MetricBatch, MetricParams>({
        model,
        sampleBatch: (rng) => panelBatch(panel, model, this.data, rng, this.params),
        loss: (batch, p) => panelLoss(panel, model, this.data, batch, p),
        params: this.params,
        seed,
        optimizer: 'adam',
        learningRate: LEARNING_RATE,
        readEvery: READ_EVERY,
      });
    }
    this.models = models;
    this.trainers = trainers;
  }

  /** Steps all four; the readings returned are the margin panel's (every panel's loss is in the snapshot). */
  async run(steps: number): Promise<LossReading[]> {
    for (let i = 0; i < steps; i++) {
      for (const panel of METRIC_PANELS) this.trainers[panel].step();
    }
    const all = await Promise.all(METRIC_PANELS.map((panel) => this.trainers[panel].flush()));
    return (all[0] ?? []).map(({ step, loss }) => ({ step, loss }));
  }

  async snapshot(): Promise<Snapshot<MetricShape>> {
    const n = this.data.trainLabels.length;
    const step = this.trainers.contrastive.stepCount;
    // Random mining for the read-out: its own stream of the seed and step, so a snapshot never
    // moves training's stream and the same step always reads the same.
    const readoutRng = createRng(deriveSeed(deriveSeed(this.seed, ACTIVE_STREAM), step));
    const packed = tf.tidy(() =>
      METRIC_PANELS.map((panel) => {
        const raw = this.models[panel].apply(this.data.all);
        const shown = METRIC_PANEL_INFO[panel].space === 'circle' ? l2Normalize(raw) : raw;
        const trained = tf.slice(shown, [0, 0], [n, -1]);
        const spread = uniformity(trained);
        const active =
          panel === 'triplet'
            ? activeShare(
                trained,
                mineTriplets(trained, this.data.trainLabels, this.params.mining, readoutRng),
                this.params.margin,
              )
            : tf.tensor1d([Number.NaN]);
        return tf.concat([tf.reshape(spread, [1]), active, tf.reshape(shown, [-1])]);
      }),
    );
    try {
      const values = await Promise.all(packed.map((t) => t.data() as Promise<Float32Array>));
      const metrics = {} as MetricShape['metrics'];
      const arrays = {} as MetricShape['arrays'];
      METRIC_PANELS.forEach((panel, i) => {
        const v = values[i] as Float32Array;
        const points = v.slice(2);
        arrays[panel] = points;
        metrics[panel] = {
          loss: this.trainers[panel].latest?.loss ?? Number.NaN,
          knn: euclideanKnnAccuracy(
            points.subarray(0, 2 * n),
            this.data.trainLabels,
            points.subarray(2 * n),
            this.data.testLabels,
            KNN_K,
          ),
          uniformity: v[0] as number,
          active: v[1] as number,
        };
      });
      return { step, metrics, arrays };
    } finally {
      tf.dispose(packed);
    }
  }

  layout(): MetricShape['layout'] {
    const { trainLabels, testLabels } = this.data;
    const heldOut = new Float32Array(trainLabels.length + testLabels.length);
    heldOut.fill(1, trainLabels.length);
    return { labels: Float32Array.from([...trainLabels, ...testLabels]), heldOut };
  }

  update(params: MetricParams): void {
    // The trainers read `this.params` on every step; mutate it in place.
    Object.assign(this.params, params);
  }

  reset(seed: number): void {
    const data = makeData(this.params, seed);
    this.disposeData();
    this.data = data;
    this.seed = seed;
    for (const panel of METRIC_PANELS) this.trainers[panel].reset(seed);
  }

  dispose(): void {
    for (const panel of METRIC_PANELS) this.trainers[panel].dispose();
    this.disposeData();
  }

  private disposeData(): void {
    tf.dispose([this.data.train, this.data.all, this.data.keep, this.data.viewSpread]);
  }
}

/** The four-loss lab, as the training host's registry lists it. */
export const metricExperiment: ExperimentDefinition<MetricShape> = {
  name: 'metric',
  parse: parseMetricParams,
  rebuildOn: ['clusters', 'noise'],
  create: (params, seed) => new MetricExperiment(params, seed),
};
