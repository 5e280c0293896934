// The MoCo chapter's images: the SimCLR chapter's held-out pictures, unchanged so the k-NN read-out
// stays comparable, and for training a stream of about a million other pictures (a seed of their
// own), each rendered when a batch draws it. A queue of 4,096 keys then holds 4,096 different
// pictures, where the SimCLR trainer's 2,048 would fill it twice.
import { renderShape } from './generate';
import { simclrShapes, type SimclrShapes } from './simclr';

/** Training pictures in the stream: 2^20, so 1,500 steps at batch 16 rarely draw one twice. */
export const MOCO_STREAM_COUNT = 2 ** 20;

/** Seed of the training stream (not the held-out draw's, so no held-out picture recurs in it). */
export const MOCO_STREAM_SEED = 1911;

/** A training set made on demand (the core's `ImageStream`). */
export interface ShapesStream {
  readonly size: number;
  readonly count: number;
  /** Writes picture `index` of the stream into `out` at `offset`. */
  render(index: number, out: Float32Array, offset: number): void;
}

/** The MoCo trainer's images: a training stream and the SimCLR trainer's held-out pictures. */
export interface MocoShapes {
  readonly train: ShapesStream;
  readonly heldOut: SimclrShapes['heldOut'];
}

/**
 * The MoCo trainer's images. The held-out set is the SimCLR trainer's (1,280 pictures, 32 × 32);
 * the training stream holds {@link MOCO_STREAM_COUNT} pictures of {@link renderShape}'s endless set,
 * about 12 kB each if they were kept, so none is kept: a step renders the 16 or so it draws.
 */
export function mocoShapes(): MocoShapes {
  const { heldOut } = simclrShapes();
  const size = heldOut.size;
  return {
    train: {
      size,
      count: MOCO_STREAM_COUNT,
      render: (index, out, offset) => {
        if (!Number.isInteger(index) || index < 0 || index >= MOCO_STREAM_COUNT) {
          throw new RangeError(
            `mocoShapes: index ${index} is outside [0, ${MOCO_STREAM_COUNT - 1}]`,
          );
        }
        renderShape({ seed: MOCO_STREAM_SEED, size }, index, out, offset);
      },
    },
    heldOut: {
      ...heldOut,
      images: heldOut.images.slice(),
      labels: heldOut.labels.slice(),
    },
  };
}
