// Read-outs of a sentence embedding: STS-style Spearman correlation against graded human scores,
// and anisotropy, the mean cosine of random pairs (Ethayarajh 2019; the "representation
// degeneration" that Gao et al. 2021 show contrastive training reduces).
import { spearman } from '../spearman';
import { l2Normalize } from '../similarity';
import { tf } from '../tf';
import { assertInteger, assertMatrix } from '../validate';
import type { Rng } from '../rng';

/** Maps sentences to one embedding row each (any dimension, the same for all rows). */
export type EncodeFn = (sentences: readonly string[]) => readonly ArrayLike<number>[];

/** A graded sentence pair, as in `stsPairs()` from the sentence data. */
export interface ScoredPair {
  readonly a: string;
  readonly b: string;
  /** Human similarity, higher is more similar. */
  readonly score: number;
}

/** Result of {@link evaluateSts}. */
export interface StsResult {
  /** Spearman's ρ between the cosines and the gold scores. */
  readonly spearman: number;
  /** The model's cosine for each pair, in the order given. */
  readonly cosines: number[];
}

/** Cosine similarity of two plain vectors; 0 when either is the zero vector. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * STS evaluation: encodes both sides of every pair in one call, takes the cosine of each pair and
 * returns Spearman's ρ against the gold scores (the protocol of SentEval / Gao et al. 2021).
 */
export function evaluateSts(encode: EncodeFn, pairs: readonly ScoredPair[]): StsResult {
  const rows = encode([...pairs.map((p) => p.a), ...pairs.map((p) => p.b)]);
  const cosines = pairs.map((_, i) => cosine(rows[i]!, rows[pairs.length + i]!));
  return {
    spearman: spearman(
      cosines,
      pairs.map((p) => p.score),
    ),
    cosines,
  };
}

/**
 * Draws `count` index pairs (i, j) with i ≠ j, uniformly from `n` items.
 * @param n - number of items, ≥ 2.
 */
export function randomDistinctPairs(n: number, count: number, rng: Rng): [Int32Array, Int32Array] {
  assertInteger(n, 'n', 2);
  assertInteger(count, 'count', 1);
  const first = new Int32Array(count);
  const second = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const i = rng.int(n);
    // Uniform over the n − 1 other items.
    const j = (i + 1 + rng.int(n - 1)) % n;
    first[k] = i;
    second[k] = j;
  }
  return [first, second];
}

/**
 * Anisotropy: the mean cosine similarity of `pairs` random distinct pairs of rows. Near 0 for
 * directions spread over the sphere; near 1 when every embedding points into one narrow cone.
 *
 * @param embeddings - `[n, d]`, n ≥ 2.
 * @param rng - seeded random source (reuse one seed to compare models on the same pairs).
 * @param pairs - how many pairs to average (default 1000).
 */
export function anisotropy(embeddings: tf.Tensor2D, rng: Rng, pairs = 1000): tf.Scalar {
  assertMatrix(embeddings, 'embeddings', 2);
  const [first, second] = randomDistinctPairs(embeddings.shape[0], pairs, rng);
  return tf.tidy(() => {
    const unit = l2Normalize(embeddings);
    const a = tf.gather(unit, tf.tensor1d(first, 'int32'));
    const b = tf.gather(unit, tf.tensor1d(second, 'int32'));
    return tf.mean(tf.sum(tf.mul(a, b), 1));
  });
}

/**
 * Topic check of nearest neighbours: for each query, the share of its `k` most similar corpus
 * sentences that carry the query's topic, averaged over the queries.
 *
 * @param cosines - row-major `[queries, corpus]` similarities.
 * @param queryTopics - topic of each query.
 * @param corpusTopics - topic of each corpus sentence.
 */
export function topicAgreement(
  cosines: ArrayLike<number>,
  queryTopics: readonly string[],
  corpusTopics: readonly string[],
  k: number,
): number {
  assertInteger(k, 'k', 1);
  const n = corpusTopics.length;
  if (cosines.length !== queryTopics.length * n) {
    throw new Error(`cosines has ${cosines.length} entries for ${queryTopics.length}×${n}.`);
  }
  if (queryTopics.length === 0) return 0;
  let total = 0;
  const order = Array.from({ length: n }, (_, i) => i);
  queryTopics.forEach((topic, q) => {
    const row = q * n;
    const top = order
      .slice()
      .sort((a, b) => cosines[row + b]! - cosines[row + a]!)
      .slice(0, Math.min(k, n));
    total += top.filter((i) => corpusTopics[i] === topic).length / top.length;
  });
  return total / queryTopics.length;
}
