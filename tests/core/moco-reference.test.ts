// MoCo's mechanism end to end against float64 PyTorch (scripts/reference/losses.py moco_steps):
// linear query and key encoders, plain SGD through the Trainer, InfoNCE against the queue with no
// gradient to the keys, the momentum update in the after-step hook, and the queue's enqueue. The
// losses of every step, both encoders' weights and the queue must match at float32 precision.
import { beforeAll, describe, it } from 'vitest';
import {
  copyVariables,
  createKeyQueue,
  infoNCEWithNegatives,
  l2Normalize,
  momentumUpdate,
  Trainer,
  type TrainableModel,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, loadReference, useCpu } from './helpers';

/** A linear encoder x ↦ xW whose "initialisation" is the fixture's weights. */
function linear(initial: number[][]): TrainableModel & { w: tf.Variable } {
  const w = tf.variable(tf.tensor2d(initial));
  return {
    w,
    variables: [w],
    reinitialize: () => w.assign(tf.tensor2d(initial)),
    dispose: () => w.dispose(),
  };
}

describe('MoCo steps against the float64 reference', () => {
  beforeAll(useCpu);

  for (const c of loadReference().moco) {
    it(`m = ${c.params.m}: losses, θ_q, θ_k and the queue after ${c.losses.length} steps`, async () => {
      const { tau, m, lr } = c.params;
      const query = linear(c.inputs.wQ);
      const key = linear(c.inputs.wQ);
      const [rows, width] = [c.inputs.queue.length, c.inputs.queue[0]!.length];
      const queue = createKeyQueue(rows, width);
      // The random start is replaced by the fixture's queue.
      tf.tidy(() => (queue.keys as tf.Variable).assign(tf.tensor2d(c.inputs.queue)));
      let pending: tf.Tensor2D | null = null;
      const trainer = new Trainer<{ xq: tf.Tensor2D; k: tf.Tensor2D }, { tau: number }>({
        model: query,
        optimizer: 'sgd',
        learningRate: lr,
        readEvery: 1,
        params: { tau },
        sampleBatch: (_rng, step) => {
          const k = l2Normalize(tf.matMul(tf.tensor2d(c.inputs.xK[step - 1]!), key.w));
          pending = tf.keep(k);
          return { xq: tf.tensor2d(c.inputs.xQ[step - 1]!), k };
        },
        loss: ({ xq, k }, p) => infoNCEWithNegatives(tf.matMul(xq, query.w), k, queue.keys, p.tau),
        afterStep: (step) => {
          momentumUpdate(key.variables, query.variables, m);
          queue.enqueue(pending!, step);
          pending!.dispose();
        },
      });
      copyVariables(key.variables, query.variables);
      const readings = await trainer.run(c.losses.length);
      expectClose(
        readings.map((r) => r.loss),
        c.losses,
        { atol: 1e-6, rtol: 1e-5 },
      );
      expectClose(query.w.dataSync(), c.wQ.flat(), { atol: 1e-6, rtol: 1e-5 });
      expectClose(key.w.dataSync(), c.wK.flat(), { atol: 1e-6, rtol: 1e-5 });
      expectClose(queue.keys.dataSync(), c.queue.flat(), { atol: 1e-6, rtol: 1e-5 });
      trainer.dispose();
      key.dispose();
      queue.dispose();
    });
  }
});
