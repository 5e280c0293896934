// The sentence encoder: seeded weights, seeded dropout masks (same seed ⇒ same mask, p = 0 ⇒ the
// identity), finite output for hostile input, and no tensor leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PassOptions, createSentenceEncoder } from '../../../src/core/text/encoder';
import { buildVocabulary } from '../../../src/core/text/vocabulary';
import { tf } from '../../../src/core/tf';
import { leakedBy, useCpu } from '../helpers';

const vocabulary = buildVocabulary(
  ['the cat sat on the mat', 'a dog ran in the park', 'rain fell all day'],
  { maxLength: 16 },
);
const SENTENCES = ['the cat sat', 'a dog ran in the rain', 'zebra on the mat'];
const batch = vocabulary.encodeBatch(SENTENCES);
const encoder = createSentenceEncoder(
  { vocabularySize: vocabulary.size, maxLength: vocabulary.maxLength, width: 16, heads: 2 },
  7,
);

/** Encodes and reads back, freeing the tensor. */
function run(pass?: PassOptions, texts = SENTENCES): Float32Array {
  const out = encoder.encode(texts === SENTENCES ? batch : vocabulary.encodeBatch(texts), pass);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

beforeAll(useCpu);
afterAll(() => encoder.dispose());

describe('createSentenceEncoder', () => {
  it('embeds each sentence into a width-sized vector', () => {
    const out = encoder.encode(batch);
    expect(out.shape).toEqual([3, 16]);
    out.dispose();
  });

  it('draws the same weights from the same seed, and reinitialize(seed) restores them', () => {
    const twin = createSentenceEncoder(
      { vocabularySize: vocabulary.size, maxLength: vocabulary.maxLength, width: 16, heads: 2 },
      7,
    );
    const a = twin.encode(batch);
    expect(Array.from(a.dataSync())).toEqual(Array.from(run()));
    twin.reinitialize(8);
    const b = twin.encode(batch);
    expect(Array.from(b.dataSync())).not.toEqual(Array.from(run()));
    twin.reinitialize(7);
    const c = twin.encode(batch);
    expect(Array.from(c.dataSync())).toEqual(Array.from(run()));
    tf.dispose([a, b, c]);
    twin.dispose();
  });

  it('with p = 0 is deterministic: two passes give identical embeddings, whatever the seed', () => {
    expect(Array.from(run({ dropout: 0, seed: 1 }))).toEqual(
      Array.from(run({ dropout: 0, seed: 2 })),
    );
    expect(Array.from(run({ dropout: 0 }))).toEqual(Array.from(run()));
  });

  it('uses the same dropout mask for the same seed and a different one for another seed', () => {
    const first = Array.from(run({ dropout: 0.3, seed: 11 }));
    expect(Array.from(run({ dropout: 0.3, seed: 11 }))).toEqual(first);
    expect(Array.from(run({ dropout: 0.3, seed: 12 }))).not.toEqual(first);
    expect(first).not.toEqual(Array.from(run()));
  });

  it('starts named weights from pretrained values, keeps them on reinitialize, and checks shapes', () => {
    const sizes = { vocabularySize: vocabulary.size, maxLength: vocabulary.maxLength, width: 16 };
    const tokens = Float32Array.from({ length: vocabulary.size * 16 }, (_, i) => Math.cos(i));
    const pretrained = createSentenceEncoder(sizes, 7, {
      tokens: { shape: [vocabulary.size, 16], values: tokens },
    });
    const table = () =>
      Array.from(pretrained.variables[pretrained.names.indexOf('tokens')]!.dataSync());
    expect(pretrained.names[0]).toBe('tokens');
    expect(table()).toEqual(Array.from(tokens));
    // Other weights still come from the seed: the same as a fully random encoder of seed 7.
    const query = pretrained.names.indexOf('query');
    expect(Array.from(pretrained.variables[query]!.dataSync())).toEqual(
      Array.from(encoder.variables[query]!.dataSync()),
    );
    pretrained.reinitialize(9);
    expect(table()).toEqual(Array.from(tokens));
    pretrained.dispose();
    expect(() =>
      createSentenceEncoder(sizes, 1, { tokens: { shape: [3, 16], values: new Float32Array(48) } }),
    ).toThrow(/pretrained "tokens" is \[3, 16\]/);
    expect(() =>
      createSentenceEncoder(sizes, 1, { bogus: { shape: [1], values: new Float32Array(1) } }),
    ).toThrow(/no weight named "bogus"/);
  });

  it('gives every position a state before pooling, and pools real tokens only', () => {
    const states = encoder.encodeTokens(batch);
    expect(states.shape).toEqual([batch.rows * batch.length, 16]);
    const values = states.arraySync();
    states.dispose();
    const pooled = run();
    for (let row = 0; row < batch.rows; row++) {
      const real = Array.from({ length: batch.length }, (_, i) => i).filter(
        (i) => batch.mask[row * batch.length + i] === 1,
      );
      for (let k = 0; k < 16; k++) {
        const mean =
          real.reduce((sum, i) => sum + values[row * batch.length + i]![k]!, 0) / real.length;
        expect(pooled[row * 16 + k]).toBeCloseTo(mean, 5);
      }
    }
  });

  it('gives finite output for empty, huge, emoji and right-to-left input', () => {
    const hostile = ['', 'word '.repeat(2000), '🎉🎉 ⚽', 'مرحبا بالعالم', '<b>x</b>'];
    const values = run({ dropout: 0.1, seed: 3 }, hostile);
    expect(values.every(Number.isFinite)).toBe(true);
    // The empty sentence has no tokens to average: it is the zero vector.
    expect(Array.from(values.slice(0, 16))).toEqual(new Array(16).fill(0));
  });

  it('leaks no tensors, with and without dropout', () => {
    run({ dropout: 0.1, seed: 1 });
    expect(leakedBy(() => encoder.encode(batch, { dropout: 0.1, seed: 5 }))).toBe(0);
    expect(leakedBy(() => encoder.encode(batch))).toBe(0);
  });

  it('has gradients for every variable, and their computation leaks nothing', () => {
    const loss = () => tf.sum(tf.square(encoder.encode(batch, { dropout: 0.1, seed: 2 })));
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(loss as () => tf.Scalar, [...encoder.variables]);
    expect(Object.keys(grads)).toHaveLength(encoder.variables.length);
    for (const g of Object.values(grads)) expect(g.dataSync().every(Number.isFinite)).toBe(true);
    tf.dispose([value, grads]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad settings with a clear message', () => {
    expect(() => encoder.encode(batch, { dropout: 1 })).toThrow(/dropout/);
    expect(() => encoder.encode(batch, { dropout: -0.1 })).toThrow(/dropout/);
    expect(() => encoder.encode(batch, { seed: 0.5 })).toThrow(/seed/);
    expect(() =>
      createSentenceEncoder({ vocabularySize: 10, maxLength: 4, width: 15, heads: 2 }),
    ).toThrow(/heads/);
  });
});
