// Labelled 2-D clusters, the toy data set of the metric-learning lab: a few Gaussian blobs around
// a circle, with a held-out set drawn from the same blobs. A function of the seed alone.
import { createRng, deriveSeed } from '../core/rng';
import { assertFinite, assertInteger } from '../core/validate';

/** Options of {@link makeClusters}. */
export interface ClusterOptions {
  /** Number of clusters (classes), ≥ 2. */
  clusters: number;
  /** Standard deviation of each blob; the centres lie on the unit circle. */
  noise: number;
  /** Training points per cluster, ≥ 2. */
  trainPerCluster: number;
  /** Held-out points per cluster, ≥ 1. */
  testPerCluster: number;
  /** Any safe integer. */
  seed: number;
}

/** A labelled set of points in the plane. */
export interface ClusterSet {
  /** `[n, 2]` row-major coordinates. */
  points: Float32Array;
  /** Cluster of each point, 0 … clusters − 1. */
  labels: Int32Array;
}

/** The training and held-out sets, and the cluster centres. */
export interface Clusters {
  train: ClusterSet;
  test: ClusterSet;
  /** `[clusters, 2]` centres, evenly spaced on the unit circle from a seeded angle. */
  centres: Float32Array;
}

function draw(
  count: number,
  perCluster: number,
  noise: number,
  centres: Float32Array,
  normal: () => number,
): ClusterSet {
  const n = count * perCluster;
  const points = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % count; // interleaved, so any prefix is balanced
    labels[i] = c;
    points[2 * i] = (centres[2 * c] as number) + noise * normal();
    points[2 * i + 1] = (centres[2 * c + 1] as number) + noise * normal();
  }
  return { points, labels };
}

/**
 * Draws labelled Gaussian clusters in the plane. Centres sit evenly on the unit circle (so
 * neighbouring centres are 2·sin(π/clusters) apart) from a random starting angle; each point adds
 * isotropic noise of standard deviation `noise`. Equal options give equal sets.
 *
 * @throws on a bad count, noise or seed.
 */
export function makeClusters(options: ClusterOptions): Clusters {
  const { clusters, noise, trainPerCluster, testPerCluster, seed } = options;
  assertInteger(clusters, 'clusters', 2);
  assertFinite(noise, 'noise');
  if (noise < 0) throw new Error(`noise must be ≥ 0 (got ${noise}).`);
  assertInteger(trainPerCluster, 'trainPerCluster', 2);
  assertInteger(testPerCluster, 'testPerCluster', 1);
  const rng = createRng(deriveSeed(seed, 3));
  const start = rng.uniform(0, 2 * Math.PI);
  const centres = new Float32Array(2 * clusters);
  for (let c = 0; c < clusters; c++) {
    const angle = start + (2 * Math.PI * c) / clusters;
    centres[2 * c] = Math.cos(angle);
    centres[2 * c + 1] = Math.sin(angle);
  }
  const normal = () => rng.normal();
  return {
    train: draw(clusters, trainPerCluster, noise, centres, normal),
    test: draw(clusters, testPerCluster, noise, centres, normal),
    centres,
  };
}
