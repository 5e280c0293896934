// Training steps as reusable workloads: one NT-Xent forward + backward, so `npm run bench` in Node
// and the "Under the hood" page in the browser time exactly the same thing, and one SimCLR step of
// the chapter's model, which `npm run bench` times against the same model in PyTorch.
import { createCNN } from './cnn';
import { ntXentLoss, ntXentLossStacked } from './ntxent';
import { SIMCLR_DEFAULTS } from './simclr';
import { tf } from './tf';
import { Trainer } from './trainer';
import { assertInteger, assertPositive } from './validate';

/** A loss with NT-Xent's signature, to benchmark alternatives against the library's. */
export type PairLoss = (z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number) => tf.Scalar;

/** Something to time: `run` does one step and resolves when the backend has finished it. */
export interface StepWorkload {
  run(): Promise<void>;
  /** Frees the inputs. */
  dispose(): void;
}

/** Options of {@link ntXentWorkload}. */
export interface NtXentWorkloadOptions {
  /** Embedding width (default 128). */
  d?: number;
  /** Temperature (default 0.5; the speed does not depend on it). */
  tau?: number;
  /** The loss to time (default {@link ntXentLoss}). */
  loss?: PairLoss;
}

/**
 * NT-Xent forward + backward on `n` fixed pairs of random `d`-dimensional vectors, on the backend
 * active when it is created. Each `run` computes both gradients and reads them back, so GPU
 * backends are timed to completion; it leaves no tensors behind.
 *
 * @param n - examples per view (the loss sees 2n vectors), n ≥ 2.
 */
export function ntXentWorkload(n: number, options: NtXentWorkloadOptions = {}): StepWorkload {
  const { d = 128, tau = 0.5, loss = ntXentLoss } = options;
  assertInteger(n, 'n', 2);
  assertInteger(d, 'd', 1);
  assertPositive(tau, 'tau');
  const z1 = tf.randomNormal([n, d], 0, 1, 'float32', 1) as tf.Tensor2D;
  const z2 = tf.randomNormal([n, d], 0, 1, 'float32', 2) as tf.Tensor2D;
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    loss(a as tf.Tensor2D, b as tf.Tensor2D, tau),
  );
  return {
    async run() {
      const g = grads([z1, z2]);
      try {
        await Promise.all(g.map((t) => t.data()));
      } finally {
        tf.dispose(g);
      }
    },
    dispose: () => tf.dispose([z1, z2]),
  };
}

/** Options of {@link simclrStepWorkload}. */
export interface SimclrStepWorkloadOptions {
  /** Images per step; the encoder sees two views of each (default: the chapter's 64). */
  batchSize?: number;
  /** NT-Xent temperature (default: the chapter's 0.2). */
  tau?: number;
  /** Adam learning rate (default: the chapter's 3e-3). */
  lr?: number;
  /** Side of the images (default 16, the chapter's encoder resolution). */
  resolution?: number;
}

/**
 * One SimCLR training step of the chapter's model — the CNN encoder and projection head of
 * {@link createCNN} with its defaults, NT-Xent and Adam as in {@link createSimclrSession} — on a
 * fixed batch of `2 × batchSize` random images (two "views" of each image, no augmentation), on
 * the backend active when it is created. Each `run` takes one step and reads its loss back, so
 * GPU backends are timed to completion; `dispose` frees the model, the optimizer and the batch.
 */
export function simclrStepWorkload(options: SimclrStepWorkloadOptions = {}): StepWorkload {
  const {
    batchSize = SIMCLR_DEFAULTS.batchSize,
    tau = SIMCLR_DEFAULTS.tau,
    lr = SIMCLR_DEFAULTS.lr,
    resolution = 16,
  } = options;
  assertInteger(batchSize, 'batchSize', 2);
  assertPositive(tau, 'tau');
  assertPositive(lr, 'lr');
  const views = tf.randomUniform(
    [2 * batchSize, resolution, resolution, 3],
    0,
    1,
    'float32',
    3,
  ) as tf.Tensor4D;
  const model = createCNN({ inputSize: resolution, seed: 1 });
  const trainer = new Trainer<tf.Tensor4D, { tau: number }>({
    model,
    sampleBatch: () => views,
    loss: (batch, p) => ntXentLossStacked(model.project(batch), p.tau),
    params: { tau },
    learningRate: lr,
    readEvery: 1,
  });
  return {
    async run() {
      trainer.step();
      await trainer.flush();
    },
    dispose() {
      trainer.dispose();
      views.dispose();
    },
  };
}
