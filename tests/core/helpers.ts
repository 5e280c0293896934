// Shared test helpers for the compute core: backend setup, fixtures, tolerant comparisons and a
// tensor-leak probe.
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { tf } from '../../src/core/tf';

/** Selects the CPU backend (call from beforeAll). */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** One case of the reference fixture written by scripts/reference/losses.py. */
export interface ReferenceCase {
  name: string;
  params: Record<string, number | number[]>;
  inputs: Record<string, number[][]>;
  value: number;
  grads: Record<string, number[][]>;
}

/** A few MoCo steps with linear encoders (scripts/reference/losses.py moco_steps). */
export interface MocoReferenceCase {
  params: { tau: number; m: number; lr: number };
  inputs: { wQ: number[][]; xQ: number[][][]; xK: number[][][]; queue: number[][] };
  losses: number[];
  wQ: number[][];
  wK: number[][];
  queue: number[][];
}

/** CLIP's symmetric loss on raw embeddings (scripts/reference/losses.py clip_loss). */
export interface ClipReferenceCase {
  params: { logScale: number };
  inputs: { images: number[][]; texts: number[][]; logScale: number };
  value: number;
  grads: { images: number[][]; texts: number[][]; logScale: number };
}

export interface ReferenceFixture {
  cases: ReferenceCase[];
  hardness: { sPos: number; sNeg: number[]; tau: number; weights: number[] }[];
  spectra: {
    rows: number[][];
    eigenvalues: number[];
    effectiveRank: number;
    normalizedStd: number;
  }[];
  moco: MocoReferenceCase[];
  clip: ClipReferenceCase[];
}

export function loadReference(): ReferenceFixture {
  const url = new URL('./fixtures/reference-losses.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ReferenceFixture;
}

/** Asserts |actual − expected| ≤ atol + rtol·|expected| elementwise, with a useful message. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { atol = 1e-6, rtol = 1e-5 }: { atol?: number; rtol?: number } = {},
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    const ok = Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok) expect.fail(`element ${i}: got ${a}, expected ${e} (atol ${atol}, rtol ${rtol})`);
  }
}

/** Reads a tensor's values as a plain array and disposes nothing. */
export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

/** Reads a scalar tensor, disposes it, returns the number. */
export function take(t: tf.Tensor): number {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
}

/**
 * Runs `fn` (whose result is disposed) and returns how many tensors it left behind.
 * Call once beforehand when `fn` builds cached constants on first use.
 */
export function leakedBy(fn: () => tf.TensorContainer): number {
  const before = tf.memory().numTensors;
  const result = fn();
  tf.dispose(result);
  return tf.memory().numTensors - before;
}

/** Deterministic pseudo-random float32 matrix (not the library rng, to keep tests independent). */
export function randomMatrix(rows: number, cols: number, seed: number): tf.Tensor2D {
  let state = seed >>> 0 || 1;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    // xorshift32, then a sum of uniforms for a roughly normal value.
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      sum += state / 4294967296;
    }
    data[i] = (sum - 2) * 1.7;
  }
  return tf.tensor2d(data, [rows, cols]);
}
