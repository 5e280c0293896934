// The vocabulary maps tokens to embedding rows and turns batches of sentences into padded id
// matrices. Rare and unseen words share a few hashed "unknown" rows instead of one, so two
// different unseen words usually still look different to the encoder.
import { hashToken, tokenize } from './tokenizer';

/** Id of the padding token; padded positions are masked out of attention and pooling. */
export const PAD_ID = 0;
/** Id of `[UNK]`, the first unknown-word bucket (the only one when `unknownBuckets` is 1). */
export const UNK_ID = 1;

/** How to build a {@link Vocabulary}. */
export interface VocabularyOptions {
  /** Words seen fewer times than this go to the unknown buckets (default 1: keep every word). */
  minCount?: number;
  /** Keep at most this many words, the most frequent first (default: no limit). */
  maxWords?: number;
  /**
   * Number of unknown-word buckets ≥ 1 (default 8). Unknown words are hashed (FNV-1a) into one of
   * them: `[UNK]`, `[UNK1]`, … With 1 every unknown word is the same `[UNK]`.
   */
  unknownBuckets?: number;
  /** Longest token sequence the encoder sees; longer sentences are truncated (default 32). */
  maxLength?: number;
}

/** A batch of sentences as padded id rows of equal length. */
export interface EncodedBatch {
  /** Row-major `[rows, length]` token ids, {@link PAD_ID} after each sentence's end. */
  readonly ids: Int32Array;
  /** Row-major `[rows, length]`: 1 for a real token, 0 for padding. */
  readonly mask: Float32Array;
  /** Number of sentences. */
  readonly rows: number;
  /** Common row length: the longest sentence in the batch, at least 1 so empty input stays valid. */
  readonly length: number;
}

/** A fixed token ↔ id mapping with an out-of-vocabulary path. */
export interface Vocabulary {
  /** Total number of ids (pad + unknown buckets + words): the embedding table's row count. */
  readonly size: number;
  /** Longest token sequence kept per sentence. */
  readonly maxLength: number;
  /** The token of every id, `tokens[id]` (special tokens in brackets). */
  readonly tokens: readonly string[];
  /** The id of one token; unknown tokens get their hashed bucket. */
  idOf(token: string): number;
  /** Whether the token has its own row (is not sent to an unknown bucket). */
  has(token: string): boolean;
  /** Tokenises a sentence (truncated to `maxLength`) and maps it to ids; `[]` for empty text. */
  encode(text: string): number[];
  /** Encodes several sentences into one padded batch. */
  encodeBatch(texts: readonly string[]): EncodedBatch;
}

/**
 * Pads id lists into one batch. Exported for augmentations that edit ids before padding.
 * @param sequences - token ids per sentence (each at most the vocabulary's `maxLength`).
 */
export function padBatch(sequences: readonly (readonly number[])[]): EncodedBatch {
  const rows = sequences.length;
  const length = Math.max(1, ...sequences.map((s) => s.length));
  const ids = new Int32Array(rows * length).fill(PAD_ID);
  const mask = new Float32Array(rows * length);
  sequences.forEach((sequence, row) => {
    ids.set(sequence, row * length);
    mask.fill(1, row * length, row * length + sequence.length);
  });
  return { ids, mask, rows, length };
}

/** Counts every token of `texts`. */
export function countTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * Builds a vocabulary from training text: words sorted by frequency (ties alphabetically), after
 * `[PAD]` and the unknown buckets.
 *
 * @param texts - the sentences whose words get their own ids.
 */
export function buildVocabulary(
  texts: Iterable<string>,
  options: VocabularyOptions = {},
): Vocabulary {
  const { minCount = 1, maxWords = Number.POSITIVE_INFINITY } = options;
  const words = [...countTokens(texts)]
    .filter(([, count]) => count >= minCount)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxWords)
    .map(([word]) => word);
  return vocabularyOfWords(words, options);
}

/**
 * A vocabulary with exactly these words, in this order, after `[PAD]` and the unknown buckets
 * (how a saved checkpoint's vocabulary is rebuilt). `minCount` and `maxWords` are ignored.
 */
export function vocabularyOfWords(
  words: readonly string[],
  options: VocabularyOptions = {},
): Vocabulary {
  const { unknownBuckets = 8 } = options;
  const maxLength = options.maxLength ?? 32;
  if (!Number.isInteger(unknownBuckets) || unknownBuckets < 1) {
    throw new Error(`unknownBuckets must be an integer ≥ 1 (got ${String(unknownBuckets)}).`);
  }
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`maxLength must be an integer ≥ 1 (got ${String(maxLength)}).`);
  }
  const special = [
    '[PAD]',
    ...Array.from({ length: unknownBuckets }, (_, k) => (k === 0 ? '[UNK]' : `[UNK${k}]`)),
  ];
  const tokens = [...special, ...words];
  const index = new Map(words.map((word, i) => [word, special.length + i]));
  if (index.size !== words.length) throw new Error('a vocabulary cannot list a word twice.');

  const idOf = (token: string): number =>
    index.get(token) ?? UNK_ID + (unknownBuckets === 1 ? 0 : hashToken(token) % unknownBuckets);
  const encode = (text: string): number[] => tokenize(text, maxLength).map(idOf);
  return {
    size: tokens.length,
    maxLength,
    tokens,
    idOf,
    has: (token) => index.has(token),
    encode,
    encodeBatch: (batch) => padBatch(batch.map(encode)),
  };
}
