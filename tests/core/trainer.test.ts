// The Trainer: readback cadence, learning, reproducibility, settable hyper-parameters, the
// after-step hook, and a flat tensor count over long runs and reset/dispose cycles.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alignment,
  createMLP,
  ntXentLoss,
  Trainer,
  type MLP,
  type OptimizerName,
  type Rng,
  type TrainerOptions,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { useCpu } from './helpers';

interface Views {
  v1: tf.Tensor2D;
  v2: tf.Tensor2D;
}

/** Two noisy views of 16 random 2-D points per batch. */
function sampleViews(rng: Rng): Views {
  const x = tf.randomNormal([16, 2], 0, 1, 'float32', rng.tfSeed());
  return {
    v1: tf.add(x, tf.randomNormal([16, 2], 0, 0.1, 'float32', rng.tfSeed())) as tf.Tensor2D,
    v2: tf.add(x, tf.randomNormal([16, 2], 0, 0.1, 'float32', rng.tfSeed())) as tf.Tensor2D,
  };
}

function makeTrainer(
  seed: number,
  options: { readEvery?: number; optimizer?: OptimizerName } = {},
) {
  const model = createMLP([2, 16, 4], { seed: 0 });
  return new Trainer({
    model,
    sampleBatch: sampleViews,
    loss: (b: Views, p: { tau: number }) => ntXentLoss(model.apply(b.v1), model.apply(b.v2), p.tau),
    metrics: { alignment: (b: Views) => alignment(model.apply(b.v1), model.apply(b.v2)) },
    params: { tau: 0.5 },
    seed,
    learningRate: options.optimizer === undefined || options.optimizer === 'adam' ? 0.01 : 0.1,
    ...options,
  });
}

describe('Trainer', () => {
  beforeAll(useCpu);

  it('reads the loss and metrics back every readEvery steps, as plain numbers', async () => {
    const trainer = makeTrainer(1, { readEvery: 10 });
    const first = await trainer.run(25);
    expect(first.map((r) => r.step)).toEqual([10, 20]);
    expect(trainer.stepCount).toBe(25);
    const second = await trainer.run(5);
    expect(second.map((r) => r.step)).toEqual([30]);
    expect(trainer.latest).toEqual(second[0]);
    for (const r of [...first, ...second]) {
      expect(typeof r.loss).toBe('number');
      expect(Number.isFinite(r.loss)).toBe(true);
      expect(Object.keys(r.metrics)).toEqual(['alignment']);
    }
    trainer.dispose();
  });

  it('reduces the NT-Xent loss', async () => {
    const trainer = makeTrainer(2, { readEvery: 25 });
    const readings = await trainer.run(300);
    const early = readings[0]!.loss;
    const late = readings.slice(-3).reduce((a, r) => a + r.loss, 0) / 3;
    expect(late).toBeLessThan(early - 0.1);
    trainer.dispose();
  });

  it('reproduces a run from its seed, also after reset', async () => {
    const a = makeTrainer(3);
    const b = makeTrainer(3);
    const runA = await a.run(40);
    expect(await b.run(40)).toEqual(runA);
    a.reset(4);
    const other = await a.run(40);
    expect(other).not.toEqual(runA);
    a.reset(3);
    expect(a.stepCount).toBe(0);
    expect(a.latest).toBeNull();
    expect(await a.run(40)).toEqual(runA);
    [a, b].forEach((t) => t.dispose());
  });

  it('applies a new learning rate and new params from the next step', async () => {
    const base = makeTrainer(5, { readEvery: 5 });
    const slow = makeTrainer(5, { readEvery: 5 });
    const hot = makeTrainer(5, { readEvery: 5 });
    slow.learningRate = 1e-9;
    hot.params.tau = 0.05;
    expect(slow.learningRate).toBe(1e-9);
    const [b, s, h] = await Promise.all([base.run(10), slow.run(10), hot.run(10)]);
    // Step 5's loss is computed before step 5's update, after four updates at the rates set.
    expect(s[0]!.loss).not.toBeCloseTo(b[0]!.loss, 4);
    expect(h[0]!.loss).not.toBeCloseTo(b[0]!.loss, 2);
    expect(() => {
      base.learningRate = 0;
    }).toThrow(/learningRate/);
    expect(() => {
      base.readEvery = 0;
    }).toThrow(/readEvery/);
    [base, slow, hot].forEach((t) => t.dispose());
  });

  it('reports a bad hyper-parameter clearly and carries on once it is fixed', async () => {
    const trainer = makeTrainer(10, { readEvery: 1 });
    await trainer.run(2);
    const before = tf.memory().numTensors;
    trainer.params.tau = 0;
    expect(() => trainer.step()).toThrow(/tau/);
    expect(trainer.stepCount).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    trainer.params.tau = 0.5;
    expect((await trainer.run(1))[0]!.step).toBe(3);
    trainer.dispose();
  });

  it('trains with plain SGD too', async () => {
    const trainer = makeTrainer(6, { optimizer: 'sgd', readEvery: 20 });
    const readings = await trainer.run(40);
    expect(readings.every((r) => Number.isFinite(r.loss))).toBe(true);
    trainer.dispose();
  });

  it('trains with SGD and momentum 0.9 (MoCo’s), which moves further than plain SGD', async () => {
    const distance = async (optimizer: OptimizerName) => {
      const model = createMLP([2, 16, 4], { seed: 0 });
      const before = model.variables.map((v) => v.clone());
      const trainer = new Trainer({
        model,
        sampleBatch: sampleViews,
        loss: (b: Views, p: { tau: number }) =>
          ntXentLoss(model.apply(b.v1), model.apply(b.v2), p.tau),
        params: { tau: 0.5 },
        seed: 6,
        optimizer,
        learningRate: 0.01,
        readEvery: 20,
      });
      const readings = await trainer.run(40);
      expect(readings.every((r) => Number.isFinite(r.loss))).toBe(true);
      const moved = tf.tidy(
        () =>
          tf
            .addN(model.variables.map((v, i) => tf.sum(tf.square(tf.sub(v, before[i]!)))))
            .dataSync()[0]!,
      );
      tf.dispose(before);
      trainer.dispose();
      return moved;
    };
    expect(await distance('sgd-momentum')).toBeGreaterThan(await distance('sgd'));
  });

  it('keeps the tensor count flat over 1000 steps', async () => {
    const trainer = makeTrainer(7, { readEvery: 10 });
    await trainer.run(10); // Adam creates its moment variables on the first step
    const settled = tf.memory().numTensors;
    for (let chunk = 0; chunk < 10; chunk++) {
      await trainer.run(100);
      expect(tf.memory().numTensors).toBe(settled);
    }
    expect(trainer.stepCount).toBe(1010);
    trainer.dispose();
  });

  it('returns to the same tensor count across reset and dispose cycles', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = makeTrainer(8);
    await trainer.run(20);
    const running = tf.memory().numTensors;
    for (let seed = 0; seed < 5; seed++) {
      trainer.reset(seed);
      await trainer.run(20);
      expect(tf.memory().numTensors).toBe(running);
    }
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    for (let cycle = 0; cycle < 3; cycle++) {
      const t = makeTrainer(cycle);
      t.step(); // dispose with a readback still in flight
      await t.run(9);
      t.step();
      t.dispose();
      await Promise.resolve();
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('refuses to work after dispose and rejects bad options', async () => {
    const trainer = makeTrainer(9);
    trainer.dispose();
    trainer.dispose();
    expect(() => trainer.step()).toThrow(/disposed/);
    await expect(trainer.run(1)).rejects.toThrow(/disposed/);
    const model = createMLP([2, 2]);
    const options = {
      model,
      sampleBatch: sampleViews,
      loss: () => tf.scalar(0),
      params: {},
    };
    expect(() => new Trainer({ ...options, readEvery: 1.5 })).toThrow(/readEvery/);
    expect(() => new Trainer({ ...options, learningRate: -1 })).toThrow(/learningRate/);
    expect(() => new Trainer({ ...options, seed: 0.5 })).toThrow(/seed/);
    model.dispose();
  });
});

/** A Trainer of NT-Xent at τ = 0.5 on `model`, with `options` on top. */
function ntXentTrainer(model: MLP, options: Partial<TrainerOptions<Views, { tau: number }>>) {
  return new Trainer({
    model,
    sampleBatch: sampleViews,
    loss: (b: Views, p: { tau: number }) => ntXentLoss(model.apply(b.v1), model.apply(b.v2), p.tau),
    params: { tau: 0.5 },
    ...options,
  });
}

describe('Trainer afterStep', () => {
  beforeAll(useCpu);

  it('runs after each optimizer step, with its number, once the variables are updated', async () => {
    const events: string[] = [];
    const model = createMLP([2, 8, 4], { seed: 0 });
    const first = model.variables[0]!;
    let sampled: Float32Array | null = null;
    const trainer = new Trainer({
      model,
      sampleBatch: (rng: Rng, step: number) => {
        events.push(`sample ${step}`);
        sampled = first.dataSync().slice() as Float32Array;
        return sampleViews(rng);
      },
      loss: (b: Views, p: { tau: number }) => {
        events.push('loss');
        return ntXentLoss(model.apply(b.v1), model.apply(b.v2), p.tau);
      },
      params: { tau: 0.5 },
      learningRate: 0.05,
      readEvery: 2,
      afterStep: (step) => {
        events.push(`after ${step}`);
        // The step's update has been applied: the weights differ from those the batch saw.
        const now = first.dataSync();
        expect(now.some((v, i) => v !== sampled![i])).toBe(true);
      },
    });
    await trainer.run(3);
    expect(events).toEqual([
      'sample 1',
      'loss',
      'after 1',
      'sample 2',
      'loss',
      'after 2',
      'sample 3',
      'loss',
      'after 3',
    ]);
    trainer.reset();
    trainer.step();
    expect(events.at(-1)).toBe('after 1');
    trainer.dispose();
  });

  it('can keep a momentum (EMA) copy of the weights with a flat tensor count over many steps', async () => {
    const model = createMLP([2, 16, 4], { seed: 0 });
    const momentum = 0.9;
    const target = model.variables.map((v) => tf.variable(v.clone(), false));
    const trainer = ntXentTrainer(model, {
      seed: 3,
      learningRate: 0.01,
      readEvery: 10,
      afterStep: () => {
        target.forEach((t, i) => {
          // Temporaries of the update are freed by the hook's tidy.
          t.assign(tf.add(tf.mul(t, momentum), tf.mul(model.variables[i]!, 1 - momentum)));
        });
      },
    });
    await trainer.run(20);
    const flat = tf.memory().numTensors;
    for (let chunk = 0; chunk < 5; chunk++) {
      await trainer.run(100);
      expect(tf.memory().numTensors).toBe(flat);
    }
    // The target trails the model: it moved, but is not the model.
    const gap = tf.tidy(
      () => tf.sum(tf.abs(tf.sub(target[0]!, model.variables[0]!))).dataSync()[0]!,
    );
    expect(gap).toBeGreaterThan(0);
    expect(Number.isFinite(gap)).toBe(true);
    trainer.dispose();
    tf.dispose(target);
  });

  it('counts the step when the hook throws, rethrows, and leaks nothing', () => {
    const model = createMLP([2, 4], { seed: 0 });
    let fail = false;
    const trainer = ntXentTrainer(model, {
      readEvery: 100,
      afterStep: () => {
        tf.ones([3, 3]);
        if (fail) throw new Error('hook failed');
      },
    });
    trainer.step(); // builds NT-Xent's cached constants
    const before = tf.memory().numTensors;
    fail = true;
    expect(() => trainer.step()).toThrow(/hook failed/);
    expect(trainer.stepCount).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    fail = false;
    trainer.step();
    expect(trainer.stepCount).toBe(3);
    trainer.dispose();
    const other = createMLP([2, 2]);
    expect(
      () =>
        new Trainer({
          model: other,
          sampleBatch: sampleViews,
          loss: () => tf.scalar(0),
          params: {},
          afterStep: 3 as never,
        }),
    ).toThrow(/afterStep/);
    other.dispose();
  });
});
