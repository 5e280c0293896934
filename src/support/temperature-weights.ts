/**
 * The summaries the temperature figure prints, free of TensorFlow.js: the negatives in use, the
 * entropy of a weight vector, and the numbers both limits of τ are compared with. Its settings
 * are in src/settings/temperature-weights.ts.
 */
import type { TemperatureState } from '../settings/temperature-weights';

/** Key of negative `i` (1-based) in the state. */
export type NegativeKey = `s${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

/** Keys of the negatives in use, in order. */
export function negativeKeys(state: TemperatureState): NegativeKey[] {
  return Array.from({ length: state.count }, (_, i) => `s${i + 1}` as NegativeKey);
}

/** Similarities of the negatives in use. */
export function negativeSimilarities(state: TemperatureState): number[] {
  return negativeKeys(state).map((key) => state[key]);
}

/** Shannon entropy −Σ w log w in nats (0·log 0 = 0). */
export function entropy(weights: readonly number[]): number {
  return weights.reduce((h, w) => (w > 0 ? h - w * Math.log(w) : h), 0);
}

/** Index of the largest value (the first one on ties). */
export function argMax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
}

/** How far the weights are from uniform: max_k |w_k − 1/K|. */
export function distanceFromUniform(weights: readonly number[]): number {
  const uniform = 1 / weights.length;
  return weights.reduce((d, w) => Math.max(d, Math.abs(w - uniform)), 0);
}

/**
 * The cold limit's value: the margin-0 triplet loss on the hardest negative,
 * max(0, max_k s_k − s_pos). As τ → 0, τ·L tends to it.
 */
export function hardestTriplet(sPos: number, sNeg: readonly number[]): number {
  return Math.max(0, Math.max(...sNeg) - sPos);
}

/**
 * The hot limit's first-order value of InfoNCE, log(K + 1) + K/((K + 1)τ) · L_simple with
 * λ = 1/K, given the simple loss at that λ. As τ → ∞, L minus this vanishes faster than 1/τ.
 */
export function hotApproximation(simpleLossValue: number, k: number, tau: number): number {
  return Math.log(k + 1) + (k / ((k + 1) * tau)) * simpleLossValue;
}
