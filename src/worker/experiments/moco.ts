// The live MoCo trainer's experiment: the core's MoCo session (query and momentum key encoders,
// a queue of keys, InfoNCE, Adam) on a stream of the built-in shapes far longer than the queue,
// each picture rendered when a batch draws it (src/data/shapes/moco.ts). The k-NN read-out, the
// key encoder's lag and the queue's age profile cost a few steps each, so a snapshot refreshes
// them only every EVAL_EVERY steps. The time spent in training steps is summed, so the page can
// plot accuracy against training time.
import {
  createMocoSession,
  type MocoParams,
  type MocoSession,
  type QueueAgeProfile,
} from '../../core/moco';
import { SIMCLR_DEFAULTS } from '../../core/simclr';
import { mocoShapes } from '../../data/shapes/moco';
import { parseMocoParams, type MocoExperimentParams } from '../../settings/moco';
import {
  timedRun,
  type Experiment,
  type ExperimentDefinition,
  type LossReading,
  type Snapshot,
} from '../experiment';

/** What a snapshot of the trainer reports; k-NN and lag are cached between evaluations. */
export type MocoMetrics = {
  /** The latest InfoNCE loss read back (NaN before the first reading). */
  loss: number;
  /** k-NN accuracy of the query encoder on the held-out images, evaluated at step `evalStep`. */
  knn: number;
  /** The same read-out of the encoder at its random initialisation. */
  knnBaseline: number;
  /** 1 − mean cos(z_q, z_k) on the held-out images, evaluated at step `evalStep`. */
  lag: number;
  /** ‖θ_k − θ_q‖ / ‖θ_q‖, evaluated at step `evalStep`. */
  weightLag: number;
  evalStep: number;
  /** Seconds spent in training steps up to `evalStep` (read-outs excluded). */
  evalSeconds: number;
  /** Seconds spent in training steps so far. */
  trainSeconds: number;
  /** Age in steps of the oldest key in the queue that came from a batch (0 without a queue). */
  queueOldest: number;
  /** Mean age in steps of the queue's keys that came from a batch. */
  queueMeanAge: number;
  /** How many of the queue's K keys came from a batch so far (the rest are random). */
  queueFilled: number;
};

/**
 * The queue's age profile at `evalStep` (the core's QueueAgeProfile): the distinct ages of its
 * real keys in steps, ascending, and the mean cosine of the held-out queries with keys of each
 * age. Empty without a queue. Fresh arrays in every snapshot, since a worker transfers them.
 */
export type MocoAgeProfile = {
  queueAges: Float32Array;
  queueCosines: Float32Array;
};

/** The trainer's parameters, snapshot and the queue's age profile; no layout. */
export type MocoShape = {
  params: MocoExperimentParams;
  metrics: MocoMetrics;
  arrays: MocoAgeProfile;
  layout: Record<string, never>;
};

/** k-NN accuracy and the lag are refreshed every this many steps. */
export const EVAL_EVERY = 50;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;

/** The core session's parameters out of the figure's flat ones. */
export function sessionParams(p: MocoExperimentParams): MocoParams {
  return {
    tau: p.tau,
    batchSize: p.batch,
    lr: p.lr,
    augment: { ...SIMCLR_DEFAULTS.augment },
    momentum: Number(p.m),
    queueSize: p.queue,
  };
}

interface Evaluation {
  step: number;
  seconds: number;
  knn: number;
  lag: number;
  weightLag: number;
  profile: QueueAgeProfile;
}

class MocoExperiment implements Experiment<MocoShape> {
  private readonly session: MocoSession;
  private evaluated: Evaluation | null = null;
  private trainMs = 0;

  constructor(params: MocoExperimentParams, seed: number) {
    this.session = createMocoSession({
      ...sessionParams(params),
      data: mocoShapes(),
      seed,
      readEvery: READ_EVERY,
    });
  }

  async run(steps: number): Promise<LossReading[]> {
    const { readings, ms } = await timedRun(this.session, steps);
    this.trainMs += ms;
    return readings;
  }

  async snapshot(): Promise<Snapshot<MocoShape>> {
    const step = this.session.steps;
    const baseline = await this.session.baseline();
    if (this.evaluated === null || step - this.evaluated.step >= EVAL_EVERY) {
      const { knn } = await this.session.evaluate();
      const lag = await this.session.lag();
      this.evaluated = {
        step,
        seconds: this.trainMs / 1000,
        knn,
        lag: lag.representation,
        weightLag: lag.parameters,
        profile: await this.session.ageProfile(),
      };
    }
    const ages = this.session.queueAges();
    const e = this.evaluated;
    return {
      step,
      metrics: {
        loss: this.session.latest?.loss ?? Number.NaN,
        knn: e.knn,
        knnBaseline: baseline.knn,
        lag: e.lag,
        weightLag: e.weightLag,
        evalStep: e.step,
        evalSeconds: e.seconds,
        trainSeconds: this.trainMs / 1000,
        queueOldest: ages.oldest,
        queueMeanAge: ages.mean,
        queueFilled: ages.real,
      },
      arrays: { queueAges: e.profile.ages.slice(), queueCosines: e.profile.cosines.slice() },
    };
  }

  layout(): MocoShape['layout'] {
    return {};
  }

  update(params: MocoExperimentParams): void {
    this.session.update(sessionParams(params));
  }

  reset(seed: number): void {
    this.session.reset(seed);
    this.evaluated = null;
    this.trainMs = 0;
  }

  dispose(): void {
    this.session.dispose();
  }
}

/** The MoCo trainer, as the training host's registry lists it. */
export const mocoExperiment: ExperimentDefinition<MocoShape> = {
  name: 'moco',
  parse: parseMocoParams,
  rebuildOn: [],
  create: (params, seed) => new MocoExperiment(params, seed),
};
