// The SimCLR augmentation pipeline: shapes, ranges, determinism and the effect of each step.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SIMCLR_AUGMENT,
  SIMCLR_SETTINGS,
  applyAugmentations,
  augmentBatch,
  sampleViewParams,
  twoViews,
  type AugmentOptions,
  type JitterParams,
  type ViewParams,
} from '../../src/core/augment';
import { blurRadius, gaussianKernel } from '../../src/core/augment-blur';
import { colorJitter, defaultJitterStrategy } from '../../src/core/augment-jitter';
import { tf } from '../../src/core/tf';
import { imagesToTensor } from '../../src/core/images';
import { generateShapes, mulberry32 } from '../../src/data/shapes';
import { expectClose, leakedBy, useCpu, values } from './helpers';

const NONE: ViewParams = {
  crop: null,
  flip: false,
  jitter: null,
  grayscale: false,
  blurSigma: null,
};
const OFF: AugmentOptions = {
  crop: false,
  flip: false,
  colorJitter: false,
  grayscale: false,
  blur: false,
  strength: 1,
};
const NEUTRAL_JITTER: JitterParams = {
  brightness: 1,
  contrast: 1,
  saturation: 1,
  hue: 0,
  order: ['brightness', 'contrast', 'saturation', 'hue'],
};

/** A batch of generated shapes, `[n, 32, 32, 3]`. */
function shapes(n: number, seed = 5): tf.Tensor4D {
  return imagesToTensor(generateShapes({ count: n, seed }));
}

/** Random colour noise in [lo, hi), `[n, size, size, 3]`. */
function noise(n: number, size: number, seed: number, lo = 0, hi = 1): tf.Tensor4D {
  const rng = mulberry32(seed);
  const data = Float32Array.from({ length: n * size * size * 3 }, () => lo + (hi - lo) * rng());
  return tf.tensor4d(data, [n, size, size, 3]);
}

/** Applies the same parameters to every image of a batch; returns its values and disposes it. */
function applyAll(batch: tf.Tensor4D, params: ViewParams): number[] {
  const out = applyAugmentations(
    batch,
    Array.from({ length: batch.shape[0] }, () => params),
  );
  const v = values(out);
  out.dispose();
  return v;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

/** Reference hue rotation of one RGB pixel through HSV, in plain JavaScript. */
function rotateHue([r, g, b]: number[], shift: number): number[] {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  let h = 0;
  if (chroma > 0) {
    if (max === r) h = ((g - b) / chroma + 6) % 6;
    else if (max === g) h = (b - r) / chroma + 2;
    else h = (r - g) / chroma + 4;
  }
  h = (((h / 6 + shift) % 1) + 1) % 1;
  const s = max === 0 ? 0 : chroma / max;
  const f = (n: number) => {
    const k = (n + h * 6) % 6;
    return max - max * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

describe('augmentations', () => {
  beforeAll(useCpu);

  it('keep the batch shape and stay in [0, 1]', () => {
    const batch = shapes(12);
    const { images, params } = augmentBatch(
      batch,
      { ...SIMCLR_AUGMENT, strength: 2 },
      mulberry32(1),
    );
    expect(images.shape).toEqual([12, 32, 32, 3]);
    expect(params).toHaveLength(12);
    const v = values(images);
    expect(v.every((x) => Number.isFinite(x) && x >= 0 && x <= 1)).toBe(true);
    tf.dispose([batch, images]);
  });

  it('handle non-square images of other sizes, keeping crop aspect ratios in pixels', () => {
    const rng0 = mulberry32(4);
    const batch = tf.tensor4d(Float32Array.from({ length: 3 * 40 * 66 * 3 }, rng0), [3, 40, 66, 3]);
    const { images, params } = augmentBatch(batch, SIMCLR_AUGMENT, mulberry32(8));
    expect(images.shape).toEqual([3, 40, 66, 3]);
    expect(values(images).every((x) => x >= 0 && x <= 1)).toBe(true);
    const rng = mulberry32(3);
    for (let i = 0; i < 500; i += 1) {
      const { crop } = sampleViewParams(SIMCLR_AUGMENT, rng, 40, 66);
      if (crop === null || crop.width * crop.height === 1) continue;
      const aspect = (crop.width * 66) / (crop.height * 40);
      expect(aspect).toBeGreaterThanOrEqual(3 / 4 - 1e-9);
      expect(aspect).toBeLessThanOrEqual(4 / 3 + 1e-9);
    }
    tf.dispose([batch, images]);
    expect(params).toHaveLength(3);
  });

  it('are deterministic per seed and differ between seeds', () => {
    const batch = shapes(6);
    const run = (seed: number) => {
      const { images, params } = augmentBatch(batch, SIMCLR_AUGMENT, mulberry32(seed));
      const v = values(images);
      images.dispose();
      return { v, params };
    };
    const a = run(3);
    const b = run(3);
    const c = run(4);
    expect(b.params).toEqual(a.params);
    expect(b.v).toEqual(a.v);
    expect(c.params).not.toEqual(a.params);
    expect(c.v).not.toEqual(a.v);
    batch.dispose();
  });

  it('are the identity when every step is off', () => {
    const batch = shapes(4);
    const { images, params } = augmentBatch(batch, OFF, mulberry32(9));
    expect(params.every((p) => JSON.stringify(p) === JSON.stringify(NONE))).toBe(true);
    expect(values(images)).toEqual(values(batch));
    expect(images).not.toBe(batch);
    tf.dispose([batch, images]);
  });

  it('leak no tensors', () => {
    const batch = shapes(8);
    const rng = mulberry32(2);
    const views = () => twoViews(batch, SIMCLR_AUGMENT, rng).map((v) => v.images);
    views().forEach((t) => t.dispose()); // first call may build nothing cached, but be safe
    expect(leakedBy(views)).toBe(0);
    expect(leakedBy(() => augmentBatch(batch, OFF, rng).images)).toBe(0);
    batch.dispose();
  });

  it('twoViews gives two different views of every image', () => {
    const batch = shapes(5);
    const [a, b] = twoViews(batch, SIMCLR_AUGMENT, mulberry32(12));
    expect(a.images.shape).toEqual(batch.shape);
    expect(b.images.shape).toEqual(batch.shape);
    expect(a.params).not.toEqual(b.params);
    expect(values(a.images)).not.toEqual(values(b.images));
    tf.dispose([batch, a.images, b.images]);
  });

  it('downscale pools the cropped views before the colour steps', () => {
    const batch = shapes(3);
    const { images } = augmentBatch(batch, OFF, mulberry32(3), 2);
    expect(images.shape).toEqual([3, 16, 16, 3]);
    const pooled = tf.avgPool(batch, 2, 2, 'valid');
    expectClose(values(images), values(pooled), { atol: 1e-6 });
    const crop = { ...NONE, crop: { top: 0, left: 0, height: 0.5, width: 0.5 }, grayscale: true };
    const zoomed = applyAugmentations(batch, [crop, crop, crop], 2);
    expect(zoomed.shape).toEqual([3, 16, 16, 3]);
    const [r, g, b] = tf.tidy(() => tf.split(zoomed, 3, 3).map(values));
    expect(r).toEqual(g);
    expect(g).toEqual(b);
    expect(() => applyAugmentations(batch, [NONE, NONE, NONE], 3)).toThrow(/downscale/);
    tf.dispose([batch, images, pooled, zoomed]);
  });

  it('reject mismatched parameters, non-RGB images and a bad strength', () => {
    const batch = shapes(2);
    expect(() => applyAugmentations(batch, [NONE])).toThrow(/1 parameter sets for a batch of 2/);
    const gray = tf.zeros([1, 8, 8, 1]) as tf.Tensor4D;
    expect(() => applyAugmentations(gray, [NONE])).toThrow(/3 colour channels/);
    expect(() => augmentBatch(batch, { ...SIMCLR_AUGMENT, strength: -1 }, mulberry32(1))).toThrow(
      /strength/,
    );
    tf.dispose([batch, gray]);
  });
});

describe('each augmentation', () => {
  beforeAll(useCpu);

  it('grayscale gives three equal channels and leaves other images alone', () => {
    const batch = shapes(2);
    const out = applyAugmentations(batch, [{ ...NONE, grayscale: true }, NONE]);
    const v = values(out);
    const px = 32 * 32;
    for (let i = 0; i < px; i += 1) {
      expect(v[i * 3]).toBe(v[i * 3 + 1]);
      expect(v[i * 3]).toBe(v[i * 3 + 2]);
    }
    expect(v.slice(px * 3)).toEqual(values(batch).slice(px * 3));
    tf.dispose([batch, out]);
  });

  it('flipping twice is the identity, and once mirrors each row', () => {
    const batch = noise(2, 9, 1);
    const once = applyAugmentations(batch, [
      { ...NONE, flip: true },
      { ...NONE, flip: true },
    ]);
    const twice = applyAugmentations(once, [
      { ...NONE, flip: true },
      { ...NONE, flip: true },
    ]);
    expectClose(values(twice), values(batch), { atol: 1e-6 });
    const x = batch.arraySync();
    const y = once.arraySync();
    expectClose(y[1][4][0], x[1][4][8], { atol: 1e-6 });
    tf.dispose([batch, once, twice]);
  });

  it('a crop of full area and aspect 1 is the identity; a smaller one zooms in', () => {
    const batch = noise(1, 10, 2);
    const full = { top: 0, left: 0, height: 1, width: 1 };
    expectClose(applyAll(batch, { ...NONE, crop: full }), values(batch), { atol: 1e-6 });
    // Rows 0–4.5 and columns 0–9 stretched back to 10 rows: the first row is unchanged.
    const top = applyAll(batch, { ...NONE, crop: { ...full, height: 0.5 } });
    expectClose(top.slice(0, 30), values(batch).slice(0, 30), { atol: 1e-6 });
    expect(top).not.toEqual(values(batch));
    batch.dispose();
  });

  it('brightness scales the mean', () => {
    const batch = noise(3, 8, 3, 0, 0.5);
    const before = mean(values(batch));
    const after = mean(
      applyAll(batch, { ...NONE, jitter: { ...NEUTRAL_JITTER, brightness: 1.6 } }),
    );
    expect(after / before).toBeCloseTo(1.6, 4);
    batch.dispose();
  });

  it('contrast 0 flattens each channel to its mean; saturation 0 gives gray', () => {
    const batch = noise(1, 6, 4);
    const flat = applyAll(batch, { ...NONE, jitter: { ...NEUTRAL_JITTER, contrast: 0 } });
    const x = values(batch);
    for (let c = 0; c < 3; c += 1) {
      const channel = x.filter((_, i) => i % 3 === c);
      expectClose(
        flat.filter((_, i) => i % 3 === c),
        channel.map(() => mean(channel)),
        { atol: 1e-5 },
      );
    }
    const gray = applyAll(batch, { ...NONE, jitter: { ...NEUTRAL_JITTER, saturation: 0 } });
    const luma = (i: number) => 0.2989 * x[i] + 0.587 * x[i + 1] + 0.114 * x[i + 2];
    expectClose(
      gray,
      x.map((_, i) => luma(i - (i % 3))),
      { atol: 1e-5 },
    );
    batch.dispose();
  });

  it('hue rotates through HSV like a plain reference, and 1/3 turns red into green', () => {
    const batch = noise(2, 5, 6);
    const x = values(batch);
    for (const shift of [0, 0.13, -0.2, 0.5]) {
      const out = applyAll(batch, { ...NONE, jitter: { ...NEUTRAL_JITTER, hue: shift } });
      const expected: number[] = [];
      for (let i = 0; i < x.length; i += 3) expected.push(...rotateHue(x.slice(i, i + 3), shift));
      expectClose(out, expected, { atol: 2e-5 });
    }
    const red = tf.tensor4d([1, 0, 0, 0.5, 0.5, 0.5], [1, 1, 2, 3]);
    const turned = applyAll(red, { ...NONE, jitter: { ...NEUTRAL_JITTER, hue: 1 / 3 } });
    expectClose(turned, [0, 1, 0, 0.5, 0.5, 0.5], { atol: 1e-5 });
    tf.dispose([batch, red]);
  });

  it('jitter follows each image’s own order, clipping after every step', () => {
    const batch = noise(4, 6, 7);
    const orders: JitterParams['order'][] = [
      ['brightness', 'contrast', 'saturation', 'hue'],
      ['hue', 'saturation', 'contrast', 'brightness'],
      ['contrast', 'hue', 'brightness', 'saturation'],
      ['saturation', 'brightness', 'hue', 'contrast'],
    ];
    const factors = { brightness: 1.7, contrast: 1.6, saturation: 0.3, hue: 0.2 };
    const jitter = orders.map((order) => ({ ...factors, order }));
    const together = applyAugmentations(
      batch,
      jitter.map((j) => ({ ...NONE, jitter: j })),
    );
    // Reference: one step at a time, each a one-op jitter.
    let stepwise = batch;
    for (let step = 0; step < 4; step += 1) {
      const next = applyAugmentations(
        stepwise,
        jitter.map((j) => ({ ...NONE, jitter: { ...j, order: [j.order[step]] } })),
      );
      if (stepwise !== batch) stepwise.dispose();
      stepwise = next;
    }
    expectClose(values(together), values(stepwise), { atol: 1e-5 });
    // The order matters: the first two images would differ under a shared order.
    const shared = applyAll(batch, { ...NONE, jitter: jitter[0] });
    expect(values(together).slice(108, 216)).not.toEqual(shared.slice(108, 216));
    tf.dispose([batch, together, stepwise]);
  });

  it('both jitter strategies agree, and the CPU backend uses the grouped one', () => {
    expect(defaultJitterStrategy()).toBe('grouped');
    const batch = shapes(24);
    const rng = mulberry32(21);
    const jitter = Array.from(
      { length: 24 },
      () => sampleViewParams({ ...SIMCLR_AUGMENT, strength: 1.5 }, rng, 32, 32).jitter,
    );
    expect(jitter.some((j) => j === null)).toBe(true);
    const [grouped, masked] = (['grouped', 'masked'] as const).map((strategy) =>
      tf.tidy(() => values(colorJitter(batch, jitter, strategy))),
    );
    expectClose(masked, grouped, { atol: 2e-5 });
    expect(grouped).not.toEqual(values(batch));
    batch.dispose();
  });

  it('blur reduces the variance, with normalised 3-tap kernels at 32 pixels', () => {
    expect(blurRadius(32)).toBe(1);
    expect(blurRadius(224)).toBe(11);
    const taps = gaussianKernel(1, 1);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Array.from(gaussianKernel(null, 2))).toEqual([0, 0, 1, 0, 0]);
    const batch = noise(2, 32, 8);
    const out = applyAugmentations(batch, [{ ...NONE, blurSigma: 2 }, NONE]);
    const v = values(out);
    const x = values(batch);
    const half = 32 * 32 * 3;
    expect(variance(v.slice(0, half))).toBeLessThan(0.5 * variance(x.slice(0, half)));
    expect(mean(v.slice(0, half))).toBeCloseTo(mean(x.slice(0, half)), 2);
    expect(v.slice(half)).toEqual(x.slice(half));
    tf.dispose([batch, out]);
  });

  it('blur matches a plain separable reference with reflected borders, σ per image', () => {
    const size = 64; // radius 3: a 7-tap kernel
    const batch = noise(2, size, 9);
    const x = values(batch);
    const blurred = applyAugmentations(batch, [
      { ...NONE, blurSigma: 0.7 },
      { ...NONE, blurSigma: 1.9 },
    ]);
    const out = values(blurred);
    const n = size * size * 3;
    expectClose(out.slice(0, n), referenceBlur(x.slice(0, n), size, 0.7), { atol: 1e-5 });
    expectClose(out.slice(n), referenceBlur(x.slice(n), size, 1.9), { atol: 1e-5 });
    tf.dispose([batch, blurred]);
  });
});

/** Reference separable Gaussian blur of one `[size, size, 3]` image with reflect borders. */
function referenceBlur(img: number[], size: number, sigma: number): number[] {
  const taps = Array.from(gaussianKernel(sigma, blurRadius(size)));
  const r = (taps.length - 1) / 2;
  const reflect = (i: number) => (i < 0 ? -i : i >= size ? 2 * size - 2 - i : i);
  const pass = (src: number[], vertical: boolean) =>
    src.map((_, k) => {
      const [y, x, c] = [Math.floor(k / (size * 3)), Math.floor(k / 3) % size, k % 3];
      return taps.reduce((sum, t, j) => {
        const yy = vertical ? reflect(y + j - r) : y;
        const xx = vertical ? x : reflect(x + j - r);
        return sum + t * src[(yy * size + xx) * 3 + c];
      }, 0);
    });
  return pass(pass(img, true), false);
}

describe('sampleViewParams', () => {
  const draws = (options: AugmentOptions, seed: number, n = 4000) => {
    const rng = mulberry32(seed);
    return Array.from({ length: n }, () => sampleViewParams(options, rng, 32, 32));
  };

  it('follows the paper’s probabilities and ranges', () => {
    const params = draws(SIMCLR_AUGMENT, 1);
    const rate = (f: (p: ViewParams) => boolean) => params.filter(f).length / params.length;
    expect(rate((p) => p.flip)).toBeCloseTo(SIMCLR_SETTINGS.flipProbability, 1);
    expect(rate((p) => p.jitter !== null)).toBeCloseTo(SIMCLR_SETTINGS.jitterProbability, 1);
    expect(rate((p) => p.grayscale)).toBeCloseTo(SIMCLR_SETTINGS.grayscaleProbability, 1);
    expect(rate((p) => p.blurSigma !== null)).toBeCloseTo(SIMCLR_SETTINGS.blurProbability, 1);
    for (const { crop, jitter, blurSigma } of params) {
      if (crop === null) throw new Error('crop is on');
      const area = crop.height * crop.width;
      expect(area).toBeGreaterThanOrEqual(0.08 - 1e-9);
      expect(area).toBeLessThanOrEqual(1 + 1e-9);
      if (area < 1) {
        expect(crop.width / crop.height).toBeGreaterThanOrEqual(3 / 4 - 1e-9);
        expect(crop.width / crop.height).toBeLessThanOrEqual(4 / 3 + 1e-9);
      }
      expect(crop.top + crop.height).toBeLessThanOrEqual(1 + 1e-9);
      expect(crop.left + crop.width).toBeLessThanOrEqual(1 + 1e-9);
      if (jitter) {
        for (const f of [jitter.brightness, jitter.contrast, jitter.saturation]) {
          expect(f).toBeGreaterThanOrEqual(0.2);
          expect(f).toBeLessThanOrEqual(1.8);
        }
        expect(Math.abs(jitter.hue)).toBeLessThanOrEqual(0.2);
        expect([...jitter.order].sort()).toEqual(['brightness', 'contrast', 'hue', 'saturation']);
      }
      if (blurSigma !== null) {
        expect(blurSigma).toBeGreaterThanOrEqual(0.1);
        expect(blurSigma).toBeLessThanOrEqual(2);
      }
    }
    const orders = new Set(params.map((p) => p.jitter?.order.join()));
    expect(orders.size).toBe(25); // all 24 permutations, and no jitter
  });

  it('strength scales the jitter ranges', () => {
    const params = draws({ ...SIMCLR_AUGMENT, strength: 0.5 }, 2);
    for (const { jitter } of params) {
      if (!jitter) continue;
      expect(Math.abs(jitter.brightness - 1)).toBeLessThanOrEqual(0.4);
      expect(Math.abs(jitter.hue)).toBeLessThanOrEqual(0.1);
    }
  });

  it('minCropArea raises the smallest crop and is validated', () => {
    const areas = draws({ ...SIMCLR_AUGMENT, minCropArea: 0.3 }, 4, 2000).map(
      ({ crop }) => crop!.height * crop!.width,
    );
    expect(Math.min(...areas)).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(Math.min(...areas)).toBeLessThan(0.35);
    for (const minCropArea of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => draws({ ...SIMCLR_AUGMENT, minCropArea }, 1, 1)).toThrow(/minCropArea/);
    }
  });

  it('switching one step off leaves the other steps’ parameters unchanged', () => {
    const all = draws(SIMCLR_AUGMENT, 3, 50);
    const noBlur = draws({ ...SIMCLR_AUGMENT, blur: false }, 3, 50);
    const noCrop = draws({ ...SIMCLR_AUGMENT, crop: false }, 3, 50);
    expect(noBlur).toEqual(all.map((p) => ({ ...p, blurSigma: null })));
    expect(noCrop).toEqual(all.map((p) => ({ ...p, crop: null })));
  });
});
