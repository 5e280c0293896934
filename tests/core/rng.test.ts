// The seeded random source: reproducible, well spread, and correctly shaped draws.
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../src/core';

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return [rng.uniform(), rng.normal(), rng.int(10), rng.tfSeed(), ...rng.shuffle([1, 2, 3, 4])];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('draws uniforms in [low, high) with the right mean', () => {
    const rng = createRng(1);
    const us = Array.from({ length: 20000 }, () => rng.uniform(2, 4));
    expect(Math.min(...us)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...us)).toBeLessThan(4);
    expect(us.reduce((a, b) => a + b, 0) / us.length).toBeCloseTo(3, 1);
  });

  it('draws normals with the requested mean and standard deviation', () => {
    const rng = createRng(2);
    const xs = Array.from({ length: 20000 }, () => rng.normal(1, 3));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(Math.abs(sd - 3)).toBeLessThan(0.08);
  });

  it('draws every integer in [0, n) about equally often', () => {
    const rng = createRng(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 10000; i++) counts[rng.int(5)] += 1;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
    expect(() => rng.int(0)).toThrow(/n must be an integer ≥ 1/);
  });

  it('shuffles into a permutation without touching the input', () => {
    const rng = createRng(4);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });

  it('gives tf seeds in [0, 2³¹) and independent forks', () => {
    const rng = createRng(5);
    for (let i = 0; i < 100; i++) {
      const s = rng.tfSeed();
      expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    }
    const a = createRng(6).fork();
    const b = createRng(6).fork();
    expect(a.uniform()).toBe(b.uniform());
  });

  it('derives distinct stream seeds and rejects non-integer seeds', () => {
    expect(deriveSeed(7, 0)).toBe(deriveSeed(7, 0));
    expect(deriveSeed(7, 0)).not.toBe(deriveSeed(7, 1));
    expect(deriveSeed(7, 0)).not.toBe(deriveSeed(8, 0));
    expect(() => createRng(1.5)).toThrow(/seed/);
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
    expect(() => deriveSeed(0.5, 0)).toThrow(/seed must be a safe integer/);
    expect(() => deriveSeed(1, -1)).toThrow(/stream/);
  });
});
