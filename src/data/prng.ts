/** A function returning independent uniform draws in [0, 1). */
export type UniformSource = () => number;

// Seeded randomness for the built-in data sets (shapes, clusters): plain TypeScript, so src/data
// depends on nothing else in the tree (the core has its own, src/core/rng.ts, for training).

/**
 * Mulberry32: a tiny, fast 32-bit seeded PRNG. Kept local so the data sets do not depend on the
 * core's randomness module; its statistical quality is ample for drawing data set parameters.
 */
export function mulberry32(seed: number): UniformSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a stream id and an index into a well-spread 32-bit seed (murmur3 finaliser). */
export function mixSeed(seed: number, stream: number, index: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform draw in [lo, hi). */
export function uniform(rng: UniformSource, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/**
 * `n` independent draws of zero-mean uniform noise with standard deviation `sigma`. Uniform rather
 * than Gaussian: one PRNG call per value keeps generation fast, and the eye cannot tell.
 */
export function uniformNoise(n: number, sigma: number, rng: UniformSource): Float32Array {
  const width = sigma * Math.sqrt(12);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = (rng() - 0.5) * width;
  return out;
}
