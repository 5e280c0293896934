// The live SimCLR trainer's experiment: the core's SimCLR session (CNN encoder + projection head,
// two augmented views, NT-Xent, Adam) on the built-in shapes. Read-outs are costly next to a step,
// so a snapshot re-evaluates only every EVAL_EVERY steps (k-NN and the sphere picture) and
// PROBE_EVERY steps (the linear probe), and otherwise repeats the last values.
import { createSimclrSession, type SimclrParams, type SimclrSession } from '../../core/simclr';
import { simclrShapes } from '../../data/shapes/simclr';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import { parseSimclrParams, type SimclrExperimentParams } from '../../settings/simclr';

/** What a snapshot of the trainer reports; the k-NN and probe values are cached between evaluations. */
export type SimclrMetrics = {
  /** The latest NT-Xent loss read back (NaN before the first reading). */
  loss: number;
  /** k-NN accuracy on the held-out images, evaluated at step `knnStep`. */
  knn: number;
  knnStep: number;
  /** Linear-probe accuracy on the held-out images, evaluated at step `probeStep`. */
  probe: number;
  probeStep: number;
  /** The same read-outs of the encoder at its random initialisation. */
  knnBaseline: number;
  probeBaseline: number;
};

/** The trainer's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type SimclrShape = {
  params: SimclrExperimentParams;
  metrics: SimclrMetrics;
  /** `points`: the held-out images' embedding (3 numbers each), as of `knnStep`. */
  arrays: { points: Float32Array };
  /** `groups`: the hidden class of every held-out image. */
  layout: { groups: Float32Array };
};

/** k-NN accuracy and the held-out embedding are refreshed every this many steps. */
export const EVAL_EVERY = 20;
/** The linear probe (150 Adam steps of a logistic regression) every this many steps. */
export const PROBE_EVERY = 100;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;

/** The core session's parameters out of the figure's flat ones. */
export function sessionParams(p: SimclrExperimentParams): SimclrParams {
  return {
    tau: p.tau,
    batchSize: p.batch,
    lr: p.lr,
    augment: {
      crop: p.crop,
      flip: p.flip,
      colorJitter: p.color,
      grayscale: p.gray,
      blur: p.blur,
      strength: p.strength,
      minCropArea: p.area,
    },
  };
}

interface Evaluation {
  step: number;
  knn: number;
  points: Float32Array;
}

class SimclrExperiment implements Experiment<SimclrShape> {
  private readonly session: SimclrSession;
  private evaluated: Evaluation | null = null;
  private probe: { step: number; value: number } | null = null;

  constructor(params: SimclrExperimentParams, seed: number) {
    this.session = createSimclrSession({
      ...sessionParams(params),
      data: simclrShapes(),
      seed,
      readEvery: READ_EVERY,
      cnn: { readout: params.readout },
    });
  }

  async run(steps: number): Promise<LossReading[]> {
    const readings = await this.session.run(steps);
    return readings.map(({ step, loss }) => ({ step, loss }));
  }

  async snapshot(): Promise<Snapshot<SimclrShape>> {
    const step = this.session.steps;
    const baseline = await this.session.baseline({ probe: true });
    if (this.evaluated === null || step - this.evaluated.step >= EVAL_EVERY) {
      const { knn } = await this.session.evaluate();
      const { points } = await this.session.embedding();
      this.evaluated = { step, knn, points };
    }
    if (this.probe === null || step - this.probe.step >= PROBE_EVERY) {
      const { probe } = await this.session.evaluate({ probe: true });
      this.probe = { step, value: probe ?? Number.NaN };
    }
    return {
      step,
      metrics: {
        loss: this.session.latest?.loss ?? Number.NaN,
        knn: this.evaluated.knn,
        knnStep: this.evaluated.step,
        probe: this.probe.value,
        probeStep: this.probe.step,
        knnBaseline: baseline.knn,
        probeBaseline: baseline.probe ?? Number.NaN,
      },
      arrays: { points: this.evaluated.points.slice() },
    };
  }

  layout(): SimclrShape['layout'] {
    return { groups: Float32Array.from(this.session.data.heldOut.labels) };
  }

  update(params: SimclrExperimentParams): void {
    this.session.update(sessionParams(params));
  }

  reset(seed: number): void {
    this.session.reset(seed);
    this.evaluated = null;
    this.probe = null;
  }

  dispose(): void {
    this.session.dispose();
  }
}

/** The SimCLR trainer, as the training host's registry lists it. */
export const simclrExperiment: ExperimentDefinition<SimclrShape> = {
  name: 'simclr',
  parse: parseSimclrParams,
  // A different readout is a different network: start again from its random initialisation.
  rebuildOn: ['readout'],
  create: (params, seed) => new SimclrExperiment(params, seed),
};
