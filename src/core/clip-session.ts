// A CLIP training run on captioned pictures (the caller's: the chapter uses the captioned shapes of
// src/data/shapes/clip.ts), as a session a figure, a worker or a script can step, evaluate, query
// and reset. Each step draws N pictures and their captions, embeds the pictures with the CNN image
// encoder (cnn.ts) and the captions with the bag-of-words text encoder (clip.ts), both projected to
// one width and ℓ2-normalised, and takes one Adam step on the symmetric CLIP loss — the log of the
// logit scale among the trained parameters, clipped at ln 100 after every step as CLIP clips it.
// Read-outs: zero-shot classification from prompts, the same on colour–class combinations never
// seen in training, recall@1 both ways, the logits of a small fixed batch, and retrieval of the
// held-out pictures closest to a typed caption.
import {
  CLIP_INITIAL_SCALE,
  CLIP_MAX_LOG_SCALE,
  bagOfWords,
  clipLogits,
  clipLoss,
  createCaptionVocabulary,
  createTextEncoder,
  diagonalShare,
  logitScale,
  type CaptionVocabulary,
  type ClipTextEncoderOptions,
} from './clip';
import { createCNN, type CNN, type CNNOptions } from './cnn';
import type { TrainableModel } from './mlp';
import { averagePool } from './pool';
import type { Rng } from './rng';
import { l2Normalize, matMulTransposed } from './similarity';
import { tf } from './tf';
import { Trainer, type TrainerReading } from './trainer';
import { assertInteger, assertPositive } from './validate';

/** The settings a reader can change while training runs. */
export interface ClipParams {
  /** Pairs per step, N ≥ 2: each picture's negatives are the other N − 1 captions, and back. */
  batchSize: number;
  /** Adam learning rate (of the encoders and of the log-scale). */
  lr: number;
  /** Whether the logit scale is learned; if not, it stays at its initial 1/0.07. */
  learnTemperature: boolean;
}

/** Captioned pictures held in memory (e.g. `clipShapes().heldOut` of src/data/shapes). */
export interface CaptionedImageSet {
  /** Pixels in [0, 1], `count × size × size × 3`, row-major, channels last. */
  readonly images: Float32Array;
  /** The zero-shot label of each picture: an index into the prompts it is classified with. */
  readonly labels: Int32Array;
  /** One caption per picture. */
  readonly captions: readonly string[];
  readonly size: number;
  readonly count: number;
}

/** Captioned training pictures made on demand. */
export interface CaptionedImageStream {
  readonly size: number;
  readonly count: number;
  /** Writes picture `index` into `out` at `offset` and returns its caption. */
  render(index: number, out: Float32Array, offset: number): string;
}

/** What a CLIP session trains and evaluates on (`clipShapes()` of src/data/shapes has this shape). */
export interface ClipData {
  readonly train: CaptionedImageStream;
  /** Held-out pictures; labels index `classPrompts`. */
  readonly heldOut: CaptionedImageSet;
  /** Held-out pictures of combinations never trained on; labels index `comboPrompts`. */
  readonly combos: CaptionedImageSet;
  readonly classPrompts: readonly string[];
  readonly comboPrompts: readonly string[];
  /**
   * `m × m`, row-major: 1 where caption j of the first m held-out pairs is true of picture i.
   * The recall read-outs rank these m pairs and count a retrieved item right where it is 1.
   */
  readonly matches: Uint8Array;
  /** The vocabulary: every word a caption or prompt uses. */
  readonly words: readonly string[];
}

/** Options of {@link createClipSession}; every field but `data` has a default. */
export interface ClipOptions extends Partial<ClipParams> {
  data: ClipData;
  /** Seeds the weights and the batches (default 0). */
  seed?: number;
  /** Loss readback cadence (default 10). */
  readEvery?: number;
  /** Image encoder sizes (default: flatten readout, so the encoder can tell left from right). */
  cnn?: Omit<CNNOptions, 'seed' | 'inputSize'>;
  /** Text encoder sizes; its head's last width must equal the image head's. */
  text?: Omit<ClipTextEncoderOptions, 'seed' | 'vocabularySize'>;
  /** Side of the pictures the image encoder sees (default 16: the 32-px pictures pooled 2 × 2). */
  resolution?: number;
  /** Pairs of the fixed batch whose logits {@link ClipSession.display} returns (default 12). */
  displayCount?: number;
}

/** A share of right answers and what guessing would score. */
export interface ClipScore {
  accuracy: number;
  chance: number;
}

/** The read-outs of the current encoders on the held-out pictures. */
export interface ClipEvaluation {
  /** Zero-shot classification of held-out pictures from the class prompts. */
  zeroShot: ClipScore;
  /** Zero-shot classification among all colour–class prompts, on the unseen combinations. */
  combos: ClipScore;
  /** Recall@1 picture → caption over the m retrieval pairs (a caption true of the picture counts). */
  imageToText: ClipScore;
  /** Recall@1 caption → picture over the m retrieval pairs. */
  textToImage: ClipScore;
}

/** The logits of the display batch. */
export interface ClipDisplay {
  /** Pairs shown, n. */
  n: number;
  /** `[n, n]` logits, row i picture i against every caption. */
  logits: Float32Array;
  /** Mean softmax mass on the diagonal, row-wise (image → text); 1/n by chance. */
  diagonalShare: number;
}

/** The held-out pictures closest to a typed caption. */
export interface ClipRetrieval {
  /** Held-out picture indices, closest first; empty when no word of the query is known. */
  indices: number[];
  /** Their cosines with the query. */
  scores: number[];
  /** Words of the query read. */
  words: number;
  /** Known words among them. */
  known: number;
  /** Words the vocabulary does not know, each once. */
  unknown: string[];
  /** Whether the query had more words than were read. */
  truncated: boolean;
}

/** A CLIP training run. */
export interface ClipSession {
  readonly params: ClipParams;
  readonly seed: number;
  readonly steps: number;
  readonly data: ClipData;
  readonly vocabulary: CaptionVocabulary;
  readonly imageEncoder: CNN;
  /** Held-out indices of the display batch: no caption among them is true of another's picture. */
  readonly displayIndices: readonly number[];
  step(): void;
  run(steps: number): Promise<TrainerReading[]>;
  readonly latest: TrainerReading | null;
  /** The current logit scale exp(min(s, ln 100)) and temperature 1/scale. */
  temperature(): Promise<{ scale: number; temperature: number }>;
  evaluate(): Promise<ClipEvaluation>;
  display(): Promise<ClipDisplay>;
  retrieve(query: string, k: number): Promise<ClipRetrieval>;
  update(params: Partial<ClipParams>): void;
  reset(seed?: number): void;
  dispose(): void;
}

/**
 * Defaults of the live figure, tuned with `npm run train:clip`: 64 pairs a step (at 32, as many
 * pictures seen gave lower zero-shot accuracy; 128 was better per step but twice as slow) and
 * Adam at 0.003 (0.01 was worse), the logit scale learned from 1/0.07.
 */
export const CLIP_DEFAULTS: Readonly<ClipParams> = Object.freeze({
  batchSize: 64,
  lr: 3e-3,
  learnTemperature: true,
});

/** The image encoder's default sizes. */
const CNN_DEFAULTS: Omit<CNNOptions, 'seed' | 'inputSize'> = {
  channels: [16, 32, 32],
  head: [64, 32],
  readout: 'flatten',
};

function checkParams(p: ClipParams): void {
  assertInteger(p.batchSize, 'batchSize', 2);
  assertPositive(p.lr, 'lr');
  if (typeof p.learnTemperature !== 'boolean')
    throw new Error('learnTemperature must be a boolean.');
}

/** One step's input: the pictures pooled to the encoder's side, and their captions' bags. */
interface ClipBatch {
  images: tf.Tensor4D;
  bags: tf.Tensor2D;
}

/** Fraction of rows whose argmax in `scores` (`[rows, cols]`) is the row's label. */
async function argmaxAccuracy(scores: tf.Tensor2D, labels: ArrayLike<number>): Promise<number> {
  const best = tf.argMax(scores, 1);
  try {
    const picks = await best.data();
    let right = 0;
    for (let i = 0; i < picks.length; i++) right += +(picks[i] === labels[i]);
    return right / picks.length;
  } finally {
    best.dispose();
  }
}

/** The held-out indices of the display batch: greedily, pairs none of whose captions fit another. */
function displayBatch(matches: Uint8Array, m: number, count: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < m && chosen.length < count; i++) {
    if (chosen.every((j) => !matches[i * m + j] && !matches[j * m + i])) chosen.push(i);
  }
  return chosen;
}

/**
 * Starts a CLIP session on `options.data`. The held-out pictures, captions and prompts are uploaded
 * once; the log-scale starts at ln(1/0.07).
 */
export function createClipSession(options: ClipOptions): ClipSession {
  const params: ClipParams = { ...CLIP_DEFAULTS };
  for (const key of ['batchSize', 'lr', 'learnTemperature'] as const) {
    if (options[key] !== undefined) Object.assign(params, { [key]: options[key] });
  }
  checkParams(params);
  const { data } = options;
  const resolution = options.resolution ?? 16;
  assertInteger(resolution, 'resolution', 1);
  const side = data.train.size;
  if (side % resolution !== 0 || data.heldOut.size !== side || data.combos.size !== side) {
    throw new Error(`resolution ${resolution} must divide the pictures' common side ${side}.`);
  }
  const m = Math.round(Math.sqrt(data.matches.length));
  if (m * m !== data.matches.length || m < 2 || m > data.heldOut.count) {
    throw new Error('matches must be m × m over the first m ≥ 2 held-out pairs.');
  }
  const vocabulary = createCaptionVocabulary(data.words);
  const vocabularySize = vocabulary.size;
  const bags = (texts: readonly string[]) =>
    tf.tensor2d(
      bagOfWords(
        texts.map((t) => vocabulary.encode(t)),
        vocabularySize,
      ),
      [texts.length, vocabularySize],
    );
  const pool = (set: CaptionedImageSet, count = set.count) =>
    tf.tidy(() =>
      averagePool(
        tf.tensor4d(set.images.subarray(0, count * side * side * 3), [count, side, side, 3]),
        side / resolution,
      ),
    ) as tf.Tensor4D;

  let seed = options.seed ?? 0;
  const imageEncoder = createCNN({ ...CNN_DEFAULTS, ...options.cnn, inputSize: resolution, seed });
  const textEncoder = createTextEncoder({ ...options.text, vocabularySize, seed });
  if (textEncoder.projectionSize !== imageEncoder.projectionSize) {
    throw new Error('The image and text heads must end at the same width.');
  }
  const initialLogScale = Math.log(CLIP_INITIAL_SCALE);
  const logScale = tf.tidy(() => tf.variable(tf.scalar(initialLogScale)));
  const model: TrainableModel = {
    variables: [...imageEncoder.variables, ...textEncoder.variables, logScale],
    reinitialize(s) {
      imageEncoder.reinitialize(s);
      textEncoder.reinitialize(s);
      tf.tidy(() => logScale.assign(tf.scalar(initialLogScale)));
    },
    dispose() {
      imageEncoder.dispose();
      textEncoder.dispose();
      logScale.dispose();
    },
  };

  // Uploaded once: held-out pictures, their captions, the prompts.
  const heldOutImages = pool(data.heldOut);
  const comboImages = pool(data.combos);
  const retrievalCaptions = bags(data.heldOut.captions.slice(0, m));
  const classPrompts = bags(data.classPrompts);
  const comboPrompts = bags(data.comboPrompts);
  const displayIndices = displayBatch(data.matches, m, options.displayCount ?? 12);
  const displayImages = tf.tidy(() => tf.gather(heldOutImages, displayIndices)) as tf.Tensor4D;
  const displayCaptions = bags(displayIndices.map((i) => data.heldOut.captions[i]!));

  const embedImages = (images: tf.Tensor4D) => l2Normalize(imageEncoder.project(images));
  const embedTexts = (b: tf.Tensor2D) => l2Normalize(textEncoder.project(b));
  const scaleFor = (p: ClipParams): tf.Scalar =>
    p.learnTemperature ? logScale : tf.scalar(initialLogScale);

  const pixels = side * side * 3;
  const sampleBatch = (rng: Rng): ClipBatch => {
    const n = Math.min(params.batchSize, data.train.count);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(rng.int(data.train.count));
    const rows = new Float32Array(n * pixels);
    const captions: string[] = [];
    [...chosen].forEach((index, i) => captions.push(data.train.render(index, rows, i * pixels)));
    const images = averagePool(tf.tensor4d(rows, [n, side, side, 3]), side / resolution);
    return { images, bags: bags(captions) };
  };

  const trainer = new Trainer<ClipBatch, ClipParams>({
    model,
    sampleBatch,
    loss: ({ images, bags: b }, p) => clipLoss(embedImages(images), embedTexts(b), scaleFor(p)),
    params,
    seed,
    learningRate: params.lr,
    readEvery: options.readEvery ?? 10,
    // CLIP's clip: the log-scale stays in [0, ln 100] (the forward pass also caps it there).
    afterStep: () => logScale.assign(tf.clipByValue(logScale, 0, CLIP_MAX_LOG_SCALE)),
  });

  const readScalar = async (t: tf.Tensor): Promise<number> => {
    try {
      return (await t.data())[0]!;
    } finally {
      t.dispose();
    }
  };

  const score = async (
    images: tf.Tensor4D,
    prompts: tf.Tensor2D,
    labels: ArrayLike<number>,
  ): Promise<ClipScore> => {
    const sims = tf.tidy(() => matMulTransposed(embedImages(images), embedTexts(prompts)));
    try {
      return { accuracy: await argmaxAccuracy(sims, labels), chance: 1 / prompts.shape[0] };
    } finally {
      sims.dispose();
    }
  };

  /** Recall@1 both ways over the m retrieval pairs, counting a match right. */
  const recall = async (): Promise<[ClipScore, ClipScore]> => {
    const [rowBest, colBest] = tf.tidy(() => {
      const images = tf.slice(heldOutImages, [0, 0, 0, 0], [m, -1, -1, -1]) as tf.Tensor4D;
      const sims = matMulTransposed(embedImages(images), embedTexts(retrievalCaptions));
      return [tf.argMax(sims, 1), tf.argMax(sims, 0)];
    });
    try {
      const [rows, cols] = await Promise.all([rowBest!.data(), colBest!.data()]);
      let i2t = 0;
      let t2i = 0;
      let total = 0;
      for (let i = 0; i < m; i++) {
        i2t += data.matches[i * m + rows[i]!]!;
        t2i += data.matches[cols[i]! * m + i]!;
      }
      for (const x of data.matches) total += x;
      // Guessing finds a true caption (or picture) with probability (right ones)/m, on average
      // total/m² either way.
      const chance = total / (m * m);
      return [
        { accuracy: i2t / m, chance },
        { accuracy: t2i / m, chance },
      ];
    } finally {
      tf.dispose([rowBest!, colBest!]);
    }
  };

  return {
    get params() {
      return { ...params };
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
    data,
    vocabulary,
    imageEncoder,
    displayIndices,
    step: () => trainer.step(),
    run: (steps) => trainer.run(steps),
    async temperature() {
      const scale = await readScalar(tf.tidy(() => logitScale(scaleFor(params))));
      return { scale, temperature: 1 / scale };
    },
    async evaluate() {
      const zeroShot = await score(heldOutImages, classPrompts, data.heldOut.labels);
      const combos = await score(comboImages, comboPrompts, data.combos.labels);
      const [imageToText, textToImage] = await recall();
      return { zeroShot, combos, imageToText, textToImage };
    },
    async display() {
      const n = displayIndices.length;
      const [logits, share] = tf.tidy(() => {
        const l = clipLogits(
          embedImages(displayImages),
          embedTexts(displayCaptions),
          scaleFor(params),
        );
        return [l, diagonalShare(l)];
      });
      const values = (await logits!.data()) as Float32Array;
      logits!.dispose();
      return { n, logits: values, diagonalShare: await readScalar(share!) };
    },
    async retrieve(query, k) {
      assertInteger(k, 'k', 1);
      const encoded = vocabulary.encode(query);
      const base = {
        words: encoded.words,
        known: encoded.ids.length,
        unknown: encoded.unknown,
        truncated: encoded.truncated,
      };
      if (encoded.ids.length === 0) return { ...base, indices: [], scores: [] };
      const top = tf.tidy(() => {
        const q = embedTexts(
          tf.tensor2d(bagOfWords([encoded], vocabularySize), [1, vocabularySize]),
        );
        const sims = tf.reshape(matMulTransposed(q, embedImages(heldOutImages)), [-1]);
        return tf.topk(sims, Math.min(k, data.heldOut.count));
      });
      try {
        const [values, indices] = await Promise.all([top.values.data(), top.indices.data()]);
        return { ...base, indices: Array.from(indices), scores: Array.from(values) };
      } finally {
        tf.dispose([top.values, top.indices]);
      }
    },
    update(changes) {
      const next = { ...params, ...changes };
      checkParams(next);
      Object.assign(params, next);
      if (trainer.learningRate !== params.lr) trainer.learningRate = params.lr;
    },
    reset(newSeed = seed) {
      trainer.reset(newSeed);
      seed = newSeed;
    },
    dispose() {
      trainer.dispose();
      tf.dispose([
        heldOutImages,
        comboImages,
        retrievalCaptions,
        classPrompts,
        comboPrompts,
        displayImages,
        displayCaptions,
      ]);
    },
  };
}
