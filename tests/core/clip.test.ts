// CLIP's pieces: the symmetric loss (both directions, its limits), the clipped logit scale, the
// vocabulary's tokenizer on hostile input (never a throw: unknown words reported), the
// bag-of-words text encoder, and the session — the log-scale learned and clipped, the read-outs in
// range, retrieval of typed captions, and a tensor count flat over 2,000 steps.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLIP_INITIAL_SCALE,
  CLIP_MAX_LOG_SCALE,
  MAX_CAPTION_WORDS,
  bagOfWords,
  clipLogits,
  clipLoss,
  createCaptionVocabulary,
  createTextEncoder,
  diagonalShare,
  logitScale,
} from '../../src/core/clip';
import { createClipSession, type ClipData } from '../../src/core/clip-session';
import { cachedConstantCount } from '../../src/core/constants';
import { l2Normalize } from '../../src/core/similarity';
import { tf } from '../../src/core/tf';
import { expectClose, leakedBy, randomMatrix, take, useCpu } from './helpers';

beforeAll(useCpu);

describe('clipLoss', () => {
  it('is the mean of the image→text and text→image cross-entropies', () => {
    const images = l2Normalize(randomMatrix(5, 4, 1));
    const texts = l2Normalize(randomMatrix(5, 4, 2));
    const s = tf.scalar(Math.log(10));
    const logits = clipLogits(images, texts, s).arraySync();
    const ce = (rows: number[][]) =>
      rows.reduce((sum, row, i) => {
        const lse = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
        return sum + lse - row[i]!;
      }, 0) / rows.length;
    const columns = logits.map((_, j) => logits.map((row) => row[j]!));
    expectClose([take(clipLoss(images, texts, s))], [(ce(logits) + ce(columns)) / 2], {
      atol: 1e-5,
    });
    tf.dispose([images, texts, s]);
  });

  it('tends to 0 for matched pairs at a large scale, to ln N at scale → 0', () => {
    const z = l2Normalize(tf.eye(6) as tf.Tensor2D);
    const big = tf.scalar(CLIP_MAX_LOG_SCALE);
    const tiny = tf.scalar(-20);
    expect(take(clipLoss(z, z, big))).toBeLessThan(1e-6);
    expectClose([take(clipLoss(z, z, tiny))], [Math.log(6)], { atol: 1e-5 });
    tf.dispose([z, big, tiny]);
  });

  it('scales logits by at most 100: the scale and its gradient stop at ln 100', () => {
    const check = (s: number) => {
      const t = tf.scalar(s);
      const scale = take(logitScale(t));
      const grad = tf.grad((x: tf.Tensor) => logitScale(x as tf.Scalar))(t);
      const result = [scale, take(grad)];
      t.dispose();
      return result;
    };
    expectClose(check(Math.log(CLIP_INITIAL_SCALE)), [1 / 0.07, 1 / 0.07], { rtol: 1e-5 });
    expectClose(check(6), [100, 0], { rtol: 1e-5 });
  });

  it('reads the diagonal share: 1/N for equal logits, near 1 for a sharp diagonal', () => {
    const flat = tf.zeros([4, 4]) as tf.Tensor2D;
    const sharp = tf.mul(tf.eye(4), 50) as tf.Tensor2D;
    expectClose([take(diagonalShare(flat))], [0.25]);
    expect(take(diagonalShare(sharp))).toBeGreaterThan(0.999);
    tf.dispose([flat, sharp]);
  });

  it('leaves no tensor behind, forward or under tf.grads', () => {
    const a = randomMatrix(4, 3, 1);
    const b = randomMatrix(4, 3, 2);
    const s = tf.scalar(2);
    const f = (x: tf.Tensor, y: tf.Tensor, k: tf.Tensor) =>
      tf.tidy(() =>
        clipLoss(l2Normalize(x as tf.Tensor2D), l2Normalize(y as tf.Tensor2D), k as tf.Scalar),
      );
    f(a, b, s).dispose();
    expect(leakedBy(() => f(a, b, s))).toBe(0);
    expect(leakedBy(() => tf.grads(f)([a, b, s]))).toBe(0);
    tf.dispose([a, b, s]);
  });
});

describe('caption vocabulary', () => {
  const vocabulary = createCaptionVocabulary(['a', 'red', 'circle', 'picture', 'of', 'red']);

  it('maps known words to indices and lists the unknown ones once, in order', () => {
    expect(vocabulary.size).toBe(5);
    const encoded = vocabulary.encode('A RED Circle, a red… BLUE blue square!');
    expect(encoded.ids).toEqual([0, 1, 2, 0, 1]);
    expect(encoded.unknown).toEqual(['blue', 'square']);
    expect(encoded.words).toBe(8);
    expect(encoded.truncated).toBe(false);
  });

  it('never throws on hostile input', () => {
    expect(vocabulary.encode('')).toEqual({ ids: [], unknown: [], words: 0, truncated: false });
    const html = vocabulary.encode('<img src=x onerror=alert(1)>');
    expect(html.ids).toEqual([]);
    expect(html.unknown).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
    const emoji = vocabulary.encode('a 🔴 circle 🙂');
    expect(emoji.ids).toEqual([0, 2]);
    expect(emoji.unknown).toEqual(['🔴', '🙂']);
    const long = vocabulary.encode('red circle '.repeat(5000).slice(0, 10_000));
    expect(long.words).toBe(MAX_CAPTION_WORDS);
    expect(long.truncated).toBe(true);
    expect(long.unknown).toEqual([]);
  });

  it('makes mean-pooling rows; a text with no known word is a zero row', () => {
    const rows = bagOfWords([vocabulary.encode('a red red circle'), vocabulary.encode('??')], 5);
    expect(Array.from(rows)).toEqual([0.25, 0.5, 0.25, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('text encoder', () => {
  it('mean-pools word embeddings through its head, reproducibly from a seed', () => {
    const encoder = createTextEncoder({ vocabularySize: 5, width: 4, head: [6, 3], seed: 7 });
    const bag = tf.tensor2d(
      bagOfWords([{ ids: [1, 2], unknown: [], words: 2, truncated: false }], 5),
      [1, 5],
    );
    const first = encoder.project(bag).arraySync();
    expect(first[0]).toHaveLength(3);
    encoder.reinitialize(8);
    expect(encoder.project(bag).arraySync()).not.toEqual(first);
    encoder.reinitialize(7);
    expect(encoder.project(bag).arraySync()).toEqual(first);
    expect(() => encoder.project(tf.zeros([1, 4]) as tf.Tensor2D)).toThrow(/\[n, 5\]/);
    bag.dispose();
    encoder.dispose();
  });
});

/** A tiny captioned set: 8-px pictures whose colour is the caption's word. */
function tinyData(): ClipData {
  const words = ['a', 'red', 'green', 'blue', 'picture', 'of'];
  const size = 8;
  const pixels = size * size * 3;
  const picture = (colour: number, out: Float32Array, offset: number) => {
    for (let p = 0; p < size * size; p++) out[offset + 3 * p + colour] = 1;
  };
  const set = (count: number) => {
    const images = new Float32Array(count * pixels);
    const labels = new Int32Array(count);
    const captions: string[] = [];
    for (let i = 0; i < count; i++) {
      labels[i] = i % 3;
      picture(i % 3, images, i * pixels);
      captions.push(`a ${words[1 + (i % 3)]}`);
    }
    return { images, labels, captions, size, count };
  };
  const m = 6;
  const matches = new Uint8Array(m * m).map((_, k) => +(Math.floor(k / m) % 3 === (k % m) % 3));
  return {
    train: {
      size,
      count: 1000,
      render(index, out, offset) {
        picture(index % 3, out, offset);
        return `a picture of ${words[1 + (index % 3)]}`;
      },
    },
    heldOut: set(12),
    combos: set(6),
    classPrompts: ['red', 'green', 'blue'],
    comboPrompts: ['red', 'green', 'blue'],
    matches,
    words,
  };
}

describe('CLIP session', () => {
  const small = {
    cnn: { channels: [4, 4], head: [8, 4], readout: 'average' as const },
    text: { width: 4, head: [8, 4] },
    resolution: 4,
    batchSize: 4,
    lr: 0.01,
    displayCount: 3,
  };

  it('learns the log-scale from ln(1/0.07), keeps it in [0, ln 100], and fixes it when asked', async () => {
    const session = createClipSession({ ...small, data: tinyData(), seed: 1, lr: 0.05 });
    expectClose([(await session.temperature()).scale], [1 / 0.07], { rtol: 1e-5 });
    await session.run(200);
    const learned = (await session.temperature()).scale;
    expect(learned).not.toBeCloseTo(1 / 0.07, 2);
    expect(learned).toBeLessThanOrEqual(100 * (1 + 1e-5));
    session.update({ learnTemperature: false });
    expectClose([(await session.temperature()).scale], [1 / 0.07], { rtol: 1e-5 });
    session.reset();
    expect(session.steps).toBe(0);
    session.update({ learnTemperature: true });
    expectClose([(await session.temperature()).scale], [1 / 0.07], { rtol: 1e-5 });
    expect(() => session.update({ batchSize: 1 })).toThrow(/batchSize/);
    session.dispose();
  });

  it('reads out accuracies with their chance levels, the display logits, and retrieval', async () => {
    const session = createClipSession({ ...small, data: tinyData(), seed: 2 });
    expect(session.displayIndices).toEqual([0, 1, 2]);
    await session.run(150);
    const e = await session.evaluate();
    expect(e.zeroShot.chance).toBeCloseTo(1 / 3);
    expect(e.imageToText.chance).toBeCloseTo(1 / 3);
    for (const score of [e.zeroShot, e.combos, e.imageToText, e.textToImage]) {
      expect(score.accuracy).toBeGreaterThanOrEqual(0);
      expect(score.accuracy).toBeLessThanOrEqual(1);
    }
    // The three colours are trivially separable: the trained encoders get them all.
    expect(e.zeroShot.accuracy).toBe(1);
    const display = await session.display();
    expect(display.n).toBe(3);
    expect(display.logits).toHaveLength(9);
    // Above the 1/3 of chance (the training batches repeat colours, so the diagonal stays soft).
    expect(display.diagonalShare).toBeGreaterThan(0.5);
    const found = await session.retrieve('a picture of blue <b>thing</b> 🙂', 4);
    expect(found.unknown).toEqual(['b', 'thing', '🙂']);
    expect(found.known).toBe(4);
    expect(found.indices).toHaveLength(4);
    expect(found.indices[0]! % 3).toBe(2); // a blue picture first
    expect(found.scores[0]).toBeGreaterThanOrEqual(found.scores[3]!);
    const none = await session.retrieve('', 4);
    expect(none).toMatchObject({ indices: [], known: 0, words: 0 });
    session.dispose();
  });

  it('keeps the tensor count flat over 2,000 steps and frees everything on dispose', async () => {
    const before = tf.memory().numTensors - cachedConstantCount();
    const session = createClipSession({ ...small, data: tinyData(), seed: 3, readEvery: 50 });
    await session.run(10);
    await session.evaluate();
    await session.display();
    await session.retrieve('a red', 2);
    const count = tf.memory().numTensors;
    await session.run(2000);
    await session.evaluate();
    await session.display();
    await session.retrieve('a red', 2);
    expect(tf.memory().numTensors).toBe(count);
    session.dispose();
    // What remains is the cached constants (identities, convolution helpers) shared by all runs.
    expect(tf.memory().numTensors - cachedConstantCount()).toBe(before);
  });
});
