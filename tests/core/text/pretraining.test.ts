// The two pretraining objectives on toy text: skip-gram puts words that occur together closer
// than words that never do, masked-word prediction learns to name a masked word from its
// context; both are seeded and leak no tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSentenceEncoder } from '../../../src/core/text/encoder';
import { createMaskedWordModel } from '../../../src/core/text/mlm';
import { createSkipgram } from '../../../src/core/text/skipgram';
import { tf } from '../../../src/core/tf';
import { leakedBy, useCpu } from '../helpers';

beforeAll(useCpu);

// Ids 0..5 form group A, 6..11 group B; every sentence draws its words from one group.
const sentences = Array.from({ length: 200 }, (_, s) =>
  Int32Array.from({ length: 6 }, (_, i) => (s % 2) * 6 + ((s * 7 + i * 5) % 6)),
);
const counts = Array.from({ length: 12 }, () => 100);

function cosineOf(v: number[][], a: number, b: number): number {
  const dot = v[a]!.reduce((s, x, k) => s + x * v[b]![k]!, 0);
  return dot / Math.hypot(...v[a]!) / Math.hypot(...v[b]!);
}

describe('createSkipgram', () => {
  function train(seed: number): number[][] {
    const model = createSkipgram({
      vocabularySize: 12,
      width: 8,
      counts,
      seed,
      negatives: 3,
      window: 2,
      subsample: 1,
    });
    const cursor = { sequence: 0, epoch: 0 };
    for (let i = 0; i < 60; i++) model.step(sentences, cursor, 128).dispose();
    const vectors = model.vectors();
    const values = vectors.arraySync();
    vectors.dispose();
    model.dispose();
    return values;
  }

  it('brings words that share contexts together and keeps the two groups apart', () => {
    const v = train(1);
    const within = [cosineOf(v, 0, 1), cosineOf(v, 2, 4), cosineOf(v, 6, 7), cosineOf(v, 8, 11)];
    const across = [cosineOf(v, 0, 6), cosineOf(v, 2, 9), cosineOf(v, 5, 11), cosineOf(v, 3, 7)];
    expect(Math.min(...within)).toBeGreaterThan(Math.max(...across));
  });

  it('is seeded and leaks no tensors', () => {
    expect(train(4)).toEqual(train(4));
    expect(leakedBy(() => train(2))).toBe(0);
  });
});

describe('createMaskedWordModel', () => {
  it('learns to name a masked word from its context, seeded, with no leaks', async () => {
    const encoder = createSentenceEncoder({ vocabularySize: 13, maxLength: 8, width: 16 }, 3);
    const model = createMaskedWordModel({
      encoder,
      maskId: 12,
      counts: [...counts, 0],
      negatives: 8,
      lr: 1e-2,
      seed: 5,
    });
    const batch = sentences.slice(0, 32).map((s) => Array.from(s));
    const first = await model.step(batch).data();
    let last = first;
    for (let i = 0; i < 40; i++) {
      const loss = model.step(batch);
      last = await loss.data();
      loss.dispose();
    }
    expect(last[0]).toBeLessThan(first[0]! * 0.8);
    expect(await model.accuracy()).toBeGreaterThan(0.3);
    const before = tf.memory().numTensors;
    model.step(batch).dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    encoder.dispose();
  });
});
