import { describe, expect, it } from 'vitest';
import {
  CORPUS,
  TOPICS,
  corpusSentences,
  labelledSentences,
  nliTriples,
  normaliseSentence,
  stsPairs,
} from '../../src/data/sentences';

const words = (s: string): number => s.trim().split(/\s+/).length;

describe('normaliseSentence', () => {
  it('ignores case, punctuation, apostrophes, accents and spacing', () => {
    expect(normaliseSentence("  The Café's bowl!  ")).toBe('the cafes bowl');
    expect(normaliseSentence('Well-known, isn’t it?')).toBe('well known isnt it');
    expect(normaliseSentence('...')).toBe('');
  });
});

describe('training corpus', () => {
  const sentences = corpusSentences();

  it('has at least 1,000 sentences over at least 20 topics, each with 50 or more', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(1000);
    expect(TOPICS.length).toBeGreaterThanOrEqual(20);
    expect(CORPUS.map((g) => g.topic)).toEqual([...TOPICS]);
    for (const topic of TOPICS) expect(corpusSentences(topic).length).toBeGreaterThanOrEqual(50);
  });

  it('has no empty, padded, over-long or duplicate sentences', () => {
    const seen = new Set<string>();
    for (const s of sentences) {
      expect(s.trim()).toBe(s);
      expect(words(s)).toBeGreaterThanOrEqual(5);
      expect(words(s)).toBeLessThanOrEqual(25);
      const key = normaliseSentence(s);
      expect(seen.has(key), `duplicate: ${s}`).toBe(false);
      seen.add(key);
    }
  });

  it('labels every sentence with the topic it was written for', () => {
    const labelled = labelledSentences();
    expect(labelled.map((s) => s.text)).toEqual(sentences);
    expect(labelledSentences('chess').every((s) => s.topic === 'chess')).toBe(true);
  });
});

describe('NLI triples', () => {
  const triples = nliTriples();

  it('has at least 300 triples over every topic', () => {
    expect(triples.length).toBeGreaterThanOrEqual(300);
    for (const topic of TOPICS) expect(nliTriples(topic).length).toBeGreaterThan(0);
  });

  it('has three distinct, non-empty sentences in every triple and no repeated premise', () => {
    const premises = new Set<string>();
    for (const t of triples) {
      const parts = [t.premise, t.entailment, t.contradiction].map(normaliseSentence);
      for (const p of parts) expect(p.length).toBeGreaterThan(0);
      expect(new Set(parts).size, `not distinct: ${t.premise}`).toBe(3);
      expect(premises.has(parts[0]!), `repeated premise: ${t.premise}`).toBe(false);
      premises.add(parts[0]!);
    }
  });
});

describe('STS evaluation pairs', () => {
  const pairs = stsPairs();

  it('has at least 150 pairs with scores in [0, 5]', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    for (const p of pairs) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(5);
    }
  });

  it('spreads scores evenly over the five bands, with integer and fractional scores', () => {
    const bands = [0, 0, 0, 0, 0];
    for (const p of pairs) bands[Math.min(4, Math.floor(p.score))]! += 1;
    const expected = pairs.length / 5;
    for (const n of bands) {
      expect(n).toBeGreaterThanOrEqual(0.8 * expected);
      expect(n).toBeLessThanOrEqual(1.2 * expected);
    }
    for (const s of [0, 1, 2, 3, 4, 5]) expect(pairs.some((p) => p.score === s)).toBe(true);
    expect(pairs.some((p) => !Number.isInteger(p.score))).toBe(true);
  });

  it('pairs two different sentences and never repeats a sentence', () => {
    const seen = new Set<string>();
    for (const p of pairs) {
      const a = normaliseSentence(p.a);
      const b = normaliseSentence(p.b);
      expect(a).not.toBe(b);
      for (const s of [a, b]) {
        expect(s.length).toBeGreaterThan(0);
        expect(seen.has(s), `repeated: ${s}`).toBe(false);
        seen.add(s);
      }
    }
  });

  it('is disjoint from every training sentence after normalisation', () => {
    const training = new Set(
      [
        ...corpusSentences(),
        ...nliTriples().flatMap((t) => [t.premise, t.entailment, t.contradiction]),
      ].map(normaliseSentence),
    );
    const leaked = pairs
      .flatMap((p) => [p.a, p.b])
      .filter((s) => training.has(normaliseSentence(s)));
    expect(leaked).toEqual([]);
  });

  it('has no near-duplicate of a training sentence (word overlap above 60%)', () => {
    const bag = (s: string): Set<string> => new Set(normaliseSentence(s).split(' '));
    const jaccard = (x: Set<string>, y: Set<string>): number => {
      const shared = [...x].filter((w) => y.has(w)).length;
      return shared / (x.size + y.size - shared);
    };
    const training = [
      ...corpusSentences(),
      ...nliTriples().flatMap((t) => [t.premise, t.entailment, t.contradiction]),
    ].map((s) => ({ s, words: bag(s) }));
    const close: string[] = [];
    for (const e of pairs.flatMap((p) => [p.a, p.b])) {
      const words = bag(e);
      for (const t of training) if (jaccard(words, t.words) > 0.6) close.push(`${e} ~ ${t.s}`);
    }
    expect(close).toEqual([]);
  });

  it('returns a copy, so callers cannot corrupt the set', () => {
    const first = stsPairs();
    first.length = 0;
    expect(stsPairs().length).toBe(pairs.length);
  });
});
