// The sphere lab's experiment: a small shared encoder (an MLP) maps fixed inputs onto the sphere
// S² (or the circle S¹), and gradient descent trains it on the chosen objective. Inputs come in
// clusters ("groups"); every step sees each input as two freshly noised views, a positive pair,
// as augmentations do. Because every point is the output of the same encoder and the noise is
// new each step, alignment alone is only satisfied by an encoder that ignores its input:
// everything collapses to one point, as Wang & Isola (2020) predict. (Free per-point coordinates,
// or views fixed once, would merely merge each pair.) The picture shows one fixed pair of views
// per input, so it moves only when the encoder does.
import {
  alignment,
  batchSimpleLoss,
  createMLP,
  createRng,
  deriveSeed,
  l2Normalize,
  ntXentLoss,
  tolerance,
  Trainer,
  uniformity,
  type MLP,
} from '../../core';
import { tf } from '../../core/tf';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import { parseSphereParams, type SphereParams } from '../../settings/sphere';

/** What a snapshot of the lab reports about the shown views. */
export type SphereMetrics = {
  /** Wang & Isola alignment of the shown pairs (lower: closer partners). */
  alignment: number;
  /** Wang & Isola uniformity of all shown views (lower: more uniform). */
  uniformity: number;
  /** Wang & Liu tolerance: mean cosine of different inputs of the same group (first views). */
  tolerance: number;
  /** The latest training loss read back (NaN before the first reading). */
  loss: number;
};

/** The lab's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type SphereShape = {
  params: SphereParams;
  metrics: SphereMetrics;
  /** `points`: the 2n shown views on the unit sphere, `dim` numbers each (first views first). */
  arrays: { points: Float32Array };
  /** `groups`: the cluster of every shown view; `pairs`: index pairs (i, i + n) of partners. */
  layout: { groups: Float32Array; pairs: Float32Array };
};

/** Width of the input space. */
const INPUT_DIM = 8;
/** Hidden layers of the encoder. */
const HIDDEN = [48, 48];
/** Spread of the inputs around their cluster centre (centres have unit spread). */
const CLUSTER_SPREAD = 0.45;
/** Noise that turns an input into one of its two views. */
const VIEW_NOISE = 0.35;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;

/** The inputs and the views on screen, as tensors the experiment owns. */
interface SphereData {
  /** `[n, 8]` clean inputs; training views add fresh noise to them every step. */
  inputs: tf.Tensor2D;
  /** `[2n, 8]`: one fixed pair of views per input, first views then second; what is shown. */
  shown: tf.Tensor2D;
  /** Cluster of each shown point. */
  groups: Float32Array;
}

/** One training batch: two noisy views of every input. */
interface SphereBatch {
  views1: tf.Tensor2D;
  views2: tf.Tensor2D;
}

/**
 * Draws `points / 2` inputs in `groups` Gaussian clusters of R^8 and two noisy views of each, from
 * `seed` alone (the JS rng, so every backend gets the same numbers).
 */
export function sphereInputs(
  points: number,
  groups: number,
  seed: number,
): { inputs: Float32Array; views1: Float32Array; views2: Float32Array; groups: Float32Array } {
  const rng = createRng(deriveSeed(seed, 2));
  const n = points / 2;
  const centres = Array.from({ length: groups * INPUT_DIM }, () => rng.normal());
  const inputs = new Float32Array(n * INPUT_DIM);
  const views1 = new Float32Array(n * INPUT_DIM);
  const views2 = new Float32Array(n * INPUT_DIM);
  const labels = new Float32Array(points);
  for (let i = 0; i < n; i++) {
    const g = i % groups;
    labels[i] = g;
    labels[i + n] = g;
    for (let k = 0; k < INPUT_DIM; k++) {
      const x = (centres[g * INPUT_DIM + k] as number) + rng.normal(0, CLUSTER_SPREAD);
      inputs[i * INPUT_DIM + k] = x;
      views1[i * INPUT_DIM + k] = x + rng.normal(0, VIEW_NOISE);
      views2[i * INPUT_DIM + k] = x + rng.normal(0, VIEW_NOISE);
    }
  }
  return { inputs, views1, views2, groups: labels };
}

function makeData(params: SphereParams, seed: number): SphereData {
  const drawn = sphereInputs(params.points, params.groups, seed);
  const n = params.points / 2;
  const shown = new Float32Array(2 * n * INPUT_DIM);
  shown.set(drawn.views1);
  shown.set(drawn.views2, n * INPUT_DIM);
  return {
    inputs: tf.tensor2d(drawn.inputs, [n, INPUT_DIM]),
    shown: tf.tensor2d(shown, [2 * n, INPUT_DIM]),
    groups: drawn.groups,
  };
}

function disposeData(data: SphereData): void {
  tf.dispose([data.inputs, data.shown]);
}

/** Two noisy views of every input, from the trainer's seeded stream (call inside a tidy). */
function sampleViews(inputs: tf.Tensor2D, seed1: number, seed2: number): SphereBatch {
  const noise = (seed: number) => tf.randomNormal(inputs.shape, 0, VIEW_NOISE, 'float32', seed);
  return {
    views1: tf.add(inputs, noise(seed1)) as tf.Tensor2D,
    views2: tf.add(inputs, noise(seed2)) as tf.Tensor2D,
  };
}

/** The objective's loss on the embedded views. */
export function sphereObjective(z1: tf.Tensor2D, z2: tf.Tensor2D, p: SphereParams): tf.Scalar {
  return tf.tidy(() => {
    const spread = () => tf.div(tf.add(uniformity(z1), uniformity(z2)), 2) as tf.Scalar;
    switch (p.objective) {
      case 'infonce':
        return ntXentLoss(z1, z2, p.tau);
      case 'align-uniform':
        return tf.add(alignment(z1, z2), tf.mul(spread(), p.lambda)) as tf.Scalar;
      case 'align':
        return alignment(z1, z2);
      case 'uniform':
        return spread();
      case 'simple':
        return batchSimpleLoss(z1, z2, p.lambda);
    }
  });
}

class SphereExperiment implements Experiment<SphereShape> {
  private params: SphereParams;
  private data: SphereData;
  private readonly model: MLP;
  private readonly trainer: Trainer<SphereBatch, SphereParams>;

  constructor(params: SphereParams, seed: number) {
    this.params = { ...params };
    this.data = makeData(params, seed);
    const model = createMLP([INPUT_DIM, ...HIDDEN, params.dim], { activation: 'tanh' });
    this.model = model;
    this.trainer = new Trainer<SphereBatch, SphereParams>({
      model,
      // Every input in every batch, with fresh view noise: the whole set is one batch.
      sampleBatch: (rng) => sampleViews(this.data.inputs, rng.tfSeed(), rng.tfSeed()),
      loss: (b, p) => sphereObjective(model.apply(b.views1), model.apply(b.views2), p),
      params: this.params,
      seed,
      optimizer: 'adam',
      learningRate: params.lr,
      readEvery: READ_EVERY,
    });
  }

  async run(steps: number): Promise<LossReading[]> {
    const readings = await this.trainer.run(steps);
    return readings.map(({ step, loss }) => ({ step, loss }));
  }

  async snapshot(): Promise<Snapshot<SphereShape>> {
    const n = this.params.points / 2;
    const dim = this.params.dim;
    const step = this.trainer.stepCount;
    const packed = tf.tidy(() => {
      const u = l2Normalize(this.model.apply(this.data.shown));
      const a = alignment(tf.slice(u, [0, 0], [n, -1]), tf.slice(u, [n, 0], [n, -1]));
      return tf.concat([tf.stack([a, uniformity(u)]), tf.reshape(u, [-1])]);
    });
    try {
      const values = (await packed.data()) as Float32Array;
      const points = values.slice(2, 2 + 2 * n * dim);
      return {
        step,
        metrics: {
          alignment: values[0] as number,
          uniformity: values[1] as number,
          // Over the first views: one per input, so partners (the same input) do not count.
          tolerance: tolerance(points.subarray(0, n * dim), dim, this.data.groups.subarray(0, n)),
          loss: this.trainer.latest?.loss ?? Number.NaN,
        },
        arrays: { points },
      };
    } finally {
      packed.dispose();
    }
  }

  layout(): SphereShape['layout'] {
    const n = this.params.points / 2;
    const pairs = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      pairs[2 * i] = i;
      pairs[2 * i + 1] = i + n;
    }
    return { groups: this.data.groups.slice(), pairs };
  }

  update(params: SphereParams): void {
    // The trainer reads `this.params` on every step; mutate it in place.
    Object.assign(this.params, params);
    if (this.trainer.learningRate !== params.lr) this.trainer.learningRate = params.lr;
  }

  reset(seed: number): void {
    const data = makeData(this.params, seed);
    disposeData(this.data);
    this.data = data;
    this.trainer.reset(seed);
  }

  dispose(): void {
    this.trainer.dispose();
    disposeData(this.data);
  }
}

/** The sphere lab, as the training host's registry lists it. */
export const sphereExperiment: ExperimentDefinition<SphereShape> = {
  name: 'sphere',
  parse: parseSphereParams,
  rebuildOn: ['points', 'groups', 'dim'],
  create: (params, seed) => new SphereExperiment(params, seed),
};
