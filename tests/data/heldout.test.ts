import { describe, expect, it } from 'vitest';
import {
  TOPICS,
  corpusSentences,
  heldoutPairs,
  nliTriples,
  normaliseSentence,
  stsPairs,
} from '../../src/data/sentences';

const pairs = heldoutPairs();
const bag = (s: string): Set<string> => new Set(normaliseSentence(s).split(' '));
const jaccard = (x: Set<string>, y: Set<string>): number => {
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
};
const BANDS = [0, 1, 2, 3, 4] as const;
const band = (score: number) => Math.min(4, Math.floor(score));

describe('held-out STS pairs', () => {
  it('has at least 400 pairs, scores on the 0–5 scale', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(400);
    for (const p of pairs) {
      expect(p.score, `${p.a} / ${p.b}`).toBeGreaterThanOrEqual(0);
      expect(p.score, `${p.a} / ${p.b}`).toBeLessThanOrEqual(5);
    }
  });

  it('labels every sentence with a corpus topic; pairs scored 1 or more share it', () => {
    for (const p of pairs) {
      expect(TOPICS).toContain(p.topicA);
      expect(TOPICS).toContain(p.topicB);
      if (p.score >= 1) expect(p.topicB, `${p.a} / ${p.b}`).toBe(p.topicA);
    }
  });

  it('covers every topic in every score band', () => {
    const missing: string[] = [];
    for (const topic of TOPICS) {
      for (const b of BANDS) {
        const n = pairs.filter((p) => p.topicA === topic && band(p.score) === b).length;
        if (n < 3) missing.push(`${topic} band ${b}: ${n}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('repeats no sentence and shares none with training or development data', () => {
    const other = new Set(
      [
        ...corpusSentences(),
        ...nliTriples().flatMap((t) => [t.premise, t.entailment, t.contradiction]),
        ...stsPairs().flatMap((p) => [p.a, p.b]),
      ].map(normaliseSentence),
    );
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const s of pairs.flatMap((p) => [p.a, p.b])) {
      const n = normaliseSentence(s);
      if (seen.has(n)) problems.push(`repeated: ${s}`);
      if (other.has(n)) problems.push(`in training or development data: ${s}`);
      seen.add(n);
    }
    expect(problems).toEqual([]);
  });

  it('has no near-duplicate of a training or development sentence (word overlap above 60%)', () => {
    const other = [
      ...corpusSentences(),
      ...nliTriples().flatMap((t) => [t.premise, t.entailment, t.contradiction]),
      ...stsPairs().flatMap((p) => [p.a, p.b]),
    ].map((s) => ({ s, words: bag(s) }));
    const close: string[] = [];
    for (const e of pairs.flatMap((p) => [p.a, p.b])) {
      const words = bag(e);
      for (const t of other) if (jaccard(words, t.words) > 0.6) close.push(`${e} ~ ${t.s}`);
    }
    expect(close).toEqual([]);
  });
});
