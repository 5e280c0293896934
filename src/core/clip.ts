// CLIP (Radford et al., 2021): the symmetric contrastive loss over a batch of N image–text pairs,
// its learned temperature, and the small text side of the CLIP chapter — a vocabulary of the
// caption generator's words, a tokenizer that reports what it does not know, and a bag-of-words
// text encoder (word embeddings, mean pooling, an MLP projection) to set beside the CNN image
// encoder of cnn.ts. No data set is imported: the caller hands in the words and the captions.
import { cachedConstant } from './constants';
import { createMLP, type MLP, type TrainableModel } from './mlp';
import { createRng, deriveSeed } from './rng';
import { matMulTransposed } from './similarity';
import { tokenize } from './text/tokenizer';
import { tf } from './tf';
import { assertInteger, assertMatrix, assertSameShape } from './validate';

/** CLIP's initial logit scale, 1/0.07 (a temperature of 0.07). */
export const CLIP_INITIAL_SCALE = 1 / 0.07;

/** The largest logit scale: CLIP clips its log at ln 100, so logits are scaled by at most 100. */
export const CLIP_MAX_SCALE = 100;

/** ln {@link CLIP_MAX_SCALE}: where the learned log-scale is clipped. */
export const CLIP_MAX_LOG_SCALE = Math.log(CLIP_MAX_SCALE);

/**
 * The logit scale exp(min(s, ln 100)) of a log-scale `s`, clipped as CLIP clips it: above ln 100
 * the scale stays at 100 and no gradient reaches `s`.
 *
 * @param logScale - scalar tensor s (the learned parameter).
 */
export function logitScale(logScale: tf.Scalar): tf.Scalar {
  return tf.tidy(() => tf.exp(tf.minimum(logScale, CLIP_MAX_LOG_SCALE)));
}

/**
 * The N × N logits of CLIP: `exp(min(s, ln 100)) · I Tᵀ`, row i the image i against every text.
 *
 * @param images - `[n, d]` unit-length image embeddings.
 * @param texts - `[n, d]` unit-length text embeddings, text i the caption of image i.
 * @param logScale - scalar log-scale s.
 */
export function clipLogits(
  images: tf.Tensor2D,
  texts: tf.Tensor2D,
  logScale: tf.Scalar,
): tf.Tensor2D {
  assertMatrix(images, 'images', 2);
  assertSameShape(images, 'images', texts, 'texts');
  return tf.tidy(() => tf.mul(matMulTransposed(images, texts), logitScale(logScale)));
}

/** The n × n identity, cached per n. */
function identity(n: number): tf.Tensor2D {
  return cachedConstant(`clip-eye:${n}`, () => tf.eye(n) as tf.Tensor2D);
}

/** Mean cross-entropy of each row of `logits` against the diagonal as its label. */
function diagonalCrossEntropy(logits: tf.Tensor2D): tf.Scalar {
  const n = logits.shape[0];
  return tf.neg(tf.div(tf.sum(tf.mul(tf.logSoftmax(logits, 1), identity(n))), n));
}

/**
 * CLIP's symmetric loss over N pairs: the logits L = exp(min(s, ln 100)) · I Tᵀ, then the mean of
 * the image→text cross-entropy (each row of L, the diagonal the label) and the text→image one (each
 * column):
 *
 *   loss = ½ [ −(1/N) Σ_i log softmax(L_i·)_i − (1/N) Σ_j log softmax(L_·j)_j ].
 *
 * Differentiable in both embeddings and in s (no gradient to s while s > ln 100).
 *
 * @param images - `[n, d]` unit-length image embeddings, n ≥ 2.
 * @param texts - `[n, d]` unit-length text embeddings, text i the caption of image i.
 * @param logScale - scalar log-scale s.
 */
export function clipLoss(images: tf.Tensor2D, texts: tf.Tensor2D, logScale: tf.Scalar): tf.Scalar {
  return tf.tidy(() => {
    const logits = clipLogits(images, texts, logScale);
    const imageToText = diagonalCrossEntropy(logits);
    const textToImage = diagonalCrossEntropy(tf.transpose(logits) as tf.Tensor2D);
    return tf.mul(tf.add(imageToText, textToImage), 0.5) as tf.Scalar;
  });
}

/**
 * The share of softmax mass on the diagonal: the mean over rows of softmax(L_i·)_i, 1/N for an
 * untrained model, 1 when every image picks its own caption with certainty.
 *
 * @param logits - `[n, n]` logits of {@link clipLogits}.
 */
export function diagonalShare(logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const n = logits.shape[0];
    return tf.div(tf.sum(tf.mul(tf.softmax(logits, 1), identity(n))), n) as tf.Scalar;
  });
}

/** A caption tokenised against a fixed vocabulary. */
export interface EncodedText {
  /** Vocabulary index of each known word, in order. */
  ids: number[];
  /** The words the vocabulary does not know, each once, in order of appearance. */
  unknown: string[];
  /** All words of the text (after {@link tokenize}), known or not, up to the cap. */
  words: number;
  /** Whether the text had more words than the cap and the rest was not read. */
  truncated: boolean;
}

/** A fixed word list: the caption generator's words, each with its index. */
export interface CaptionVocabulary {
  /** The words, by index. */
  readonly words: readonly string[];
  readonly size: number;
  /** Splits `text` into words (see {@link tokenize}), known ones to indices, the rest reported. */
  encode(text: string): EncodedText;
}

/** Words read of one text: a longer one is cut here (10,000 characters make about 2,000). */
export const MAX_CAPTION_WORDS = 256;

/**
 * A vocabulary of `words` (lower-case, as {@link tokenize} makes them; duplicates are ignored).
 * Its `encode` never throws: an empty text, HTML, emoji or 10,000 characters come out as a list of
 * known indices — maybe empty — and the unknown words, at most {@link MAX_CAPTION_WORDS} read.
 */
export function createCaptionVocabulary(words: readonly string[]): CaptionVocabulary {
  const list = [...new Set(words)];
  if (list.length === 0) throw new Error('A vocabulary needs at least one word.');
  const index = new Map(list.map((w, i) => [w, i]));
  return {
    words: list,
    size: list.length,
    encode(text) {
      const tokens = tokenize(text, MAX_CAPTION_WORDS + 1);
      const truncated = tokens.length > MAX_CAPTION_WORDS;
      const read = tokens.slice(0, MAX_CAPTION_WORDS);
      const ids: number[] = [];
      const unknown = new Set<string>();
      for (const word of read) {
        const id = index.get(word);
        if (id === undefined) unknown.add(word);
        else ids.push(id);
      }
      return { ids, unknown: [...unknown], words: read.length, truncated };
    },
  };
}

/**
 * Bag-of-words rows: row i holds 1/len at each known word of text i (a word twice counts twice), so
 * a product with a word-embedding table is the mean of the text's word embeddings. A text with no
 * known word is a zero row.
 *
 * @returns `[texts.length · vocabularySize]`, row-major.
 */
export function bagOfWords(texts: readonly EncodedText[], vocabularySize: number): Float32Array {
  const rows = new Float32Array(texts.length * vocabularySize);
  texts.forEach(({ ids }, i) => {
    for (const id of ids) rows[i * vocabularySize + id]! += 1 / ids.length;
  });
  return rows;
}

/** Options of {@link createTextEncoder}. */
export interface ClipTextEncoderOptions {
  /** Words in the vocabulary. */
  vocabularySize: number;
  /** Width of the word embeddings (default 32). */
  width?: number;
  /** Hidden and output widths of the projection head (default `[64, 32]`). */
  head?: readonly number[];
  /** Seed of the initial weights (default 0). */
  seed?: number;
}

/** A text encoder: word embeddings, mean pooling, and a projection head. */
export interface ClipTextEncoder extends TrainableModel {
  readonly vocabularySize: number;
  /** Width of the projection. */
  readonly projectionSize: number;
  /**
   * The projection of each text: `bag` is `[n, vocabularySize]` rows of {@link bagOfWords}; the
   * mean word embedding `bag · E` goes through the head.
   */
  project(bag: tf.Tensor2D): tf.Tensor2D;
}

/** Word embeddings drawn N(0, 1/width) from `seed`. */
function embeddingValues(rows: number, width: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const values = new Float32Array(rows * width);
  const std = 1 / Math.sqrt(width);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal(0, std);
  return values;
}

/**
 * CLIP's text side in miniature: an embedding per word, the mean over the caption's words (as a
 * product of the bag-of-words rows with the table, which every backend differentiates fast), then a
 * ReLU MLP projection head. Word order is lost — the captions' attributes are single words, so
 * nothing the data set says depends on it.
 */
export function createTextEncoder(options: ClipTextEncoderOptions): ClipTextEncoder {
  const { vocabularySize, width = 32, head: headSizes = [64, 32], seed = 0 } = options;
  assertInteger(vocabularySize, 'vocabularySize', 1);
  assertInteger(width, 'width', 1);
  const table = tf.tidy(() =>
    tf.variable(
      tf.tensor2d(embeddingValues(vocabularySize, width, deriveSeed(seed, 3)), [
        vocabularySize,
        width,
      ]),
    ),
  );
  const head: MLP = createMLP([width, ...headSizes], {
    seed: deriveSeed(seed, 4),
    activation: 'relu',
    fused: true,
  });
  return {
    vocabularySize,
    projectionSize: headSizes[headSizes.length - 1] as number,
    variables: [table, ...head.variables],
    project(bag) {
      if (bag.rank !== 2 || bag.shape[1] !== vocabularySize) {
        throw new Error(`bag must be [n, ${vocabularySize}] (got [${bag.shape.join(', ')}]).`);
      }
      return tf.tidy(() => head.apply(tf.matMul(bag, table)));
    },
    reinitialize(newSeed) {
      tf.tidy(() =>
        table.assign(
          tf.tensor2d(embeddingValues(vocabularySize, width, deriveSeed(newSeed, 3)), [
            vocabularySize,
            width,
          ]),
        ),
      );
      head.reinitialize(deriveSeed(newSeed, 4));
    },
    dispose() {
      table.dispose();
      head.dispose();
    },
  };
}
