// A small Transformer sentence encoder, sized to train in a browser in minutes: token and position
// embeddings, one post-norm Transformer encoder layer (multi-head self-attention and a ReLU
// feed-forward block, as in BERT) with dropout in the same three places as BERT, and mean pooling
// over the real (non-pad) tokens. Dropout is the augmentation of unsupervised SimCSE, so its masks
// are seeded per pass: same seed, same mask. Weights can start from a pretrained checkpoint.
import type { TrainableModel } from '../mlp';
import { createRng, type Rng } from '../rng';
import { tf } from '../tf';
import {
  type AttentionWeights,
  type Initializer,
  constant,
  dense,
  gatherRows,
  gaussian,
  glorot,
  layerNorm,
  seededDropout,
  selfAttention,
} from './layers';
import type { NamedTensor } from './checkpoint';
import type { EncodedBatch } from './vocabulary';

/** Size of a {@link SentenceEncoder}. */
export interface EncoderOptions {
  /** Rows of the token embedding table (the vocabulary's `size`). */
  vocabularySize: number;
  /** Longest sequence; one learnt position embedding per position. */
  maxLength: number;
  /** Model width d, also the sentence-embedding size (default 64). */
  width?: number;
  /** Attention heads; must divide `width` (default 2). */
  heads?: number;
  /** Hidden width of the feed-forward block (default 2·width). */
  hidden?: number;
}

/** Settings for one forward pass. */
export interface PassOptions {
  /**
   * Dropout probability p in [0, 1), applied to the embeddings, the attention probabilities and
   * both residual branches (default 0: the deterministic "evaluation mode" encoder).
   */
  dropout?: number;
  /** Integer seed of this pass's dropout masks; the same seed and batch drop the same units. */
  seed?: number;
}

/** A sentence encoder whose weights are tfjs variables (a core `TrainableModel`). */
export interface SentenceEncoder extends TrainableModel {
  /** The sizes it was built with, defaults filled in. */
  readonly options: Readonly<Required<EncoderOptions>>;
  /** The name of each of `variables`, in the same order (`tokens` first), as a checkpoint keys them. */
  readonly names: readonly string[];
  /**
   * Embeds a batch: `[rows, width]` mean-pooled sentence vectors (not normalised). A sentence
   * with no tokens gets the zero vector. Call inside `tf.tidy` or dispose the result.
   */
  encode(batch: EncodedBatch, pass?: PassOptions): tf.Tensor2D;
  /**
   * The Transformer's output for every position before pooling, `[rows·length, width]` (padding
   * rows included; the batch's mask says which are real). For token-level objectives such as
   * masked-word prediction. Call inside `tf.tidy` or dispose the result.
   */
  encodeTokens(batch: EncodedBatch, pass?: PassOptions): tf.Tensor2D;
}

/** Standard deviation of the initial token embeddings (layer norm follows, so only ratios matter). */
const EMBEDDING_STD = 0.5;
/** Position embeddings start smaller, so a random encoder's sentence vector is led by its words. */
const POSITION_STD = 0.1;

function checkDropout(p: number): void {
  if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
    throw new Error(`dropout must be a number in [0, 1) (got ${String(p)}).`);
  }
}

function checkSize(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be an integer ≥ 1 (got ${String(value)}).`);
  }
}

/**
 * Creates an encoder. Variables named in `pretrained` (`tokens`, `positions`, `query`, …, as in
 * a checkpoint) start from those values; the rest are drawn from `createRng(seed)`, so the same
 * seed gives the same weights. `reinitialize(seed)` restores the pretrained values and redraws
 * the rest in place.
 */
export function createSentenceEncoder(
  options: EncoderOptions,
  seed = 0,
  pretrained: Readonly<Record<string, NamedTensor>> = {},
): SentenceEncoder {
  const width = options.width ?? 64;
  const full: Required<EncoderOptions> = {
    vocabularySize: options.vocabularySize,
    maxLength: options.maxLength,
    width,
    heads: options.heads ?? 2,
    hidden: options.hidden ?? 2 * width,
  };
  for (const key of Object.keys(full) as (keyof EncoderOptions)[]) checkSize(full[key], key);
  if (width % full.heads !== 0) {
    throw new Error(`heads (${full.heads}) must divide width (${width}).`);
  }
  // Every variable with its initialiser, in a fixed order so a seed always gives the same weights.
  const initializers: [string, Initializer][] = [
    ['tokens', gaussian(full.vocabularySize, width, EMBEDDING_STD)],
    ['positions', gaussian(full.maxLength, width, POSITION_STD)],
    ['query', glorot(width, width)],
    ['key', glorot(width, width)],
    ['value', glorot(width, width)],
    ['output', glorot(width, width)],
    ['outputBias', constant(width, 0)],
    ['ffIn', glorot(width, full.hidden)],
    ['ffInBias', constant(full.hidden, 0)],
    ['ffOut', glorot(full.hidden, width)],
    ['ffOutBias', constant(width, 0)],
    ...[0, 1, 2].flatMap((i): [string, Initializer][] => [
      [`norm${i}Gain`, constant(width, 1)],
      [`norm${i}Bias`, constant(width, 0)],
    ]),
  ];
  const names = new Set(initializers.map(([name]) => name));
  for (const name of Object.keys(pretrained)) {
    if (!names.has(name)) throw new Error(`the encoder has no weight named "${name}".`);
  }
  // A pretrained value replaces its initialiser; the random draw still happens, so a seed gives
  // the other variables the same values whichever ones are pretrained.
  const initial = ([name, init]: [string, Initializer], rng: Rng): tf.Tensor => {
    const drawn = init(rng);
    const given = pretrained[name];
    if (!given) return drawn;
    if (given.shape.join() !== drawn.shape.join()) {
      throw new Error(
        `pretrained "${name}" is [${given.shape.join(', ')}], the encoder needs [${drawn.shape.join(', ')}].`,
      );
    }
    return tf.tensor(given.values, drawn.shape);
  };
  const rng = createRng(seed);
  // tidy frees each initial tensor; the variable keeps its own reference to the data.
  // Unnamed: tfjs variable names are global, and several encoders may exist at once.
  const variables = initializers.map((entry) =>
    tf.tidy(() => tf.variable(initial(entry, rng), true)),
  );
  const byName = new Map(variables.map((v, i) => [initializers[i]![0], v as tf.Tensor2D]));
  const w = (name: string) => byName.get(name)!;
  const attention: AttentionWeights = {
    query: w('query'),
    key: w('key'),
    value: w('value'),
    output: w('output'),
    outputBias: w('outputBias'),
  };
  const norm = (x: tf.Tensor2D, i: number) => layerNorm(x, w(`norm${i}Gain`), w(`norm${i}Bias`));

  function encodeTokens(batch: EncodedBatch, pass: PassOptions = {}): tf.Tensor2D {
    const p = pass.dropout ?? 0;
    checkDropout(p);
    const seed = pass.seed ?? 0;
    if (!Number.isInteger(seed)) throw new Error(`seed must be an integer (got ${String(seed)}).`);
    const { rows, length } = batch;
    if (length > full.maxLength) {
      throw new Error(`batch length ${length} exceeds the encoder's maxLength ${full.maxLength}.`);
    }
    return tf.tidy(() => {
      const ids = tf.tensor1d(batch.ids, 'int32');
      const mask = tf.tensor2d(batch.mask, [rows * length, 1]);
      const positionIds = tf.tensor1d(
        Int32Array.from({ length: rows * length }, (_, i) => i % length),
        'int32',
      );
      const embedded = tf.add(
        gatherRows(w('tokens'), ids),
        gatherRows(w('positions'), positionIds),
      ) as tf.Tensor2D;
      const x0 = seededDropout(norm(embedded, 0), p, seed);
      const keyBias = tf.reshape(tf.mul(tf.sub(1, mask), -1e9), [
        rows,
        1,
        1,
        length,
      ]) as tf.Tensor4D;
      const shape = { rows, length, heads: full.heads };
      // Each dropout site gets its own seed (seed, seed + 1, …) so the masks are independent.
      const attended = selfAttention(x0, attention, keyBias, shape, p, seed + 1);
      const x1 = norm(tf.add(x0, seededDropout(attended, p, seed + 2)), 1);
      const fed = dense(tf.relu(dense(x1, w('ffIn'), w('ffInBias'))), w('ffOut'), w('ffOutBias'));
      return norm(tf.add(x1, seededDropout(fed, p, seed + 3)), 2);
    });
  }

  function encode(batch: EncodedBatch, pass: PassOptions = {}): tf.Tensor2D {
    const { rows, length } = batch;
    return tf.tidy(() => {
      const states = encodeTokens(batch, pass);
      const mask = tf.tensor2d(batch.mask, [rows * length, 1]);
      // Mean over real tokens; max(count, 1) keeps an empty sentence at the zero vector.
      const summed = tf.sum(tf.reshape(tf.mul(states, mask), [rows, length, width]), 1);
      const counts = tf.maximum(tf.sum(tf.reshape(mask, [rows, length]), 1, true), 1);
      return tf.div(summed, counts) as tf.Tensor2D;
    });
  }

  return {
    options: full,
    names: initializers.map(([name]) => name),
    variables,
    encode,
    encodeTokens,
    reinitialize(newSeed: number) {
      const fresh = createRng(newSeed);
      tf.tidy(() =>
        initializers.forEach((entry, i) => variables[i]!.assign(initial(entry, fresh))),
      );
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
