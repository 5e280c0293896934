// The SimCSE trainer's experiment: a core SimCSE session (src/core/text/simcse.ts) fine-tuning the
// pretrained sentence encoder step by step, next to an untuned twin of the same checkpoint and seed
// that gives the "before" numbers (the pretrained encoder's Spearman, topic agreement and nearest
// neighbours). `create` first fetches and decodes the checkpoint, once per thread
// (../sentence-encoder.ts); both sessions share it. Evaluating means encoding the evaluation pairs
// and the whole corpus, which costs several training steps, so it runs on a time budget: at most a
// fifth of the wall time, and always when training is paused (a zero-step run).
import type { EncoderCheckpoint } from '../../core/text/checkpoint';
import {
  createSimcseSession,
  type Neighbour,
  type SimcseEvaluation,
  type SimcseSession,
} from '../../core/text/simcse';
import { tokenize } from '../../core/text/tokenizer';
import { defaultSimcseData } from '../../data/sentences';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import { loadSentenceEncoder } from '../sentence-encoder';
import {
  effectiveDropout,
  parseSimcseParams,
  SIMCSE_NEIGHBOURS,
  type SimcseParams,
} from '../../settings/simcse';

/**
 * What a snapshot reports: the latest evaluation of the fine-tuned encoder (Spearman, anisotropy,
 * alignment, uniformity, topic agreement) as of step `evaluatedAt`, the latest loss, and the
 * baselines: the pretrained encoder before fine-tuning, and TF-IDF.
 */
export type SimcseMetrics = SimcseEvaluation & {
  /** Step of the evaluation the other numbers come from. */
  evaluatedAt: number;
  /** The latest training loss read back (NaN before the first reading). */
  loss: number;
  /** Spearman of the pretrained encoder before fine-tuning (same checkpoint and seed). */
  spearmanPretrained: number;
  /** Top-5 topic agreement of the pretrained encoder before fine-tuning. */
  topicAgreementPretrained: number;
  /** Spearman of the TF-IDF bag of words. */
  spearmanBow: number;
  /**
   * Words of the answered query that the vocabulary knows. At 0 (a query of punctuation, symbols
   * or unknown words only) the encoder sees nothing of it, so no neighbours are listed.
   */
  queryKnownWords: number;
};

/**
 * The query's nearest corpus sentences, before (pretrained) and after fine-tuning: corpus indices
 * (in defaultSimcseData().corpus order) and cosines. All four, or none when the query has no
 * word the vocabulary knows (an empty query included).
 */
export type SimcseNeighbours = {
  afterIndex?: Float32Array;
  afterCosine?: Float32Array;
  beforeIndex?: Float32Array;
  beforeCosine?: Float32Array;
};

/** The trainer's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type SimcseShape = {
  params: SimcseParams;
  metrics: SimcseMetrics;
  arrays: SimcseNeighbours;
  /** Nothing changes only on a rebuild. */
  layout: Record<never, Float32Array>;
};

/** Loss read back every this many steps. */
const READ_EVERY = 5;
/** Evaluation may take this share of the time at most (the rest trains). */
const EVAL_SHARE = 0.2;

/**
 * A session fine-tuning `checkpoint` with `params` and `seed` (mode, view ablation, τ and p are
 * fixed per session).
 */
function session(params: SimcseParams, seed: number, checkpoint: EncoderCheckpoint): SimcseSession {
  return createSimcseSession({
    data: defaultSimcseData(),
    checkpoint,
    mode: params.mode,
    seed,
    tau: params.tau,
    dropout: effectiveDropout(params),
    ablation:
      params.ablation === 'same-mask' || params.ablation === 'word-deletion'
        ? params.ablation
        : 'none',
    readEvery: READ_EVERY,
  });
}

/** Neighbours as arrays that cross a postMessage: corpus text is looked up on the page. */
function packNeighbours(list: readonly Neighbour[], texts: ReadonlyMap<string, number>) {
  return {
    index: Float32Array.from(list, (n) => texts.get(n.text) ?? -1),
    cosine: Float32Array.from(list, (n) => n.cosine),
  };
}

/** The latest evaluation of the trained session. */
interface Evaluated {
  step: number;
  metrics: SimcseEvaluation;
}

class SimcseExperiment implements Experiment<SimcseShape> {
  private params: SimcseParams;
  private seed: number;
  private trained: SimcseSession;
  private pretrained: SimcseSession;
  private readonly corpusIndex: ReadonlyMap<string, number>;
  /** The pretrained encoder's evaluation (once per session pair: it never trains). */
  private before: SimcseEvaluation | null = null;
  private last: Evaluated | null = null;
  private lastLoss = Number.NaN;
  private evalMs = 0;
  private evalAt = 0;
  private lastRunSteps = 0;
  /** Query the neighbour lists were computed for. */
  private answered: string | null = null;
  private answeredKnownWords = 0;
  private neighbours: SimcseNeighbours = {};

  constructor(
    params: SimcseParams,
    seed: number,
    private readonly checkpoint: EncoderCheckpoint,
  ) {
    this.params = { ...params };
    this.seed = seed;
    this.trained = session(params, seed, checkpoint);
    this.pretrained = session(params, seed, checkpoint);
    // The page numbers corpus sentences the same way: in defaultSimcseData().corpus order.
    this.corpusIndex = new Map(defaultSimcseData().corpus.map((s, i) => [s.text, i]));
  }

  async run(steps: number): Promise<LossReading[]> {
    this.lastRunSteps = steps;
    for (let i = 0; i < steps; i++) this.trained.step();
    if (steps === 0) return [];
    const loss = await this.trained.loss();
    const step = this.trained.steps - (this.trained.steps % READ_EVERY);
    if (loss === null || step === 0) return [];
    this.lastLoss = loss;
    return [{ step, loss }];
  }

  private evaluationDue(): boolean {
    if (!this.last) return true;
    if (this.last.step === this.trained.steps) return false;
    // A refresh while paused: the reader is looking at this state.
    if (this.lastRunSteps === 0) return true;
    return performance.now() - this.evalAt >= this.evalMs / EVAL_SHARE;
  }

  async snapshot(): Promise<Snapshot<SimcseShape>> {
    this.before ??= await this.pretrained.evaluate();
    if (this.evaluationDue()) {
      const start = performance.now();
      const evaluation = await this.trained.evaluate();
      await this.answer(true);
      this.evalMs = performance.now() - start;
      this.evalAt = performance.now();
      this.last = { step: this.trained.steps, metrics: { ...evaluation } };
    } else {
      await this.answer(false);
    }
    const last = this.last as Evaluated;
    return {
      step: this.trained.steps,
      metrics: {
        ...last.metrics,
        evaluatedAt: last.step,
        loss: this.lastLoss,
        spearmanPretrained: this.before.spearman,
        topicAgreementPretrained: this.before.topicAgreement,
        spearmanBow: this.trained.baselineSpearman,
        queryKnownWords: this.answeredKnownWords,
      },
      // Fresh copies: the host transfers what it sends, and these lists are kept for reuse.
      arrays: Object.fromEntries(
        Object.entries(this.neighbours).map(([k, v]) => [k, v.slice()]),
      ) as SimcseNeighbours,
    };
  }

  /** Recomputes the neighbour lists when the query changed, or (`fresh`) the encoder did. */
  private async answer(fresh: boolean): Promise<void> {
    const query = this.params.query;
    if (!fresh && query === this.answered) return;
    const { vocabulary } = this.trained;
    this.answeredKnownWords = tokenize(query, vocabulary.maxLength).filter((word) =>
      vocabulary.has(word),
    ).length;
    if (this.answeredKnownWords === 0) {
      this.neighbours = {};
    } else {
      const after = packNeighbours(
        await this.trained.nearest(query, SIMCSE_NEIGHBOURS),
        this.corpusIndex,
      );
      const before =
        query === this.answered && this.neighbours.beforeIndex
          ? { index: this.neighbours.beforeIndex, cosine: this.neighbours.beforeCosine! }
          : packNeighbours(
              await this.pretrained.nearest(query, SIMCSE_NEIGHBOURS),
              this.corpusIndex,
            );
      this.neighbours = {
        afterIndex: after.index,
        afterCosine: after.cosine,
        beforeIndex: before.index,
        beforeCosine: before.cosine,
      };
    }
    this.answered = query;
  }

  layout(): SimcseShape['layout'] {
    return {};
  }

  update(params: SimcseParams): void {
    // Everything but the query rebuilds (see rebuildOn); the query is read at the next snapshot.
    this.params = { ...params };
  }

  reset(seed: number): void {
    if (seed === this.seed) {
      this.trained.reset();
    } else {
      this.dispose();
      this.seed = seed;
      this.trained = session(this.params, seed, this.checkpoint);
      this.pretrained = session(this.params, seed, this.checkpoint);
      this.before = null;
    }
    this.last = null;
    this.lastLoss = Number.NaN;
    this.answered = null;
  }

  dispose(): void {
    this.trained.dispose();
    this.pretrained.dispose();
  }
}

/** The SimCSE trainer, as the training host's registry lists it. */
export const simcseExperiment: ExperimentDefinition<
  SimcseShape,
  Promise<Experiment<SimcseShape>>
> = {
  name: 'simcse',
  parse: parseSimcseParams,
  // A session fixes its mode, views, τ and p when created; a change starts a new run.
  rebuildOn: ['mode', 'ablation', 'tau', 'dropout'],
  // The checkpoint is fetched on the first create in this thread; a rebuild reuses it.
  create: async (params, seed) => new SimcseExperiment(params, seed, await loadSentenceEncoder()),
};
