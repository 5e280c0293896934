// The live CLIP trainer's experiment: the core's CLIP session (a CNN image encoder and a
// bag-of-words text encoder, the symmetric loss, a learned logit scale clipped at 100, Adam) on a
// stream of captioned shapes, each picture rendered when a batch draws it (src/data/shapes/clip.ts).
// Every snapshot carries the logits of a fixed batch of held-out pairs and the logit scale; the
// zero-shot, unseen-combination and recall read-outs cost a few steps each, so they refresh only
// every EVAL_EVERY steps; the retrieval of the reader's query when it changes or they refresh.
import { createClipSession, type ClipParams, type ClipSession } from '../../core/clip-session';
import { clipShapes } from '../../data/shapes/clip';
import { CLIP_RETRIEVED, parseClipParams, type ClipExperimentParams } from '../../settings/clip';
import {
  timedRun,
  type Experiment,
  type ExperimentDefinition,
  type LossReading,
  type Snapshot,
} from '../experiment';

/** What a snapshot of the trainer reports. */
export type ClipMetrics = {
  /** The latest CLIP loss read back (NaN before the first reading). */
  loss: number;
  /** The logit scale exp(min(s, ln 100)) now. */
  scale: number;
  /** Mean softmax mass on the diagonal of the display batch's logits (1/n by chance). */
  diagonalShare: number;
  /** Zero-shot accuracy on held-out pictures from "a picture of a {class}", at `evalStep`. */
  zeroShot: number;
  zeroShotChance: number;
  /** Zero-shot accuracy among all colour–class prompts on the unseen combinations, at `evalStep`. */
  combos: number;
  combosChance: number;
  /** Recall@1 picture → caption and caption → picture over held-out pairs, at `evalStep`. */
  imageToText: number;
  textToImage: number;
  /** What a random ranking scores in either direction. */
  recallChance: number;
  evalStep: number;
  /** Seconds spent in training steps up to `evalStep` (read-outs excluded). */
  evalSeconds: number;
  /** Seconds spent in training steps so far. */
  trainSeconds: number;
  /** Words of the answered query, and how many of them the vocabulary knows. */
  queryWords: number;
  queryKnown: number;
};

/** The snapshot's arrays: the display logits and the retrieval. */
export type ClipArrays = {
  /** `[n, n]` logits of the display batch, row i picture i against every caption. */
  logits?: Float32Array;
  /** Held-out picture indices closest to the query, closest first (empty without known words). */
  retrieved?: Float32Array;
  /** Their cosines with the query. */
  retrievedScores?: Float32Array;
};

/** The held-out pictures of the display batch, in order (indices into the held-out set). */
export type ClipLayout = { display: Float32Array };

/** The trainer's parameters, snapshot and layout. */
export type ClipShape = {
  params: ClipExperimentParams;
  metrics: ClipMetrics;
  arrays: ClipArrays;
  layout: ClipLayout;
};

/** The zero-shot and recall read-outs are refreshed every this many steps. */
export const EVAL_EVERY = 50;
/** Loss readings come back every this many steps. */
const READ_EVERY = 5;

/** The core session's parameters out of the figure's flat ones. */
export function sessionParams(p: ClipExperimentParams): ClipParams {
  return { batchSize: p.batch, lr: p.lr, learnTemperature: p.temperature === 'learned' };
}

interface Evaluation {
  step: number;
  seconds: number;
  metrics: Omit<
    ClipMetrics,
    | 'loss'
    | 'scale'
    | 'diagonalShare'
    | 'evalStep'
    | 'evalSeconds'
    | 'trainSeconds'
    | 'queryWords'
    | 'queryKnown'
  >;
}

class ClipExperiment implements Experiment<ClipShape> {
  private readonly session: ClipSession;
  private params: ClipExperimentParams;
  private evaluated: Evaluation | null = null;
  private trainMs = 0;
  /** The query the retrieval answers, and at which evaluation. */
  private answered: { query: string; step: number } | null = null;
  private retrieval = { words: 0, known: 0, indices: [] as number[], scores: [] as number[] };

  constructor(params: ClipExperimentParams, seed: number) {
    this.params = { ...params };
    this.session = createClipSession({
      ...sessionParams(params),
      data: clipShapes(),
      seed,
      readEvery: READ_EVERY,
    });
  }

  async run(steps: number): Promise<LossReading[]> {
    const { readings, ms } = await timedRun(this.session, steps);
    this.trainMs += ms;
    return readings;
  }

  async snapshot(): Promise<Snapshot<ClipShape>> {
    const step = this.session.steps;
    if (this.evaluated === null || step - this.evaluated.step >= EVAL_EVERY) {
      const e = await this.session.evaluate();
      this.evaluated = {
        step,
        seconds: this.trainMs / 1000,
        metrics: {
          zeroShot: e.zeroShot.accuracy,
          zeroShotChance: e.zeroShot.chance,
          combos: e.combos.accuracy,
          combosChance: e.combos.chance,
          imageToText: e.imageToText.accuracy,
          textToImage: e.textToImage.accuracy,
          recallChance: e.imageToText.chance,
        },
      };
    }
    const e = this.evaluated;
    const { query } = this.params;
    if (this.answered?.query !== query || this.answered.step !== e.step) {
      const found = await this.session.retrieve(query, CLIP_RETRIEVED);
      this.retrieval = found;
      this.answered = { query, step: e.step };
    }
    const display = await this.session.display();
    const { scale } = await this.session.temperature();
    return {
      step,
      metrics: {
        ...e.metrics,
        loss: this.session.latest?.loss ?? Number.NaN,
        scale,
        diagonalShare: display.diagonalShare,
        evalStep: e.step,
        evalSeconds: e.seconds,
        trainSeconds: this.trainMs / 1000,
        queryWords: this.retrieval.words,
        queryKnown: this.retrieval.known,
      },
      arrays: {
        logits: display.logits,
        retrieved: Float32Array.from(this.retrieval.indices),
        retrievedScores: Float32Array.from(this.retrieval.scores),
      },
    };
  }

  layout(): ClipLayout {
    return { display: Float32Array.from(this.session.displayIndices) };
  }

  update(params: ClipExperimentParams): void {
    this.params = { ...params };
    this.session.update(sessionParams(params));
  }

  reset(seed: number): void {
    this.session.reset(seed);
    this.evaluated = null;
    this.answered = null;
    this.trainMs = 0;
  }

  dispose(): void {
    this.session.dispose();
  }
}

/** The CLIP trainer, as the training host's registry lists it. */
export const clipExperiment: ExperimentDefinition<ClipShape> = {
  name: 'clip',
  parse: parseClipParams,
  rebuildOn: [],
  create: (params, seed) => new ClipExperiment(params, seed),
};
