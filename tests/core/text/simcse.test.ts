// The SimCSE session: steps leak no tensors, a seed reproduces a run, reset returns to the
// untrained encoder, every mode and ablation trains, and bad settings fail clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimcseData } from '../../../src/core/text/data';
import {
  type SimcseOptions,
  type SimcseSession,
  createSimcseSession,
} from '../../../src/core/text/simcse';
import type { PassOptions } from '../../../src/core/text/encoder';
import { tf } from '../../../src/core/tf';
import { defaultSimcseData } from '../../../src/data/sentences';
import { useCpu } from '../helpers';
import { randomCheckpoint } from './random-checkpoint';

/** A small slice of the real data, so each session is quick to build and step. */
function smallData(): SimcseData {
  const full = defaultSimcseData();
  return {
    corpus: full.corpus.filter((_, i) => i % 20 === 0),
    triples: full.triples.slice(0, 24),
    pairs: full.pairs.filter((_, i) => i % 6 === 0),
    queries: full.queries.filter((_, i) => i % 40 === 0),
  };
}

const data = smallData();
const checkpoint = randomCheckpoint(data, 16);
const small = (options: Partial<SimcseOptions> = {}): SimcseSession =>
  createSimcseSession({ data, checkpoint, batchSize: 8, readEvery: 1, ...options });

beforeAll(useCpu);

describe('createSimcseSession', () => {
  let session: SimcseSession;
  beforeAll(() => {
    session = small();
  });
  afterAll(() => session.dispose());

  it('starts untrained, with a finite evaluation and a TF-IDF baseline', async () => {
    expect(session.steps).toBe(0);
    expect(await session.loss()).toBeNull();
    const metrics = await session.evaluate();
    for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true);
    expect(session.baselineSpearman).toBeGreaterThan(0);
  });

  it('steps without leaking tensors', async () => {
    session.step();
    await session.loss();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) session.step();
    expect(Number.isFinite((await session.loss())!)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(session.steps).toBe(4);
  });

  it('evaluates and searches without leaking tensors', async () => {
    await session.evaluate();
    await session.nearest('x');
    const before = tf.memory().numTensors;
    await session.evaluate();
    await session.nearest('a train to the coast');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('searches after a step without evaluating first (the corpus cache outlives its tidy)', async () => {
    const stepped = small({ seed: 5 });
    stepped.step();
    // The first search embeds the corpus again inside its own tf.tidy; the cache must survive it.
    await stepped.nearest('rain');
    expect(await stepped.nearest('a dog')).toHaveLength(5);
    expect(Number.isFinite((await stepped.evaluate()).anisotropy)).toBe(true);
    stepped.dispose();
  });

  it('returns the k nearest corpus sentences, most similar first, for any query', async () => {
    const neighbours = await session.nearest(data.corpus[3]!.text, 3);
    expect(neighbours).toHaveLength(3);
    expect(neighbours[0]!.text).toBe(data.corpus[3]!.text);
    expect(neighbours[0]!.cosine).toBeCloseTo(1, 5);
    for (let i = 1; i < 3; i++) {
      expect(neighbours[i]!.cosine).toBeLessThanOrEqual(neighbours[i - 1]!.cosine);
    }
    for (const query of ['', '🎉', 'مرحبا', 'x'.repeat(10_000)]) {
      const found = await session.nearest(query);
      expect(found).toHaveLength(5);
      for (const n of found) expect(Number.isFinite(n.cosine)).toBe(true);
    }
  });

  it('encodes with p = 0 identically whatever the seed, and with p > 0 with seeded masks', () => {
    const read = (pass: PassOptions) => {
      const z = session.encode(['a train to the coast', 'the cat sat on the mat'], pass);
      const values = Array.from(z.dataSync());
      z.dispose();
      return values;
    };
    expect(read({ dropout: 0, seed: 1 })).toEqual(read({ dropout: 0, seed: 2 }));
    expect(read({ dropout: 0.1, seed: 1 })).toEqual(read({ dropout: 0.1, seed: 1 }));
    expect(read({ dropout: 0.1, seed: 1 })).not.toEqual(read({ dropout: 0.1, seed: 2 }));
  });

  it('reset returns to the untrained weights of the seed', async () => {
    const fresh = small();
    const untrained = await fresh.evaluate();
    fresh.step();
    fresh.reset();
    expect(fresh.steps).toBe(0);
    expect(await fresh.evaluate()).toEqual(untrained);
    fresh.dispose();
  });
});

describe('SimCSE training', () => {
  /** The losses of `steps` steps of a fresh session. */
  async function losses(options: Partial<SimcseOptions>, steps = 2): Promise<number[]> {
    const session = small(options);
    const out: number[] = [];
    for (let i = 0; i < steps; i++) {
      session.step();
      out.push((await session.loss())!);
    }
    session.dispose();
    return out;
  }

  it('is reproducible: the same seed gives the same losses, another seed different ones', async () => {
    const a = await losses({ seed: 3 });
    expect(await losses({ seed: 3 })).toEqual(a);
    expect(await losses({ seed: 4 })).not.toEqual(a);
  });

  it('runs every mode and ablation to a finite loss', async () => {
    const settings: Partial<SimcseOptions>[] = [
      { mode: 'sup' },
      { ablation: 'same-mask' },
      { ablation: 'word-deletion', deletionRate: 0.2 },
      { dropout: 0 },
      { trainEmbeddings: true },
      { dropout: 0.5, tau: 0.5 },
    ];
    for (const options of settings) {
      for (const loss of await losses(options, 1)) expect(Number.isFinite(loss)).toBe(true);
    }
  });

  it('with the same mask on both passes has identical views, so the positive is exact', async () => {
    // Identical views put every positive at cosine 1, so the loss is below two-mask dropout's.
    const [sameMask] = await losses({ ablation: 'same-mask', dropout: 0.1, tau: 1 }, 1);
    const [dropout] = await losses({ dropout: 0.1, tau: 1 }, 1);
    expect(sameMask!).toBeLessThan(dropout!);
  });

  it('rejects bad settings with a clear message', () => {
    expect(() => small({ mode: 'semi' as never })).toThrow(/mode/);
    expect(() => small({ ablation: 'crop' as never })).toThrow(/ablation/);
    expect(() => small({ tau: 0 })).toThrow(/tau/);
    expect(() => small({ batchSize: 1 })).toThrow(/batchSize/);
    expect(() => small({ dropout: 1 })).toThrow(/dropout/);
    expect(() => small({ deletionRate: -1 })).toThrow(/deletionRate/);
  });
});
