// The SimCLR session: seeded and reproducible, flat tensor count over 2,000 steps, parameters that
// change between steps, reset to the random-init baseline, read-outs, and the S² projection.
import { beforeAll, describe, expect, it } from 'vitest';
import { SIMCLR_AUGMENT } from '../../src/core/augment';
import {
  createSimclrSession,
  projectToSphere,
  type SimclrData,
  type SimclrOptions,
} from '../../src/core/simclr';
import { tf } from '../../src/core/tf';
import { generateShapes } from '../../src/data/shapes';
import { useCpu } from './helpers';

/** A tiny data set and network, so thousands of steps fit in a unit test. */
function tinyData(): SimclrData {
  return {
    train: generateShapes({ count: 40, seed: 1, size: 16, supersample: 1 }),
    heldOut: generateShapes({ count: 40, seed: 2, size: 16, supersample: 1 }),
  };
}
const tiny = (data: SimclrData, extra: Partial<SimclrOptions> = {}): SimclrOptions => ({
  data,
  resolution: 8,
  batchSize: 4,
  k: 3,
  cnn: { channels: [4, 8], head: [8, 4] },
  readEvery: 5,
  ...extra,
});

describe('createSimclrSession', () => {
  beforeAll(useCpu);
  const data = tinyData();

  it('gives the same losses and read-outs for the same seed, different ones for another', async () => {
    const run = async (seed: number) => {
      const session = createSimclrSession(tiny(data, { seed }));
      const readings = await session.run(10);
      const evaluation = await session.evaluate({ probe: true });
      session.dispose();
      return { losses: readings.map((r) => r.loss), evaluation };
    };
    const a = await run(3);
    expect(a.losses).toHaveLength(2);
    expect(a.losses.every(Number.isFinite)).toBe(true);
    expect(await run(3)).toEqual(a);
    expect((await run(4)).losses).not.toEqual(a.losses);
  });

  it('keeps the tensor count flat over 2,000 steps, through updates and a reset', async () => {
    const session = createSimclrSession(tiny(data, { seed: 1 }));
    await session.run(5); // builds NT-Xent's cached constants for this batch size
    const flat = tf.memory().numTensors;
    for (let chunk = 0; chunk < 20; chunk++) {
      await session.run(100);
      expect(tf.memory().numTensors).toBe(flat);
    }
    expect(session.steps).toBe(2005);
    session.update({ tau: 0.5, lr: 0.01, augment: { ...SIMCLR_AUGMENT, crop: false } });
    await session.run(10);
    const afterUpdate = tf.memory().numTensors; // + NT-Xent's cached constant for the new τ
    expect(afterUpdate - flat).toBeLessThanOrEqual(1);
    await session.evaluate({ probe: true });
    await session.baseline();
    await session.embedding();
    session.reset(2);
    expect(session.steps).toBe(0);
    await session.run(5);
    expect(tf.memory().numTensors).toBe(afterUpdate);
    const before = tf.memory().numTensors;
    session.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 300_000);

  it('reset returns to the random-init weights of the seed, whose read-out is the baseline', async () => {
    const session = createSimclrSession(tiny(data, { seed: 5 }));
    const baseline = await session.baseline({ probe: true });
    expect(await session.evaluate({ probe: true })).toEqual(baseline);
    await session.run(20);
    session.reset();
    expect(await session.evaluate({ probe: true })).toEqual(baseline);
    expect(await session.baseline({ probe: true })).toBe(await session.baseline({ probe: true }));
    session.dispose();
  });

  it('changes τ, batch size and learning rate between steps, and rejects bad values', async () => {
    const session = createSimclrSession(tiny(data));
    session.update({ tau: 0.05, batchSize: 8, lr: 0.02 });
    expect(session.params).toMatchObject({ tau: 0.05, batchSize: 8, lr: 0.02 });
    await session.run(5);
    expect(session.latest?.step).toBe(5);
    expect(() => session.update({ tau: 0 })).toThrow(/tau/);
    expect(() => session.update({ batchSize: 1 })).toThrow(/batchSize/);
    expect(() => session.update({ augment: { ...SIMCLR_AUGMENT, strength: -1 } })).toThrow(
      /strength/,
    );
    expect(() => session.update({ augment: { ...SIMCLR_AUGMENT, minCropArea: 2 } })).toThrow(
      /minCropArea/,
    );
    expect(session.params.tau).toBe(0.05);
    session.dispose();
  });

  it('places every held-out image on S², coloured by its class', async () => {
    const session = createSimclrSession(tiny(data));
    const { points, labels } = await session.embedding();
    expect(points).toHaveLength(3 * 40);
    expect(Array.from(labels)).toEqual(Array.from(data.heldOut.labels));
    for (let i = 0; i < 40; i++) {
      expect(Math.hypot(points[3 * i]!, points[3 * i + 1]!, points[3 * i + 2]!)).toBeCloseTo(1, 5);
    }
    session.dispose();
  });

  it('rejects a resolution that does not divide the image side', () => {
    expect(() => createSimclrSession(tiny(data, { resolution: 5 }))).toThrow(/resolution/);
  });
});

describe('projectToSphere', () => {
  it('uses the principal directions and keeps their signs from the previous call', () => {
    // Points spread mostly along axis 0, then 1, then 2, in R^4.
    const rows = new Float32Array(4 * 8);
    for (let i = 0; i < 8; i++) {
      rows.set([(i - 3.5) * 4, Math.sin(i) * 2, Math.cos(i * 1.3), 0.01 * i], 4 * i);
    }
    const first = projectToSphere(rows, 4);
    expect(Math.abs(first.directions[0]!)).toBeCloseTo(1, 2);
    const flipped = first.directions.map((v) => -v);
    const second = projectToSphere(rows, 4, flipped);
    expect(second.directions[0]! * first.directions[0]!).toBeLessThan(0);
    expect(second.points[0]).toBeCloseTo(-first.points[0]!, 5);
  });
});
