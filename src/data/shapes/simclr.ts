// The SimCLR chapter's images: one fixed draw of the shapes, split into unlabelled training images
// and labelled held-out ones. Plain arrays; the core's SimCLR session uploads them.
import { generateShapes, type ShapesDataset } from './generate';

/** Seed of the built-in training and held-out images (fixed: a new run seed reuses them). */
export const SIMCLR_DATA_SEED = 2020;

/** Unlabelled training images and labelled held-out images of the same size. */
export interface SimclrShapes {
  /** Training images; a self-supervised trainer never reads their labels. */
  readonly train: ShapesDataset;
  /** Held-out images: the first half is the k-NN and probe's labelled memory, the rest the queries. */
  readonly heldOut: ShapesDataset;
}

/**
 * The SimCLR trainer's images: 2,048 unlabelled training images and 1,280 held-out ones, 32 × 32.
 * With 640 queries the k-NN readout's standard error is under 2 points, so a gain is not a fluke
 * of the draw.
 */
export function simclrShapes(): SimclrShapes {
  const all = generateShapes({ count: 2048 + 1280, seed: SIMCLR_DATA_SEED });
  const pixels = all.size * all.size * 3;
  const part = (start: number, count: number): ShapesDataset => ({
    ...all,
    images: all.images.subarray(start * pixels, (start + count) * pixels),
    labels: all.labels.subarray(start, start + count),
    count,
  });
  return { train: part(0, 2048), heldOut: part(2048, 1280) };
}
