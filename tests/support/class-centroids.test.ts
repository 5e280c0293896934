import { describe, expect, it } from 'vitest';
import { classStructure } from '../../src/support/class-centroids';

/** `perClass` points of each of `classes` classes around the axes ±x, ±y, ±z, spread by `noise`. */
function cloud(classes: number, perClass: number, noise: number, seed = 1) {
  const axes = [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
    [0, 0, 1],
    [0, 0, -1],
  ];
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const points: number[] = [];
  const groups: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const a = axes[c];
      points.push(a[0] + noise * rand(), a[1] + noise * rand(), a[2] + noise * rand());
      groups.push(c);
    }
  }
  return { points: Float32Array.from(points), groups: Float32Array.from(groups) };
}

describe('classStructure', () => {
  it('finds each class centre and counts every point of well-separated classes as nearest its own', () => {
    const { points, groups } = cloud(6, 40, 0.3);
    const s = classStructure(points, 3, groups, 6);
    expect(s.accuracy).toBe(1);
    expect(Array.from(s.perClass)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(s.counts)).toEqual([40, 40, 40, 40, 40, 40]);
    expect(s.chance).toBeCloseTo(1 / 6);
    // Unit centroids near their axes.
    expect(s.centroids[0]).toBeGreaterThan(0.95);
    expect(s.centroids[2 * 3 + 1]).toBeGreaterThan(0.95);
    for (let c = 0; c < 6; c++) {
      const [x, y, z] = s.centroids.subarray(3 * c, 3 * c + 3);
      expect(Math.hypot(x, y, z)).toBeCloseTo(1, 5);
    }
  });

  it('is near chance for confetti: labels that say nothing about where a point is', () => {
    const { points } = cloud(6, 200, 3);
    // Labels shuffled against the geometry: every class spread over the whole sphere.
    const groups = Float32Array.from(points.subarray(0, 1200), (_, i) => (i * 7) % 6);
    const s = classStructure(points, 3, groups, 6);
    expect(s.accuracy).toBeGreaterThan(0.05);
    expect(s.accuracy).toBeLessThan(0.45);
  });

  it('rises as the classes separate', () => {
    const shares = [2, 1, 0.5, 0.2].map((noise) => {
      const { points, groups } = cloud(6, 80, noise);
      return classStructure(points, 3, groups, 6).accuracy;
    });
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
    expect(shares[3]).toBe(1);
  });

  it('skips unknown labels and zero vectors, marks empty classes, and reads no data as unknown', () => {
    const points = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 1, 0, 0.9, 0.1, 0]);
    const groups = Float32Array.from([0, 0, 7, 0]);
    const s = classStructure(points, 3, groups, 3);
    expect(Array.from(s.counts)).toEqual([2, 0, 0]);
    expect(s.accuracy).toBe(1);
    expect(s.chance).toBe(1);
    expect(Number.isNaN(s.perClass[1])).toBe(true);
    expect(Number.isNaN(s.centroids[3])).toBe(true);
    const empty = classStructure(new Float32Array(0), 3, new Float32Array(0), 10);
    expect(Number.isNaN(empty.accuracy)).toBe(true);
    expect(Number.isNaN(empty.chance)).toBe(true);
  });
});
