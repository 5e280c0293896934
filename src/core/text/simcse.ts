// SimCSE (Gao, Yao & Chen, 2021) on the caller's sentence data, fine-tuning the caller's
// pretrained encoder checkpoint, as a session a figure can drive one step at a time and a script
// can run headless. Unsupervised: each sentence is encoded twice
// with different dropout masks, and InfoNCE pulls the two views together against the rest of the
// batch. Supervised: NLI premises are pulled to their entailments, against the other entailments
// and every contradiction (hard negatives).
import { alignment, uniformity } from '../hypersphere';
import { infoNCELoss, supervisedSimCSELoss } from '../losses';
import { cosineSimilarityMatrix } from '../similarity';
import { tf } from '../tf';
import { createRng, deriveSeed, type Rng } from '../rng';
import type { TrainableModel } from '../mlp';
import { Trainer } from '../trainer';
import { assertInteger, assertPositive } from '../validate';
import { deleteWords } from './augment';
import { tfidfEncoder } from './baseline';
import type { EncoderCheckpoint } from './checkpoint';
import type { SimcseData } from './data';
import type { PassOptions, SentenceEncoder } from './encoder';
import { anisotropy, evaluateSts, topicAgreement } from './metrics';
import { checkpointEncoder, checkpointVocabulary } from './pretrained';
import { type Vocabulary, padBatch } from './vocabulary';

/** Which SimCSE: dropout views of unlabelled sentences, or NLI entailment / contradiction. */
export type SimcseMode = 'unsup' | 'sup';

/**
 * The unsupervised ablations of Gao et al. (2021): `'none'` is SimCSE itself (two independent
 * dropout masks); `'same-mask'` encodes both views with one mask, so the positive pair is
 * identical (their "fixed 0.1"); `'word-deletion'` also deletes words, independently per view
 * (Table 1). "No dropout" is `dropout: 0`. Ignored in supervised mode.
 */
export type SimcseAblation = 'none' | 'same-mask' | 'word-deletion';

/** Settings of a {@link SimcseSession}; every field but `data` and `checkpoint` has a default. */
export interface SimcseOptions {
  /** Training and evaluation sentences (the chapter's: `defaultSimcseData()` of src/data/sentences). */
  data: SimcseData;
  /**
   * The pretrained encoder to fine-tune: its vocabulary, sizes and weights (the chapter's is made
   * by `npm run pretrain:text`). Weights it lacks start random, seeded by `seed`.
   */
  checkpoint: EncoderCheckpoint;
  /** `'unsup'` (default) or `'sup'`. */
  mode?: SimcseMode;
  /** Seeds the weights, the batches and every dropout mask (default 0). */
  seed?: number;
  /** InfoNCE temperature τ > 0 (default 0.05, as in the paper). */
  tau?: number;
  /** Training dropout p in [0, 1) (default 0.1, as in the paper). */
  dropout?: number;
  /** Sentences (unsup) or triples (sup) per step, ≥ 2 (default 32, half the paper's 64, for speed). */
  batchSize?: number;
  /**
   * Adam learning rate (default 1e-4, chosen on the development pairs: 3e-4 peaks within 50 steps
   * and then declines, 3e-5 is still rising after 150).
   */
  lr?: number;
  /** Read the loss back every this many steps (default 10). */
  readEvery?: number;
  /** Unsupervised ablation (default `'none'`). */
  ablation?: SimcseAblation;
  /** Word-deletion probability for the `'word-deletion'` ablation (default 0.1). */
  deletionRate?: number;
  /** Whether fine-tuning also updates the word-embedding table (default false). */
  trainEmbeddings?: boolean;
}

/** What {@link SimcseSession.evaluate} measures, all with dropout off. */
export interface SimcseEvaluation {
  /** Spearman's ρ of cosine vs gold score on the evaluation pairs. */
  spearman: number;
  /** Mean cosine of 1,000 random corpus pairs (the same pairs at every evaluation). */
  anisotropy: number;
  /** Wang & Isola alignment (α = 2) over the evaluation pairs scored ≥ 4; lower is better. */
  alignment: number;
  /** Wang & Isola uniformity (t = 2) over the corpus embeddings; lower is more uniform. */
  uniformity: number;
  /** Mean share of each query's 5 nearest corpus sentences that share its topic (0 without queries). */
  topicAgreement: number;
}

/** A corpus sentence returned by {@link SimcseSession.nearest}. */
export interface Neighbour {
  text: string;
  topic: string;
  cosine: number;
}

/** A SimCSE training run that can be stepped, evaluated, queried, reset and disposed. */
export interface SimcseSession {
  /** The settings in use, defaults filled in. */
  readonly options: Readonly<Required<Omit<SimcseOptions, 'checkpoint' | 'data'>>>;
  /** The checkpoint's vocabulary. */
  readonly vocabulary: Vocabulary;
  /** Steps taken since creation or the last reset. */
  readonly steps: number;
  /** Spearman's ρ of the TF-IDF bag-of-words baseline on the same evaluation pairs. */
  readonly baselineSpearman: number;
  /** One optimisation step (inside tf.tidy; nothing is read back from the device). */
  step(): void;
  /** The last step's loss, read back asynchronously; `null` before the first step. */
  loss(): Promise<number | null>;
  /** Spearman, anisotropy, alignment and uniformity of the current encoder. */
  evaluate(): Promise<SimcseEvaluation>;
  /** `[n, width]` embeddings of `sentences`; caller disposes. Dropout is off unless `pass` sets p. */
  encode(sentences: readonly string[], pass?: PassOptions): tf.Tensor2D;
  /** The `k` corpus sentences closest to `query` by cosine (default 5). */
  nearest(query: string, k?: number): Promise<Neighbour[]>;
  /** Back to the untrained weights of this seed, step 0. */
  reset(): void;
  /** Frees every tensor the session holds. */
  dispose(): void;
}

/** One training batch: row indices into the corpus (unsup) or the triples (sup), and a mask seed. */
interface SimcseBatch {
  indices: number[];
  /** Seed of this step's dropout masks. */
  seed: number;
  /** The step's own random source, for word deletion. */
  rng: Rng;
}

/** The settings a step reads, changeable between steps (τ and p sliders). */
interface SimcseParams {
  tau: number;
  dropout: number;
}

function resolve(options: SimcseOptions): SimcseSession['options'] {
  const resolved = {
    mode: options.mode ?? 'unsup',
    seed: options.seed ?? 0,
    tau: options.tau ?? 0.05,
    dropout: options.dropout ?? 0.1,
    batchSize: options.batchSize ?? 32,
    lr: options.lr ?? 1e-4,
    readEvery: options.readEvery ?? 10,
    ablation: options.ablation ?? 'none',
    deletionRate: options.deletionRate ?? 0.1,
    trainEmbeddings: options.trainEmbeddings ?? false,
  } as const;
  if (resolved.mode !== 'unsup' && resolved.mode !== 'sup') {
    throw new Error(`mode must be 'unsup' or 'sup' (got ${String(resolved.mode)}).`);
  }
  if (!['none', 'same-mask', 'word-deletion'].includes(resolved.ablation)) {
    throw new Error(
      `ablation must be 'none', 'same-mask' or 'word-deletion' (got ${String(resolved.ablation)}).`,
    );
  }
  assertInteger(resolved.seed, 'seed', 0);
  assertPositive(resolved.tau, 'tau');
  assertInteger(resolved.batchSize, 'batchSize', 2);
  assertPositive(resolved.lr, 'lr');
  for (const [name, value] of [
    ['dropout', resolved.dropout],
    ['deletionRate', resolved.deletionRate],
  ] as const) {
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
      throw new Error(`${name} must be a number in [0, 1) (got ${String(value)}).`);
    }
  }
  assertInteger(resolved.readEvery, 'readEvery', 1);
  return resolved;
}

/** The session's sentences, vocabulary and fixed read-outs, prepared once from its data. */
interface PreparedText {
  data: SimcseData;
  /** Corpus sentences, in corpus order. */
  corpusTexts: string[];
  /** The checkpoint's vocabulary. */
  vocabulary: Vocabulary;
  /** Evaluation pairs scored ≥ 4: the alignment read-out's positives. */
  alignedPairs: SimcseData['pairs'];
  /** Spearman's ρ of the TF-IDF baseline on the evaluation pairs. */
  baselineSpearman: number;
}

/** Rebuilds the checkpoint's vocabulary and the fixed read-outs of `data`; checks it fits `mode`. */
function prepareText(
  data: SimcseData,
  checkpoint: EncoderCheckpoint,
  mode: SimcseMode,
): PreparedText {
  const corpusTexts = data.corpus.map((s) => s.text);
  const vocabulary = checkpointVocabulary(checkpoint);
  const alignedPairs = data.pairs.filter((p) => p.score >= 4);
  const baselineSpearman = evaluateSts(tfidfEncoder(corpusTexts), data.pairs).spearman;
  if (mode === 'sup' && data.triples.length < 2)
    throw new Error('supervised SimCSE needs at least 2 triples.');
  return { data, corpusTexts, vocabulary, alignedPairs, baselineSpearman };
}

/** The encoder and the ways a session runs it. */
interface SimcseModel {
  encoder: SentenceEncoder;
  /** Embeds sentences with the pass given (dropout off by default). */
  embed(texts: readonly string[], pass?: PassOptions): tf.Tensor2D;
  /** What the optimiser updates: every weight, or all but the word-embedding table. */
  trained: TrainableModel;
}

/** The checkpoint's encoder; weights it lacks are drawn from the session's seed. */
function buildModel(
  text: PreparedText,
  checkpoint: EncoderCheckpoint,
  settings: SimcseSession['options'],
): SimcseModel {
  const { vocabulary } = text;
  const encoder = checkpointEncoder(checkpoint, vocabulary, settings.seed);
  const trained: TrainableModel = settings.trainEmbeddings
    ? encoder
    : {
        ...encoder,
        variables: encoder.variables.filter((_, i) => encoder.names[i] !== 'tokens'),
      };
  return {
    encoder,
    trained,
    embed: (texts, pass = {}) => encoder.encode(vocabulary.encodeBatch(texts), pass),
  };
}

/** Unsupervised loss: the two views of each sentence are positives, the batch the negatives. */
function unsupervisedLoss(
  text: PreparedText,
  model: SimcseModel,
  settings: SimcseSession['options'],
): (batch: SimcseBatch, params: SimcseParams) => tf.Scalar {
  const { corpusTexts, vocabulary } = text;
  return ({ indices, seed, rng }, params) => {
    const texts = indices.map((i) => corpusTexts[i]!);
    const pass = { dropout: params.dropout, seed };
    if (settings.ablation === 'same-mask') {
      const views = model.embed(texts, pass);
      return infoNCELoss(views, views, params.tau);
    }
    const ids = texts.map((t) => vocabulary.encode(t));
    const view = () =>
      settings.ablation === 'word-deletion'
        ? ids.map((s) => deleteWords(s, settings.deletionRate, rng))
        : ids;
    // One forward pass over both views: rows i and n + i get independent dropout masks.
    const views = model.encoder.encode(padBatch([...view(), ...view()]), pass);
    const n = texts.length;
    return infoNCELoss(
      tf.slice(views, [0, 0], [n, -1]),
      tf.slice(views, [n, 0], [n, -1]),
      params.tau,
    );
  };
}

/** Supervised loss: entailments are positives, contradictions hard negatives. */
function supervisedLoss(
  text: PreparedText,
  model: SimcseModel,
): (batch: SimcseBatch, params: SimcseParams) => tf.Scalar {
  return ({ indices, seed }, params) => {
    const triples = indices.map((i) => text.data.triples[i]!);
    const n = triples.length;
    const texts = [
      ...triples.map((t) => t.premise),
      ...triples.map((t) => t.entailment),
      ...triples.map((t) => t.contradiction),
    ];
    const views = model.embed(texts, { dropout: params.dropout, seed });
    const part = (k: number) => tf.slice(views, [k * n, 0], [n, -1]);
    return supervisedSimCSELoss(part(0), part(1), part(2), params.tau);
  };
}

/** The Trainer that owns the encoder: batches of distinct rows, the mode's loss, Adam. */
function createSimcseTrainer(
  text: PreparedText,
  model: SimcseModel,
  settings: SimcseSession['options'],
): Trainer<SimcseBatch, SimcseParams> {
  const sources = settings.mode === 'sup' ? text.data.triples.length : text.corpusTexts.length;
  const allRows = Array.from({ length: sources }, (_, i) => i);
  return new Trainer<SimcseBatch, SimcseParams>({
    model: model.trained,
    // A fresh random subset per step; its rows are distinct, so no sentence is its own negative.
    sampleBatch: (rng) => ({
      indices: rng.shuffle(allRows).slice(0, settings.batchSize),
      seed: rng.tfSeed(),
      rng: rng.fork(),
    }),
    loss:
      settings.mode === 'sup'
        ? supervisedLoss(text, model)
        : unsupervisedLoss(text, model, settings),
    params: { tau: settings.tau, dropout: settings.dropout },
    seed: settings.seed,
    learningRate: settings.lr,
    readEvery: settings.readEvery,
  });
}

/** The read-outs of a session: evaluation, nearest neighbours, and the corpus embeddings behind them. */
interface SimcseReadouts {
  evaluate(): Promise<SimcseEvaluation>;
  nearest(query: string, k?: number): Promise<Neighbour[]>;
  /** Frees the cached corpus embeddings. */
  dropCache(): void;
}

/**
 * Read-outs of the current encoder, with dropout off. The corpus embeddings are cached until the
 * trainer takes another step.
 */
function createReadouts(
  text: PreparedText,
  model: SimcseModel,
  trainer: Trainer<SimcseBatch, SimcseParams>,
  seed: number,
): SimcseReadouts {
  const { data, corpusTexts, alignedPairs } = text;
  const { embed } = model;
  let corpusCache: { steps: number; embeddings: tf.Tensor2D } | null = null;

  function corpusEmbeddings(): tf.Tensor2D {
    if (corpusCache?.steps !== trainer.stepCount) {
      corpusCache?.embeddings.dispose();
      // Kept: a caller may be inside tf.tidy (nearest, the topic check), which would free it.
      corpusCache = { steps: trainer.stepCount, embeddings: tf.keep(embed(corpusTexts)) };
    }
    return corpusCache.embeddings;
  }

  async function readRows(texts: readonly string[]): Promise<Float32Array[]> {
    const embeddings = embed(texts);
    const flat = await embeddings.data();
    const width = embeddings.shape[1];
    embeddings.dispose();
    return texts.map((_, i) => (flat as Float32Array).subarray(i * width, (i + 1) * width));
  }

  async function evaluate(): Promise<SimcseEvaluation> {
    const sts = await readRows(data.pairs.flatMap((p) => [p.a, p.b]));
    const spearman = evaluateSts(
      () => [...sts.filter((_, i) => i % 2 === 0), ...sts.filter((_, i) => i % 2 === 1)],
      data.pairs,
    ).spearman;
    const corpus = corpusEmbeddings();
    const scalars = tf.tidy(() => {
      const a = embed(alignedPairs.map((p) => p.a));
      const b = embed(alignedPairs.map((p) => p.b));
      return [
        anisotropy(corpus, createRng(deriveSeed(seed, 4))),
        alignment(a, b),
        uniformity(corpus),
      ];
    });
    const [aniso, align, uniform] = await Promise.all(
      scalars.map(async (s) => (await s.data())[0]!),
    );
    tf.dispose(scalars);
    return {
      spearman,
      anisotropy: aniso,
      alignment: align,
      uniformity: uniform,
      topicAgreement: await queryAgreement(),
    };
  }

  async function queryAgreement(): Promise<number> {
    const queries = data.queries ?? [];
    if (queries.length === 0) return 0;
    const scores = tf.tidy(() =>
      cosineSimilarityMatrix(embed(queries.map((q) => q.text)), corpusEmbeddings()),
    );
    const cosines = (await scores.data()) as Float32Array;
    scores.dispose();
    return topicAgreement(
      cosines,
      queries.map((q) => q.topic),
      data.corpus.map((s) => s.topic),
      5,
    );
  }

  async function nearest(query: string, k = 5): Promise<Neighbour[]> {
    assertInteger(k, 'k', 1);
    const scores = tf.tidy(() => cosineSimilarityMatrix(embed([query]), corpusEmbeddings()));
    const cosines = await scores.data();
    scores.dispose();
    return Array.from(cosines, (cosine, i) => ({ ...data.corpus[i]!, cosine }))
      .sort((x, y) => y.cosine - x.cosine)
      .slice(0, k)
      .map(({ text, topic, cosine }) => ({ text, topic, cosine }));
  }

  return {
    evaluate,
    nearest,
    dropCache() {
      corpusCache?.embeddings.dispose();
      corpusCache = null;
    },
  };
}

/** Starts a SimCSE session: the checkpoint's vocabulary and encoder, and an Adam optimiser. */
export function createSimcseSession(options: SimcseOptions): SimcseSession {
  const settings = resolve(options);
  const text = prepareText(options.data, options.checkpoint, settings.mode);
  const model = buildModel(text, options.checkpoint, settings);
  const trainer = createSimcseTrainer(text, model, settings);
  const readouts = createReadouts(text, model, trainer, settings.seed);

  return {
    options: settings,
    vocabulary: text.vocabulary,
    get steps() {
      return trainer.stepCount;
    },
    baselineSpearman: text.baselineSpearman,
    step: () => trainer.step(),
    loss: async () => {
      await trainer.flush();
      return trainer.latest?.loss ?? null;
    },
    evaluate: readouts.evaluate,
    encode: model.embed,
    nearest: readouts.nearest,
    reset() {
      readouts.dropCache();
      trainer.reset();
    },
    dispose() {
      readouts.dropCache();
      trainer.dispose();
    },
  };
}
