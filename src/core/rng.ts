// Seeded randomness for everything the demos draw: batches, augmentations, initial weights.
// Same seed ⇒ same sequence, on every platform; tf random ops get integer seeds derived from it.
import { assertInteger } from './validate';

/** A seeded pseudo-random source (sfc32, seeded through splitmix32). */
export interface Rng {
  /** The seed this source was created from. */
  readonly seed: number;
  /** Uniform float in [low, high) (default [0, 1)). */
  uniform(low?: number, high?: number): number;
  /** Normal sample with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A shuffled copy of `items` (Fisher–Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[];
  /** A fresh integer seed in [0, 2³¹) for tf random ops (`tf.randomNormal(shape, 0, 1, 'float32', seed)`). */
  tfSeed(): number;
  /** An independent source seeded from this one (advances this source by one draw). */
  fork(): Rng;
}

function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`seed must be a safe integer (got ${String(seed)}).`);
  }
}

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit state. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Mixes an integer seed and a stream number into a new seed, so one user-facing seed can drive
 * several independent streams (model initialisation, batches, augmentations).
 */
export function deriveSeed(seed: number, stream: number): number {
  assertSeed(seed);
  assertInteger(stream, 'stream', 0);
  const high = Math.floor(seed / 4294967296);
  return (
    splitmix32(splitmix32(seed >>> 0) ^ splitmix32(high ^ Math.imul(stream + 1, 0x632be5ab))) &
    0x7fffffff
  );
}

/**
 * Creates a seeded random source.
 *
 * @param seed - any safe integer; equal seeds give equal sequences.
 */
export function createRng(seed: number): Rng {
  assertSeed(seed);
  let a = splitmix32(seed >>> 0);
  let b = splitmix32(a ^ Math.floor(seed / 4294967296));
  let c = splitmix32(b);
  let d = splitmix32(c);
  let spare: number | null = null;

  /** Next 32-bit output of sfc32. */
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, which still correlate with the seed.
  for (let i = 0; i < 12; i++) next();

  const unit = (): number => next() / 4294967296;

  const rng: Rng = {
    seed,
    uniform(low = 0, high = 1) {
      return low + (high - low) * unit();
    },
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + std * z;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - unit())); // 1 − u ∈ (0, 1]: no log(0)
      const angle = 2 * Math.PI * unit();
      spare = radius * Math.sin(angle);
      return mean + std * radius * Math.cos(angle);
    },
    int(n) {
      assertInteger(n, 'n', 1);
      return Math.floor(unit() * n);
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(unit() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    tfSeed() {
      return next() >>> 1;
    },
    fork() {
      return createRng(next());
    },
  };
  return rng;
}
