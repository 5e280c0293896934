// STS evaluation, anisotropy, the TF-IDF baseline and word deletion, on hand-made inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { deleteWords } from '../../../src/core/text/augment';
import { tfidfEncoder } from '../../../src/core/text/baseline';
import {
  anisotropy,
  cosine,
  evaluateSts,
  randomDistinctPairs,
  topicAgreement,
} from '../../../src/core/text/metrics';
import { tf } from '../../../src/core/tf';
import { leakedBy, take, useCpu } from '../helpers';

beforeAll(useCpu);

describe('evaluateSts', () => {
  const pairs = [
    { a: 'x', b: 'x', score: 5 },
    { a: 'x', b: 'y', score: 2 },
    { a: 'x', b: 'z', score: 0 },
  ];
  const vectors: Record<string, number[]> = { x: [1, 0], y: [1, 1], z: [0, 1] };

  it('is Spearman of the pair cosines against the gold scores', () => {
    const result = evaluateSts((s) => s.map((t) => vectors[t]!), pairs);
    expect(result.cosines.map((c) => +c.toFixed(6))).toEqual([1, +Math.SQRT1_2.toFixed(6), 0]);
    expect(result.spearman).toBeCloseTo(1, 12);
    // z moved next to x: cosines rank [3, 1, 2] against gold ranks [3, 2, 1], so ρ = 1/2.
    const moved: Record<string, number[]> = { ...vectors, z: [1, 0.1] };
    expect(evaluateSts((s) => s.map((t) => moved[t]!), pairs).spearman).toBeCloseTo(0.5, 12);
  });

  it('cosine of a zero vector is 0, not NaN', () => {
    expect(cosine([0, 0], [1, 2])).toBe(0);
  });
});

describe('anisotropy', () => {
  it('is 1 when every embedding points the same way and about 0 for an orthonormal set', () => {
    const same = tf.tensor2d([1, 2, 2, 4, 3, 6], [3, 2]);
    expect(take(anisotropy(same, createRng(1), 50))).toBeCloseTo(1, 5);
    const basis = tf.eye(8) as tf.Tensor2D;
    expect(take(anisotropy(basis, createRng(1), 50))).toBeCloseTo(0, 6);
    expect(leakedBy(() => anisotropy(basis, createRng(1), 50))).toBe(0);
    tf.dispose([same, basis]);
  });

  it('draws distinct pairs only', () => {
    const [first, second] = randomDistinctPairs(3, 500, createRng(4));
    for (let k = 0; k < 500; k++) expect(first[k]).not.toBe(second[k]);
    expect(new Set(first).size).toBe(3);
    expect(() => randomDistinctPairs(1, 5, createRng(4))).toThrow(/n must be/);
  });
});

describe('tfidfEncoder', () => {
  const encode = tfidfEncoder(['the cat sat', 'the dog sat', 'the cat ran', 'a bird flew']);

  it('scores identical sentences 1 and sentences with no shared word 0', () => {
    const [a, b, c] = encode(['The cat sat.', 'the cat sat', 'a bird flew']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 12);
    expect(cosine(a!, c!)).toBe(0);
  });

  it('weights rare shared words above common ones', () => {
    // "the" is in three documents, "cat" in two: sharing "cat" counts for more.
    const [base, sharesCat, sharesThe] = encode(['the cat', 'cat dog', 'the dog']);
    expect(cosine(base!, sharesCat!)).toBeGreaterThan(cosine(base!, sharesThe!));
  });
});

describe('deleteWords', () => {
  it('is the identity at rate 0 and keeps at least one word', () => {
    expect(deleteWords([4, 5, 6], 0, createRng(1))).toEqual([4, 5, 6]);
    for (let seed = 0; seed < 20; seed++) {
      expect(deleteWords([4, 5, 6], 0.99, createRng(seed)).length).toBeGreaterThanOrEqual(1);
    }
    expect(deleteWords([], 0.5, createRng(1))).toEqual([]);
  });

  it('is reproducible per seed and deletes about `rate` of the words', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i);
    const kept = deleteWords(ids, 0.1, createRng(9));
    expect(deleteWords(ids, 0.1, createRng(9))).toEqual(kept);
    expect(kept.length / ids.length).toBeGreaterThan(0.87);
    expect(kept.length / ids.length).toBeLessThan(0.93);
    expect(() => deleteWords(ids, 1, createRng(9))).toThrow(/rate/);
  });
});

describe('topicAgreement', () => {
  it('is the mean share of each query’s k most similar corpus items that share its topic', () => {
    // Query 0 (topic a): top 2 are items 1 (a) and 3 (b). Query 1 (topic b): items 2 (b) and 0 (a).
    const cosines = [0.1, 0.9, 0.2, 0.8, 0.7, 0.0, 0.95, 0.1];
    const value = topicAgreement(cosines, ['a', 'b'], ['a', 'a', 'b', 'b'], 2);
    expect(value).toBeCloseTo((1 / 2 + 1 / 2) / 2, 12);
    expect(topicAgreement(cosines, ['a', 'b'], ['a', 'a', 'b', 'b'], 1)).toBeCloseTo(
      (1 + 1) / 2,
      12,
    );
  });

  it('refuses a matrix of the wrong size and returns 0 for no queries', () => {
    expect(() => topicAgreement([1, 2, 3], ['a'], ['a', 'b'], 1)).toThrow(/3 entries for 1×2/);
    expect(topicAgreement([], [], ['a'], 1)).toBe(0);
  });
});
