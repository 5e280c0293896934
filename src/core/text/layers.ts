// Building blocks of the sentence encoder written directly in tfjs ops (the project bundles
// tfjs-core only, without tfjs-layers): seeded initialisers, seeded dropout, layer norm and
// masked multi-head self-attention. Every function here is called inside the caller's tf.tidy.
import type { Rng } from '../rng';
import { tf } from '../tf';

/** Initial values of a variable, drawn from a seeded source. */
export type Initializer = (rng: Rng) => tf.Tensor;

/** `[rows, cols]` values from N(0, std²). */
export function gaussian(rows: number, cols: number, std: number): Initializer {
  return (rng) => {
    const data = new Float32Array(rows * cols);
    for (let i = 0; i < data.length; i++) data[i] = rng.normal(0, std);
    return tf.tensor2d(data, [rows, cols]);
  };
}

/** `[rows, cols]` Glorot-uniform values (for ReLU and linear layers). */
export function glorot(rows: number, cols: number): Initializer {
  const limit = Math.sqrt(6 / (rows + cols));
  return (rng) => {
    const data = new Float32Array(rows * cols);
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform(-limit, limit);
    return tf.tensor2d(data, [rows, cols]);
  };
}

/** A vector filled with `value` (biases with 0, layer-norm gains with 1). */
export function constant(length: number, value: number): Initializer {
  return () => tf.fill([length], value);
}

/**
 * Inverted dropout with a seeded mask: each entry is zeroed with probability `p` and the
 * survivors are scaled by 1/(1 − p), so the expected value is unchanged. The mask is drawn by
 * tfjs's seeded generator, so the same `seed` and shape give the same mask on every run; p = 0
 * returns `x` itself.
 *
 * @param seed - integer seed; callers derive one per dropout site from the pass's seed.
 */
export function seededDropout<T extends tf.Tensor>(x: T, p: number, seed: number): T {
  if (p === 0) return x;
  const keep = tf.cast(
    tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', seed), p),
    'float32',
  );
  return tf.mul(x, tf.mul(keep, 1 / (1 - p))) as T;
}

/**
 * `tf.gather(table, ids)` on rows, with its gradient computed by `tf.scatterND` (which sums
 * duplicate rows) instead of tfjs's default `unsortedSegmentSum`: on the CPU backend that loops
 * over every row of the table, which for a 3,700-word vocabulary made one training step take
 * seconds. The result is the same dense `[rows, d]` gradient.
 *
 * @param table - `[rows, d]` embedding table (usually a variable).
 * @param ids - int32 row indices, any length.
 */
export function gatherRows(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  // `ids` is saved (kept alive) because the caller's tidy disposes it before the backward pass.
  const gather = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [t, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
        tf.scatterND(tf.reshape(saved[0]!, [-1, 1]), dy as tf.Tensor, t.shape),
    };
  });
  return gather(table) as tf.Tensor2D;
}

/** Layer normalisation over the last axis with a learnt gain and bias (ε = 1e-5). */
export function layerNorm(x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalised = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
  return tf.add(tf.mul(normalised, gain), bias) as tf.Tensor2D;
}

/** `x · W + b` on a `[rows, in]` matrix. */
export function dense(x: tf.Tensor2D, weight: tf.Tensor2D, bias: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, weight), bias) as tf.Tensor2D;
}

/** Weights of one multi-head self-attention block. */
export interface AttentionWeights {
  query: tf.Tensor2D;
  key: tf.Tensor2D;
  value: tf.Tensor2D;
  output: tf.Tensor2D;
  outputBias: tf.Tensor;
}

/** Shape of the sequences entering {@link selfAttention}. */
export interface SequenceShape {
  /** Sentences in the batch. */
  rows: number;
  /** Padded sequence length. */
  length: number;
  /** Attention heads (must divide the model width). */
  heads: number;
}

/** `[rows·length, heads·dk]` → `[rows·heads, length, dk]`. */
function splitHeads(x: tf.Tensor2D, { rows, length, heads }: SequenceShape): tf.Tensor3D {
  const dk = x.shape[1] / heads;
  return tf.reshape(tf.transpose(tf.reshape(x, [rows, length, heads, dk]), [0, 2, 1, 3]), [
    rows * heads,
    length,
    dk,
  ]);
}

/**
 * Scaled dot-product multi-head self-attention with a padding mask: padded keys get −1e9 added
 * to their scores, so no real token attends to padding. A row with no real tokens (empty input)
 * attends uniformly instead of dividing 0 by 0, so its output stays finite.
 *
 * @param x - `[rows·length, d]` token vectors.
 * @param keyBias - `[rows, 1, 1, length]`: 0 for real tokens, −1e9 for padding.
 * @param dropout - dropout on the attention probabilities (seeded by `seed`).
 */
export function selfAttention(
  x: tf.Tensor2D,
  weights: AttentionWeights,
  keyBias: tf.Tensor4D,
  shape: SequenceShape,
  dropout: number,
  seed: number,
): tf.Tensor2D {
  const { rows, length, heads } = shape;
  const width = x.shape[1];
  const dk = width / heads;
  const q = splitHeads(tf.matMul(x, weights.query), shape);
  const k = splitHeads(tf.matMul(x, weights.key), shape);
  const v = splitHeads(tf.matMul(x, weights.value), shape);
  // An explicit transpose: WASM runs transposed matMuls on a slow scalar path (see similarity.ts).
  const scores = tf.div(tf.matMul(q, tf.transpose(k, [0, 2, 1])), Math.sqrt(dk));
  const masked = tf.add(tf.reshape(scores, [rows, heads, length, length]), keyBias);
  const probabilities = seededDropout(tf.softmax(masked), dropout, seed);
  const context = tf.matMul(tf.reshape(probabilities, [rows * heads, length, length]), v);
  const merged: tf.Tensor2D = tf.reshape(
    tf.transpose(tf.reshape(context, [rows, heads, length, dk]), [0, 2, 1, 3]),
    [rows * length, width],
  );
  return dense(merged, weights.output, weights.outputBias);
}
