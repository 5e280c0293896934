// One NT-Xent training step (forward + backward) as a reusable workload, so `npm run bench` in Node
// and the "Under the hood" page in the browser time exactly the same thing. (The SimCLR step that
// `npm run bench` also times is simclrStepWorkload in simclr.ts.)
import { ntXentLoss } from './ntxent';
import { tf } from './tf';
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
