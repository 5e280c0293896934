// MoCo's dictionary as a queue (He et al., 2020): the keys of the last few batches, newest first,
// kept on the device as one [K, d] variable. Each enqueue writes the new keys at the front and
// drops as many of the oldest off the end, in place: the variable is reassigned, never
// reallocated, so the tensor count stays flat however long training runs. Before K keys have
// arrived, the rest of the queue holds random unit vectors, as in the authors' code.
import { createRng } from './rng';
import { l2Normalize } from './similarity';
import { tf } from './tf';
import { assertInteger, assertMatrix } from './validate';

/** Age statistics of the keys in a queue, in steps (see {@link KeyQueue.ages}). */
export interface QueueAges {
  /** Keys that came from a batch (the rest are the initial random vectors). */
  real: number;
  /** Age of the oldest real key: `now` minus the step that enqueued it (0 when empty). */
  oldest: number;
  /** Mean age of the real keys (0 when empty). */
  mean: number;
}

/** A first-in, first-out queue of K key vectors of width d. */
export interface KeyQueue {
  /** K, the number of keys the queue holds. */
  readonly capacity: number;
  /** d, the width of each key. */
  readonly width: number;
  /** `[K, d]`: newest first. A variable: read it, never dispose it. */
  readonly keys: tf.Tensor2D;
  /** Enqueues `keys` (`[n, d]`, taken as they are) as enqueued at `step`; drops the n oldest. */
  enqueue(keys: tf.Tensor2D, step: number): void;
  /** Ages of the real keys, as seen at step `now`. */
  ages(now: number): QueueAges;
  /** The age of each row at step `now`, newest first; NaN for a random initial row. */
  rowAges(now: number): Float64Array;
  /** Back to K random unit vectors drawn from `seed`, and no real keys. */
  reset(seed: number): void;
  /** Frees the variable. */
  dispose(): void;
}

/** K rows of random unit vectors of width d, from `seed`. */
function randomUnitRows(capacity: number, width: number, seed: number): tf.Tensor2D {
  const rng = createRng(seed);
  const values = Float32Array.from({ length: capacity * width }, () => rng.normal());
  return tf.tidy(() => l2Normalize(tf.tensor2d(values, [capacity, width])));
}

/**
 * Creates a queue of `capacity` keys of width `width`, filled with random unit vectors drawn from
 * `seed` (default 0).
 */
export function createKeyQueue(capacity: number, width: number, seed = 0): KeyQueue {
  assertInteger(capacity, 'capacity', 1);
  assertInteger(width, 'width', 1);
  // tf.variable copies its initial tensor; the tidy frees the original.
  const buffer = tf.tidy(() => tf.variable(randomUnitRows(capacity, width, seed), false));
  /** Step each row was enqueued at, newest first; NaN for a random initial row. */
  const stamps = new Float64Array(capacity).fill(Number.NaN);
  let disposed = false;
  const live = () => {
    if (disposed) throw new Error('This KeyQueue has been disposed.');
  };

  return {
    capacity,
    width,
    get keys() {
      live();
      return buffer as tf.Tensor2D;
    },
    enqueue(keys, step) {
      live();
      assertMatrix(keys, 'keys');
      if (keys.shape[1] !== width) {
        throw new Error(`keys must be [n, ${width}] (got [${keys.shape.join(', ')}]).`);
      }
      const n = Math.min(keys.shape[0], capacity);
      tf.tidy(() => {
        const fresh = n === keys.shape[0] ? keys : tf.slice(keys, [0, 0], [n, width]);
        const kept = capacity - n;
        buffer.assign(
          kept === 0 ? fresh : tf.concat([fresh, tf.slice(buffer, [0, 0], [kept, width])], 0),
        );
      });
      stamps.copyWithin(n, 0, capacity - n);
      stamps.fill(step, 0, n);
    },
    ages(now) {
      let real = 0;
      let sum = 0;
      let oldest = 0;
      for (const stamp of stamps) {
        if (Number.isNaN(stamp)) continue;
        real += 1;
        sum += now - stamp;
        oldest = Math.max(oldest, now - stamp);
      }
      return { real, oldest, mean: real > 0 ? sum / real : 0 };
    },
    rowAges(now) {
      return stamps.map((stamp) => now - stamp);
    },
    reset(newSeed) {
      live();
      tf.tidy(() => buffer.assign(randomUnitRows(capacity, width, newSeed)));
      stamps.fill(Number.NaN);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      buffer.dispose();
    },
  };
}
