// Skip-gram with negative sampling (Mikolov et al., 2013): the word-embedding objective this
// project pretrains its sentence encoder's vocabulary with. It is itself a contrastive loss: a
// word's vector is pulled towards the words seen around it and pushed from k words drawn at
// random (the "noise" distribution, unigram^0.75), one binary logistic term each — the
// negative-sampling cousin of InfoNCE. The token ids are handed in; this module reads no data.
import type { Rng } from '../rng';
import { createRng } from '../rng';
import { tf } from '../tf';
import { assertInteger, assertPositive } from '../validate';
import { gatherRows, gaussian } from './layers';

/** Settings of {@link createSkipgram}. */
export interface SkipgramOptions {
  /** Rows of both embedding tables. */
  vocabularySize: number;
  /** Vector width d. */
  width: number;
  /** Count of each id in the training text (sets the noise distribution and subsampling). */
  counts: ArrayLike<number>;
  /** Negatives per (word, context) pair (default 5). */
  negatives?: number;
  /** Largest window radius; each centre draws its radius uniformly from 1..window (default 5). */
  window?: number;
  /** Frequent-word subsampling threshold t (default 1e-4): a word of frequency f is kept with probability min(1, √(t/f) + t/f). */
  subsample?: number;
  /** Adagrad learning rate on the summed loss (default 0.1). */
  lr?: number;
  /** Seeds the initial vectors, the subsampling, the windows and the negatives. */
  seed?: number;
}

/** A skip-gram model being trained. */
export interface Skipgram {
  /** One Adam step on `pairs` (word, context) pairs taken from `sequences`, from `cursor` on; returns the next cursor. */
  step(sequences: readonly Int32Array[], cursor: Cursor, pairs: number): tf.Scalar;
  /** `[vocabularySize, width]` input ("word") vectors, the ones kept; caller disposes. */
  vectors(): tf.Tensor2D;
  dispose(): void;
}

/** Where the next batch starts: sequence index, and passes made over the text so far. */
export interface Cursor {
  sequence: number;
  epoch: number;
}

/** A table of ids to draw negatives from in proportion to count^0.75 (word2vec's noise distribution). */
function noiseTable(counts: ArrayLike<number>, size: number): Int32Array {
  const weights = Array.from(counts, (c) => Math.pow(c, 0.75));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Int32Array(size);
  let id = 0;
  let cumulative = weights[0]! / total;
  for (let i = 0; i < size; i++) {
    while ((i + 0.5) / size > cumulative && id < weights.length - 1) {
      id += 1;
      cumulative += weights[id]! / total;
    }
    table[i] = id;
  }
  return table;
}

/** Creates a skip-gram model with seeded initial vectors (input small random, output zero, as word2vec). */
export function createSkipgram(options: SkipgramOptions): Skipgram {
  const { vocabularySize, width, counts } = options;
  const negatives = options.negatives ?? 5;
  const window = options.window ?? 5;
  const t = options.subsample ?? 1e-4;
  assertInteger(vocabularySize, 'vocabularySize', 1);
  assertInteger(width, 'width', 1);
  assertInteger(negatives, 'negatives', 1);
  assertInteger(window, 'window', 1);
  assertPositive(t, 'subsample');
  if (counts.length !== vocabularySize) {
    throw new Error(`counts has ${counts.length} entries for ${vocabularySize} ids.`);
  }
  const rng: Rng = createRng(options.seed ?? 0);
  const total = Array.from(counts).reduce((a, b) => a + b, 0);
  const keep = Float32Array.from(counts, (c) => {
    const f = c / Math.max(total, 1);
    return f === 0 ? 1 : Math.min(1, Math.sqrt(t / f) + t / f);
  });
  const noise = noiseTable(counts, 1 << 22);
  // Created inside tidy so the initial tensors are freed once the variables hold their data.
  const input = tf.tidy(() =>
    tf.variable(tf.mul(gaussian(vocabularySize, width, 1)(rng), 0.5 / width), true),
  ) as tf.Variable<tf.Rank.R2>;
  const output = tf.tidy(() =>
    tf.variable(tf.zeros([vocabularySize, width]), true),
  ) as tf.Variable<tf.Rank.R2>;
  // Adagrad, as GloVe: no momentum, so a row moves only in a step that touches it. With Adam the
  // momentum kept moving every row in a shared direction and the vectors collapsed onto one (mean
  // cosine of random words 0.98); batched SGD overshoots on frequent words (0.80).
  const optimizer = tf.train.adagrad(options.lr ?? 0.1);

  /** Fills `pairs` (word, context) pairs with subsampling and random window radii. */
  function batch(sequences: readonly Int32Array[], cursor: Cursor, pairs: number) {
    const words = new Int32Array(pairs);
    const contexts = new Int32Array(pairs);
    let n = 0;
    while (n < pairs) {
      const raw = sequences[cursor.sequence]!;
      cursor.sequence += 1;
      if (cursor.sequence >= sequences.length) {
        cursor.sequence = 0;
        cursor.epoch += 1;
      }
      const kept = Array.from(raw).filter((id) => rng.uniform() < keep[id]!);
      for (let i = 0; i < kept.length && n < pairs; i++) {
        const radius = 1 + rng.int(window);
        for (let j = Math.max(0, i - radius); j <= Math.min(kept.length - 1, i + radius); j++) {
          if (j === i || n >= pairs) continue;
          words[n] = kept[i]!;
          contexts[n] = kept[j]!;
          n += 1;
        }
      }
    }
    const noiseIds = Int32Array.from(
      { length: pairs * negatives },
      () => noise[rng.int(noise.length)]!,
    );
    return { words, contexts, noiseIds };
  }

  return {
    step(sequences, cursor, pairs) {
      const { words, contexts, noiseIds } = batch(sequences, cursor, pairs);
      return tf.tidy(() => {
        const w = tf.tensor1d(words, 'int32');
        const c = tf.tensor1d(contexts, 'int32');
        const k = tf.tensor1d(noiseIds, 'int32');
        const cost = optimizer.minimize(
          () => {
            const centre = gatherRows(input, w);
            const positive = tf.sum(tf.mul(centre, gatherRows(output, c)), 1);
            const noisy = tf.reshape(gatherRows(output, k), [pairs, negatives, width]);
            const negative = tf.squeeze(
              tf.matMul(noisy, tf.reshape(centre, [pairs, width, 1])),
              [2],
            );
            // −log σ(u·v) − Σ log σ(−u·n): log σ(x) = −softplus(−x).
            const perPair = tf.add(tf.softplus(tf.neg(positive)), tf.sum(tf.softplus(negative), 1));
            return tf.sum(perPair) as tf.Scalar;
          },
          true,
          [input, output],
        );
        return tf.div(cost!, pairs) as tf.Scalar;
      });
    },
    vectors: () => input.clone(),
    dispose() {
      input.dispose();
      output.dispose();
      optimizer.dispose();
    },
  };
}
