// MoCo's pieces: the key queue (first in, first out, in place), the momentum update, and the
// session that ties them to the Trainer — no gradient reaches the key encoder, the keys enter the
// queue after each step, and the tensor count stays flat over 2,000 steps with a full queue.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  copyVariables,
  createKeyQueue,
  createMocoSession,
  meanByAge,
  momentumUpdate,
  parameterLag,
  type MocoSession,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { generateShapes, renderShape } from '../../src/data/shapes/generate';
import { expectClose, useCpu } from './helpers';

beforeAll(useCpu);

const rows = (t: tf.Tensor) =>
  (t.arraySync() as number[][]).map((r) => r.map((v) => +v.toFixed(6)));

describe('key queue', () => {
  it('puts the newest keys first, drops the oldest, and reports their ages', () => {
    const queue = createKeyQueue(5, 2, 3);
    const start = rows(queue.keys);
    for (const r of start) expect(Math.hypot(...r)).toBeCloseTo(1, 5);
    expect(queue.ages(0)).toEqual({ real: 0, oldest: 0, mean: 0 });
    const a = tf.tensor2d([
      [1, 0],
      [2, 0],
    ]);
    const b = tf.tensor2d([
      [3, 0],
      [4, 0],
    ]);
    queue.enqueue(a, 1);
    expect(rows(queue.keys)).toEqual([[1, 0], [2, 0], ...start.slice(0, 3)]);
    queue.enqueue(b, 2);
    expect(rows(queue.keys)).toEqual([[3, 0], [4, 0], [1, 0], [2, 0], start[0]]);
    expect(queue.ages(4)).toEqual({ real: 4, oldest: 3, mean: 2.5 });
    expect(Array.from(queue.rowAges(4))).toEqual([2, 2, 3, 3, Number.NaN]);
    queue.enqueue(b, 3);
    expect(rows(queue.keys)).toEqual([
      [3, 0],
      [4, 0],
      [3, 0],
      [4, 0],
      [1, 0],
    ]);
    expect(queue.ages(3)).toEqual({ real: 5, oldest: 2, mean: 0.8 });
    queue.reset(3);
    expect(rows(queue.keys)).toEqual(start);
    expect(queue.ages(3).real).toBe(0);
    tf.dispose([a, b]);
    queue.dispose();
  });

  it('at the figure’s defaults (K = 4,096, N = 16) is full after 256 steps, its oldest key 255 steps old', () => {
    const queue = createKeyQueue(4096, 2);
    const keys = tf.ones([16, 2]) as tf.Tensor2D;
    for (let step = 1; step <= 255; step++) queue.enqueue(keys, step);
    expect(queue.ages(255)).toMatchObject({ real: 4080, oldest: 254 });
    for (let step = 256; step <= 300; step++) {
      queue.enqueue(keys, step);
      expect(queue.ages(step)).toMatchObject({ real: 4096, oldest: 255 });
    }
    keys.dispose();
    queue.dispose();
  });

  it('keeps only the first K of a batch larger than the queue, and checks the width', () => {
    const queue = createKeyQueue(2, 2);
    const big = tf.tensor2d([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    queue.enqueue(big, 1);
    expect(rows(queue.keys)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const wide = tf.zeros([1, 3]) as tf.Tensor2D;
    expect(() => queue.enqueue(wide, 2)).toThrow(/keys must be \[n, 2\]/);
    expect(() => createKeyQueue(0, 2)).toThrow(/capacity/);
    tf.dispose([big, wide]);
    queue.dispose();
    expect(() => queue.keys).toThrow(/disposed/);
  });

  it('allocates nothing per enqueue, and frees everything on dispose', () => {
    const start = tf.memory().numTensors;
    const queue = createKeyQueue(64, 4);
    const keys = tf.ones([8, 4]) as tf.Tensor2D;
    queue.enqueue(keys, 1);
    const count = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let step = 2; step < 200; step++) queue.enqueue(keys, step);
    expect(tf.memory().numTensors).toBe(count);
    expect(tf.memory().numBytes).toBe(bytes);
    keys.dispose();
    queue.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('meanByAge', () => {
  it('averages the values of each age, ages ascending, random rows left out', () => {
    const profile = meanByAge([0.5, 0.3, -0.2, 0.1, 9], [1, 1, 3, 2, Number.NaN]);
    expect(Array.from(profile.ages)).toEqual([1, 2, 3]);
    expectClose(Array.from(profile.cosines), [0.4, 0.1, -0.2], { atol: 1e-7 });
    expect(meanByAge([], []).ages.length).toBe(0);
    expect(() => meanByAge([1], [])).toThrow(/1 values for 0 ages/);
  });
});

describe('momentum update', () => {
  it('moves θ_k to m·θ_k + (1 − m)·θ_q, copies at m = 0, and measures the lag', () => {
    const k = [tf.variable(tf.tensor1d([0, 10])), tf.variable(tf.tensor2d([[1]]))];
    const q = [tf.variable(tf.tensor1d([1, 0])), tf.variable(tf.tensor2d([[3]]))];
    const lag = parameterLag(k, q);
    expectClose(lag.dataSync(), [Math.sqrt(1 + 100 + 4) / Math.sqrt(1 + 9)]);
    momentumUpdate(k, q, 0.9);
    expectClose(k[0]!.dataSync(), [0.1, 9]);
    expectClose(k[1]!.dataSync(), [1.2]);
    expectClose(q[0]!.dataSync(), [1, 0]);
    copyVariables(k, q);
    expectClose(k[0]!.dataSync(), [1, 0]);
    const zero = parameterLag(k, q);
    expect(zero.dataSync()[0]).toBe(0);
    expect(() => momentumUpdate(k, q, 1)).toThrow(/\[0, 1\)/);
    expect(() => momentumUpdate(k, q, -0.1)).toThrow(/\[0, 1\)/);
    expect(() => momentumUpdate(k.slice(1), q, 0.5)).toThrow(/same variables/);
    expect(() => momentumUpdate([q[1]!, q[0]!], q, 0.5)).toThrow(/differ/);
    tf.dispose([...k, ...q, lag, zero]);
  });
});

describe('MoCo session', () => {
  // A tiny run: 64 training pictures of 8 px, a one-layer encoder, 24 held-out pictures.
  const shapes = generateShapes({ count: 88, seed: 5, size: 8, supersample: 1 });
  const pixels = 8 * 8 * 3;
  const part = (start: number, count: number) => ({
    ...shapes,
    images: shapes.images.subarray(start * pixels, (start + count) * pixels),
    labels: shapes.labels.subarray(start, start + count),
    count,
  });
  const data = { train: part(0, 64), heldOut: part(64, 24) };
  const tiny = (options: Partial<Parameters<typeof createMocoSession>[0]> = {}): MocoSession =>
    createMocoSession({
      data,
      resolution: 8,
      k: 3,
      cnn: { channels: [4], head: [8, 4] },
      batchSize: 8,
      queueSize: 32,
      momentum: 0.9,
      seed: 2,
      readEvery: 1,
      ...options,
    });
  const read = (vs: readonly tf.Variable[]) => vs.map((v) => Array.from(v.dataSync()));

  it('trains only the query encoder; the key encoder follows it by the momentum update', () => {
    const session = tiny();
    expect(read(session.keyModel.variables)).toEqual(read(session.model.variables));
    const before = read(session.keyModel.variables);
    session.step();
    const query = read(session.model.variables);
    expect(query).not.toEqual(before);
    read(session.keyModel.variables).forEach((k, i) =>
      expectClose(
        k,
        before[i]!.map((b, j) => 0.9 * b + 0.1 * query[i]![j]!),
        { atol: 1e-7, rtol: 1e-6 },
      ),
    );
    session.dispose();
  });

  it('enqueues each step’s N keys as unit vectors, and ages them', async () => {
    const session = tiny();
    await session.run(3);
    expect(session.queueAges()).toEqual({ real: 24, oldest: 2, mean: 1 });
    const norms = tf.tidy(() => tf.norm(session.queue!.keys, 'euclidean', 1).dataSync());
    for (const n of norms) expect(n).toBeCloseTo(1, 5);
    await session.run(2);
    expect(session.queueAges()).toMatchObject({ real: 32, oldest: 3 });
    const lag = await session.lag();
    expect(lag.representation).toBeGreaterThan(0);
    expect(lag.parameters).toBeGreaterThan(0);
    session.dispose();
  });

  it('profiles the queue by age: the held-out queries’ mean cosine with the keys of each age', async () => {
    const session = tiny();
    expect((await session.ageProfile()).ages.length).toBe(0); // only random keys yet
    await session.run(3);
    const count = tf.memory().numTensors;
    const profile = await session.ageProfile();
    expect(tf.memory().numTensors).toBe(count);
    expect(Array.from(profile.ages)).toEqual([0, 1, 2]);
    // The same means from the full cosine matrix of the 24 held-out queries and the 24 real keys.
    const cosines = tf.tidy(() => {
      const images = tf.tensor4d(data.heldOut.images, [24, 8, 8, 3]);
      const q = tf.div(
        session.model.project(images),
        tf.norm(session.model.project(images), 2, 1, true),
      );
      return tf.matMul(q, session.queue!.keys, false, true).arraySync() as number[][];
    });
    const rowAges = session.queue!.rowAges(session.steps);
    const expected = [0, 1, 2].map((age) => {
      const columns = [...rowAges.keys()].filter((j) => rowAges[j] === age);
      const all = cosines.flatMap((row) => columns.map((j) => row[j]!));
      return all.reduce((a, b) => a + b, 0) / all.length;
    });
    expectClose(Array.from(profile.cosines), expected, { atol: 1e-5 });
    session.dispose();
    const none = tiny({ queueSize: 0 });
    await none.run(2);
    expect((await none.ageProfile()).ages.length).toBe(0);
    none.dispose();
  });

  it('keeps the tensor count flat over 2,000 steps with a full queue', async () => {
    const session = tiny();
    await session.run(10); // the queue is full from step 4, Adam's moments exist
    const count = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let chunk = 0; chunk < 10; chunk++) {
      await session.run(199);
      expect(tf.memory().numTensors).toBe(count);
      expect(tf.memory().numBytes).toBe(bytes);
    }
    expect(session.steps).toBe(2000);
    session.dispose();
  }, 600_000);

  it('trains on a stream, rendering each step’s N distinct pictures when it draws them', async () => {
    const drawn: number[] = [];
    const stream = {
      size: 8,
      count: 1_000_000,
      render(index: number, out: Float32Array, offset: number) {
        drawn.push(index);
        renderShape({ seed: 5, size: 8, supersample: 1 }, index, out, offset);
      },
    };
    const session = tiny({ data: { train: stream, heldOut: data.heldOut } });
    await session.run(3);
    expect(drawn).toHaveLength(3 * 8);
    for (let s = 0; s < 3; s++) expect(new Set(drawn.slice(8 * s, 8 * s + 8)).size).toBe(8);
    for (const i of drawn) expect(Number.isInteger(i) && i >= 0 && i < 1_000_000).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(20);
    expect(session.queueAges().real).toBe(24);
    // The same seed draws the same pictures.
    const first = drawn.splice(0);
    session.reset();
    await session.run(3);
    expect(drawn).toEqual(first);
    session.dispose();
  });

  it('warms the learning rate up over warmupSteps, again after a reset, and takes SGD with momentum', async () => {
    // Three steps, a reset, three steps again: the weights after the second three.
    const weights = async (options: Partial<Parameters<typeof createMocoSession>[0]>) => {
      const session = tiny(options);
      await session.run(3);
      session.reset();
      await session.run(3);
      const after = read(session.model.variables);
      session.dispose();
      return after;
    };
    const plain = await weights({});
    expect(await weights({ warmupSteps: 0 })).toEqual(plain);
    // Steps 1–3 at lr/100, 2·lr/100, 3·lr/100 after the reset too: the weights move less.
    const warm = await weights({ warmupSteps: 100 });
    expect(warm).not.toEqual(plain);
    const fresh = tiny();
    const start = read(fresh.model.variables);
    fresh.dispose();
    const moved = (w: number[][]) =>
      w.reduce((sum, v, i) => sum + v.reduce((s, x, j) => s + (x - start[i]![j]!) ** 2, 0), 0);
    expect(moved(warm)).toBeLessThan(moved(plain));
    expect(await weights({ optimizer: 'sgd-momentum', lr: 0.05 })).not.toEqual(plain);
    expect(() => tiny({ warmupSteps: -1 })).toThrow(/warmupSteps/);
  });

  it('runs without a queue, resizes it, resets and frees everything', async () => {
    // A first run builds the augmentations' module-level constants.
    const warmUp = tiny();
    await warmUp.run(1);
    warmUp.dispose();
    const start = tf.memory().numTensors;
    const session = tiny({ queueSize: 0, momentum: 0 });
    expect(session.queue).toBeNull();
    const [first] = await session.run(1);
    expect(first!.loss).toBeGreaterThan(0);
    // m = 0: the key encoder is the query encoder after every step.
    expect(read(session.keyModel.variables)).toEqual(read(session.model.variables));
    expect((await session.lag()).representation).toBe(0);
    expect(session.queueAges()).toEqual({ real: 0, oldest: 0, mean: 0 });
    session.update({ queueSize: 16 });
    expect(session.queue!.capacity).toBe(16);
    await session.run(1);
    expect(session.queueAges().real).toBe(8);
    expect(() => session.update({ momentum: 1 })).toThrow(/momentum/);
    expect(() => session.update({ queueSize: -1 })).toThrow(/queueSize/);
    session.reset(3);
    expect(session.steps).toBe(0);
    expect(session.queueAges().real).toBe(0);
    expect(read(session.keyModel.variables)).toEqual(read(session.model.variables));
    session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
