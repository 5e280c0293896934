// Triplet mining on a fixed 1-D batch whose squared distances can be checked by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { mineTriplets, squaredDistanceMatrix, type Triplets } from '../../src/core/mining';
import { createRng } from '../../src/core/rng';
import { tf } from '../../src/core/tf';
import { leakedBy, useCpu, values } from './helpers';

// Class A at 0, 1, 4.5; class B at 2, 6.5, 10.
const POSITIONS = [0, 1, 4.5, 2, 6.5, 10];
const LABELS = [0, 0, 0, 1, 1, 1];

function read(t: Triplets): number[][] {
  const rows = [values(t.anchor), values(t.positive), values(t.negative)];
  tf.dispose([t.anchor, t.positive, t.negative]);
  return rows;
}

describe('mineTriplets', () => {
  let batch: tf.Tensor2D;
  beforeAll(async () => {
    await useCpu();
    batch = tf.tensor2d(POSITIONS, [6, 1]);
  });

  it('squared distances', () => {
    const d = squaredDistanceMatrix(batch);
    expect(values(d).slice(0, 6)).toEqual([0, 1, 20.25, 4, 42.25, 100]);
    d.dispose();
  });

  it('hard (batch-hard): the farthest positive and the closest negative of each anchor', () => {
    const [anchor, positive, negative] = read(mineTriplets(batch, LABELS, 'hard'));
    expect(anchor).toEqual([0, 1, 2, 3, 4, 5]);
    // e.g. anchor 0 (at 0): positives at 1 and 4.5 → 2; negatives at 2, 6.5, 10 → 3.
    expect(positive).toEqual([2, 2, 0, 5, 3, 3]);
    // anchor 2 (at 4.5): negatives at 2 (6.25), 6.5 (4) and 10 → 4.
    expect(negative).toEqual([3, 3, 4, 1, 2, 2]);
  });

  it('semi-hard: every anchor–positive pair, the closest negative farther than the positive', () => {
    const [anchor, positive, negative] = read(mineTriplets(batch, LABELS, 'semi-hard'));
    expect(anchor).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(positive).toEqual([1, 2, 0, 2, 0, 1, 4, 5, 3, 5, 3, 4]);
    // (0,1): d_ap = 1, negatives at 4, 42.25, 100 → 3 (inside a margin of 3.5, a semi-hard one).
    // (1,0): d_ap = 1 and negative 3 is also at 1: not farther, so the next one, 4.
    // (3,4) and (3,5): every negative is closer than the positive → fallback, the farthest (2).
    expect(negative).toEqual([3, 4, 4, 4, 5, 5, 2, 2, 1, 1, 1, 2]);
  });

  it('random: a same-label positive and an other-label negative per anchor, fixed by the seed', () => {
    const first = read(mineTriplets(batch, LABELS, 'random', createRng(5)));
    expect(read(mineTriplets(batch, LABELS, 'random', createRng(5)))).toEqual(first);
    const [anchor, positive, negative] = first;
    expect(anchor).toEqual([0, 1, 2, 3, 4, 5]);
    anchor!.forEach((a, k) => {
      expect(positive![k]).not.toBe(a);
      expect(LABELS[positive![k]!]).toBe(LABELS[a]);
      expect(LABELS[negative![k]!]).not.toBe(LABELS[a]);
    });
  });

  it('skips anchors alone in their class', () => {
    const labels = [0, 0, 0, 1, 1, 2]; // sample 5 has no positive
    for (const strategy of ['random', 'semi-hard', 'hard'] as const) {
      const [anchor] = read(mineTriplets(batch, labels, strategy, createRng(1)));
      expect(anchor).not.toContain(5);
    }
  });

  it('rejects bad input and leaks nothing', () => {
    expect(() => mineTriplets(batch, [0, 1, 2, 3, 4, 5], 'hard')).toThrow(/No triplet/);
    expect(() => mineTriplets(batch, [0, 0, 0, 0, 0, 0], 'hard')).toThrow(/No triplet/);
    expect(() => mineTriplets(batch, LABELS, 'random')).toThrow(/rng/);
    expect(() => mineTriplets(batch, LABELS, 'easy' as never)).toThrow(/strategy/);
    expect(() => mineTriplets(batch, [0, 1], 'hard')).toThrow(/one label per row/);
    for (const strategy of ['semi-hard', 'hard'] as const) {
      expect(leakedBy(() => mineTriplets(batch, LABELS, strategy) as never)).toBe(0);
    }
  });
});
