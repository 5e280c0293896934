// The in-browser benchmark helper: sensible numbers, bounded repetitions, no leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkNtXent } from '../../src/core';
import { tf } from '../../src/core/tf';
import { useCpu } from './helpers';

describe('benchmarkNtXent', () => {
  beforeAll(useCpu);

  it('times a few steps and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    // A budget far above five tiny steps: the repetition cap decides.
    const result = await benchmarkNtXent(8, { d: 4, budgetMs: 5000, maxReps: 5 });
    expect(result.reps).toBe(5);
    expect(result.minMs).toBeGreaterThan(0);
    expect(result.medianMs).toBeGreaterThanOrEqual(result.minMs);
    // Cached NT-Xent constants for this size may remain; nothing else does.
    expect(tf.memory().numTensors - before).toBeLessThanOrEqual(4);
    const settled = tf.memory().numTensors;
    await benchmarkNtXent(8, { d: 4, budgetMs: 20, maxReps: 3 });
    expect(tf.memory().numTensors).toBe(settled);
  });

  it('rejects bad sizes', async () => {
    await expect(benchmarkNtXent(1)).rejects.toThrow(/n must be an integer ≥ 2/);
    await expect(benchmarkNtXent(4, { maxReps: 0 })).rejects.toThrow(/maxReps/);
  });
});
