/**
 * The temperature figure's state and the summaries it prints, free of TensorFlow.js: its URL
 * schema, the entropy of a weight vector, and the numbers both limits of τ are compared with.
 */
import { defineUrlSchema, type UrlValues } from '../settings/schema';

/** Prefix of the figure's URL parameters (`temp.tau`, `temp.s1`, …). */
export const TEMPERATURE_NAMESPACE = 'temp';

/** The most negatives the figure offers. */
export const MAX_NEGATIVES = 8;

const similarity = (value: number) =>
  ({ type: 'number', min: -1, max: 1, default: value }) as const;

/**
 * The shareable state. The defaults are the worked example of the chapter: four negatives at 0.9,
 * 0.5, 0.1 and −0.3, the positive at 0.8, τ = 1. Negatives 5–8 appear when `count` grows.
 */
export const TEMPERATURE_SCHEMA = defineUrlSchema({
  tau: { type: 'number', min: 0.01, max: 10, default: 1, scale: 'log' },
  count: { type: 'int', min: 2, max: MAX_NEGATIVES, default: 4 },
  pos: similarity(0.8),
  s1: similarity(0.9),
  s2: similarity(0.5),
  s3: similarity(0.1),
  s4: similarity(-0.3),
  s5: similarity(0.7),
  s6: similarity(-0.6),
  s7: similarity(0.3),
  s8: similarity(-0.9),
});

/** The figure's validated state. */
export type TemperatureState = UrlValues<typeof TEMPERATURE_SCHEMA>;

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
