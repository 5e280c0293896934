// The built-in shapes data set: layout, ranges, determinism, balance and class separability.
import { describe, expect, it } from 'vitest';
import {
  MOCO_STREAM_COUNT,
  SHAPE_CLASSES,
  SIMCLR_DATA_SEED,
  generateShapes,
  mocoShapes,
  renderShape,
  simclrShapes,
  type ShapesDataset,
} from '../../src/data/shapes';

/**
 * Colour-invariant geometry of one image: threshold its luma halfway between min and max, take the
 * minority side as foreground, and measure its area, edge density, share of the border and
 * compactness. Crude, but a nearest-centroid classifier on it is far above chance.
 */
function geometry(data: ShapesDataset, index: number): number[] {
  const s = data.size;
  const luma = Array.from({ length: s * s }, (_, p) => {
    const k = (index * s * s + p) * 3;
    return 0.2989 * data.images[k] + 0.587 * data.images[k + 1] + 0.114 * data.images[k + 2];
  });
  const mid = (Math.min(...luma) + Math.max(...luma)) / 2;
  const bright = luma.map((l) => l > mid);
  const brightIsMinority = bright.filter(Boolean).length <= (s * s) / 2;
  const fg = bright.map((b) => b === brightIsMinority);
  const at = (x: number, y: number) => fg[y * s + x];
  let edges = 0;
  let border = 0;
  for (let a = 0; a < s; a += 1) {
    for (let b = 0; b + 1 < s; b += 1)
      edges += +(at(b, a) !== at(b + 1, a)) + +(at(a, b) !== at(a, b + 1));
    border += +at(a, 0) + +at(a, s - 1) + +at(0, a) + +at(s - 1, a);
  }
  const area = fg.filter(Boolean).length / (s * s);
  return [area, edges / (s * s), border / (4 * s), (edges / s) ** 2 / Math.max(area, 1e-3) / 100];
}

/** Nearest-centroid accuracy on z-scored features, fitted on `train`, scored on `test`. */
function nearestCentroidAccuracy(
  train: ShapesDataset,
  test: ShapesDataset,
  label: (l: number) => number,
): number {
  const fit = Array.from({ length: train.count }, (_, i) => geometry(train, i));
  const dim = fit[0].length;
  const mu = Array.from({ length: dim }, (_, j) => fit.reduce((a, f) => a + f[j], 0) / fit.length);
  const sd = mu.map((m, j) => Math.sqrt(fit.reduce((a, f) => a + (f[j] - m) ** 2, 0) / fit.length));
  const z = (f: number[]) => f.map((v, j) => (v - mu[j]) / sd[j]);
  const centroids = new Map<number, { sum: number[]; n: number }>();
  fit.forEach((f, i) => {
    const c = centroids.get(label(train.labels[i])) ?? { sum: new Array(dim).fill(0), n: 0 };
    z(f).forEach((v, j) => (c.sum[j] += v));
    c.n += 1;
    centroids.set(label(train.labels[i]), c);
  });
  let correct = 0;
  for (let i = 0; i < test.count; i += 1) {
    const f = z(geometry(test, i));
    let best = -1;
    let bestDistance = Infinity;
    for (const [l, { sum, n }] of centroids) {
      const d = sum.reduce((a, v, j) => a + (v / n - f[j]) ** 2, 0);
      if (d < bestDistance) [best, bestDistance] = [l, d];
    }
    if (best === label(test.labels[i])) correct += 1;
  }
  return correct / test.count;
}

/** Exact equality of two typed arrays (vitest's deep equality is slow on large ones). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return (
    a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i])
  );
}

describe('generateShapes', () => {
  it('lays out count × size × size × 3 pixels in [0, 1] with one label each', () => {
    const data = generateShapes({ count: 25, seed: 1, size: 24 });
    expect(data.images).toHaveLength(25 * 24 * 24 * 3);
    expect(data.labels).toHaveLength(25);
    expect(data.size).toBe(24);
    expect(data.count).toBe(25);
    expect(data.classNames).toEqual(SHAPE_CLASSES.map((c) => c.name));
    expect(data.classNames.length).toBeGreaterThanOrEqual(8);
    expect(data.images.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(data.labels.every((l) => l >= 0 && l < data.classNames.length)).toBe(true);
    expect(generateShapes({ count: 1, seed: 1 }).images).toHaveLength(32 * 32 * 3);
  });

  it('is deterministic per seed, differs between seeds, and a longer set extends a shorter one', () => {
    const a = generateShapes({ count: 30, seed: 7 });
    const b = generateShapes({ count: 30, seed: 7 });
    const c = generateShapes({ count: 30, seed: 8 });
    const longer = generateShapes({ count: 45, seed: 7 });
    expect(same(b.images, a.images)).toBe(true);
    expect(same(b.labels, a.labels)).toBe(true);
    expect(same(c.images, a.images)).toBe(false);
    expect(same(longer.images.subarray(0, a.images.length), a.images)).toBe(true);
    expect(same(longer.labels.subarray(0, 30), a.labels)).toBe(true);
  });

  it('balances the classes', () => {
    const k = SHAPE_CLASSES.length;
    const data = generateShapes({ count: 10 * k + 3, seed: 3 });
    const counts = new Array(k).fill(0);
    data.labels.forEach((l) => (counts[l] += 1));
    expect(Math.min(...counts)).toBe(10);
    expect(Math.max(...counts)).toBe(11);
  });

  it('varies colour, position and background within a class', () => {
    const data = generateShapes({ count: 60, seed: 4 });
    const px = 32 * 32 * 3;
    const meanColour = (i: number) => {
      const img = data.images.subarray(i * px, (i + 1) * px);
      return [0, 1, 2].map(
        (c) => img.filter((_, k) => k % 3 === c).reduce((a, v) => a + v, 0) / 1024,
      );
    };
    const circles = [...data.labels.keys()].filter((i) => data.labels[i] === 0).map(meanColour);
    const spread = [0, 1, 2].map(
      (c) => Math.max(...circles.map((m) => m[c])) - Math.min(...circles.map((m) => m[c])),
    );
    expect(Math.min(...spread)).toBeGreaterThan(0.3);
  });

  it('makes classes recognisable from colour-invariant geometry, far above chance', () => {
    const train = generateShapes({ count: 600, seed: 1 });
    const test = generateShapes({ count: 300, seed: 2 });
    const chance = 1 / SHAPE_CLASSES.length;
    expect(nearestCentroidAccuracy(train, test, (l) => l)).toBeGreaterThan(3 * chance);
    const isTexture = (l: number) => +(SHAPE_CLASSES[l].kind === 'texture');
    expect(nearestCentroidAccuracy(train, test, isTexture)).toBeGreaterThan(0.95);
  });

  it('generates 2,000 images quickly', () => {
    const start = performance.now();
    generateShapes({ count: 2000, seed: 11 });
    // About half a second on a busy two-core machine; the bound only catches a regression.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => generateShapes({ count: -1, seed: 1 })).toThrow(/count must be an integer/);
    expect(() => generateShapes({ count: 2.5, seed: 1 })).toThrow(/count/);
    expect(() => generateShapes({ count: 1, seed: 1, size: 4 })).toThrow(
      /size must be an integer in \[8, 256\]/,
    );
    expect(() => generateShapes({ count: 1, seed: Number.NaN })).toThrow(/seed must be finite/);
  });
});

describe('simclrShapes', () => {
  it('splits one draw of the chapter seed into 2,048 training and 1,280 held-out images', () => {
    const { train, heldOut } = simclrShapes();
    expect([train.count, heldOut.count]).toEqual([2048, 1280]);
    expect(train.images).toHaveLength(2048 * 32 * 32 * 3);
    expect(heldOut.labels).toHaveLength(1280);
    const first = generateShapes({ count: 2049, seed: SIMCLR_DATA_SEED });
    expect(same(train.labels, first.labels.subarray(0, 2048))).toBe(true);
    expect(heldOut.labels[0]).toBe(first.labels[2048]);
  });
});

describe('renderShape', () => {
  const pixels = 16 * 16 * 3;
  const render = (seed: number, index: number) => {
    const out = new Float32Array(pixels);
    return { label: renderShape({ seed, size: 16 }, index, out), out };
  };

  it('draws any image of an endless set by its index alone, the same pixels every time', () => {
    const far = render(9, 123_456_789);
    expect(same(far.out, render(9, 123_456_789).out)).toBe(true);
    expect(same(far.out, render(9, 123_456_788).out)).toBe(false);
    expect(same(render(9, 5).out, render(10, 5).out)).toBe(false);
    for (const v of far.out) expect(v >= 0 && v <= 1).toBe(true);
    // Into a larger buffer at an offset, leaving the rest alone.
    const big = new Float32Array(3 * pixels);
    renderShape({ seed: 9, size: 16 }, 7, big, pixels);
    expect(same(big.subarray(pixels, 2 * pixels), render(9, 7).out)).toBe(true);
    expect(big.subarray(0, pixels).every((v) => v === 0)).toBe(true);
  });

  it('gives each block of ten images each class once', () => {
    for (const block of [0, 1, 50_000]) {
      const labels = Array.from({ length: 10 }, (_, i) => render(3, 10 * block + i).label);
      expect([...labels].sort((a, b) => a - b)).toEqual(SHAPE_CLASSES.map((_, i) => i));
    }
  });

  it('rejects a bad index, size or supersampling', () => {
    const out = new Float32Array(pixels);
    expect(() => renderShape({ seed: 1 }, -1, out)).toThrow(/index/);
    expect(() => renderShape({ seed: 1 }, 1.5, out)).toThrow(/index/);
    expect(() => renderShape({ seed: 1, size: 4 }, 0, out)).toThrow(/size/);
    expect(() => renderShape({ seed: 1, supersample: 9 }, 0, out)).toThrow(/supersample/);
  });
});

describe('mocoShapes', () => {
  it('streams 2^20 training pictures and keeps the SimCLR trainer’s held-out ones', () => {
    const { train, heldOut } = mocoShapes();
    const simclr = simclrShapes().heldOut;
    expect(train.count).toBe(MOCO_STREAM_COUNT);
    expect(train.size).toBe(32);
    expect(same(heldOut.images, simclr.images)).toBe(true);
    expect(same(heldOut.labels, simclr.labels)).toBe(true);
    const pixels = 32 * 32 * 3;
    const a = new Float32Array(pixels);
    const b = new Float32Array(pixels);
    train.render(MOCO_STREAM_COUNT - 1, a, 0);
    train.render(MOCO_STREAM_COUNT - 1, b, 0);
    expect(same(a, b)).toBe(true);
    // Training pictures are not held-out ones.
    for (let i = 0; i < 20; i += 1) {
      train.render(i, a, 0);
      for (let j = 0; j < simclr.count; j += 1) {
        expect(same(a, simclr.images.subarray(j * pixels, (j + 1) * pixels))).toBe(false);
      }
    }
    expect(() => train.render(MOCO_STREAM_COUNT, a, 0)).toThrow(/outside/);
  });
});
