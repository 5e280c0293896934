// The benchmark workload: one full NT-Xent step per run, nothing left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  disposeCachedConstants,
  ntXentWorkload,
  simclrStepWorkload,
  type PairLoss,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { useCpu } from './helpers';

describe('ntXentWorkload', () => {
  beforeAll(useCpu);

  it('computes both gradients per run and leaks nothing', async () => {
    const seen: number[][] = [];
    const spy: PairLoss = (z1, z2, tau) => {
      seen.push([...z1.shape, ...z2.shape, tau]);
      return tf.sum(tf.mul(z1, z2));
    };
    const before = tf.memory().numTensors;
    const workload = ntXentWorkload(8, { d: 4, tau: 0.3, loss: spy });
    await workload.run();
    await workload.run();
    workload.dispose();
    expect(seen).toEqual([
      [8, 4, 8, 4, 0.3],
      [8, 4, 8, 4, 0.3],
    ]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs the library NT-Xent by default', async () => {
    const workload = ntXentWorkload(4, { d: 3 });
    await workload.run();
    const settled = tf.memory().numTensors; // cached constants now exist
    await workload.run();
    expect(tf.memory().numTensors).toBe(settled);
    workload.dispose();
  });

  it('rejects bad sizes', () => {
    expect(() => ntXentWorkload(1)).toThrow(/n must be an integer ≥ 2/);
    expect(() => ntXentWorkload(4, { tau: 0 })).toThrow(/tau/);
  });
});

describe('simclrStepWorkload', () => {
  beforeAll(useCpu);

  it('trains the chapter model a step per run and frees everything on dispose', async () => {
    disposeCachedConstants();
    const before = tf.memory().numTensors;
    const workload = simclrStepWorkload({ batchSize: 4, resolution: 4 });
    await workload.run();
    const settled = tf.memory().numTensors; // optimizer state and cached constants now exist
    await workload.run();
    await workload.run();
    expect(tf.memory().numTensors).toBe(settled);
    workload.dispose();
    disposeCachedConstants();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad settings', () => {
    expect(() => simclrStepWorkload({ batchSize: 1 })).toThrow(/batchSize/);
    expect(() => simclrStepWorkload({ tau: 0 })).toThrow(/tau/);
    expect(() => simclrStepWorkload({ lr: -1 })).toThrow(/lr/);
  });
});
