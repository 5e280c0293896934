// Labelled 2-D clusters, the toy data set of the metric-learning lab: a few Gaussian blobs around
// a circle, with a held-out set drawn from the same blobs, optionally followed by nuisance input
// dimensions that carry no class information. A function of the random source the caller hands
// in (the metric lab passes the core's seeded Rng), so equal sources give equal sets.

/** The random draws {@link makeClusters} needs. */
export interface ClusterRandom {
  uniform(low: number, high: number): number;
  normal(): number;
}

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
  /** The random draws: uniform in [low, high) and standard normal (the core's `Rng` fits). */
  random: ClusterRandom;
  /** Extra input dimensions of pure Gaussian noise, independent of the class; default 0. */
  nuisanceDims?: number;
  /** Standard deviation of each nuisance dimension; default 1. */
  nuisanceScale?: number;
}

/** A labelled set of points in the plane. */
export interface ClusterSet {
  /** `[n, dim]` row-major rows: the two cluster coordinates, then the nuisance dimensions. */
  points: Float32Array;
  /** Width of a row: 2 + the number of nuisance dimensions. */
  dim: number;
  /** Cluster of each point, 0 … clusters − 1. */
  labels: Int32Array;
}

/** The training and held-out sets, and the cluster centres. */
export interface Clusters {
  train: ClusterSet;
  test: ClusterSet;
  /** `[clusters, 2]` centres, evenly spaced on the unit circle from a random angle. */
  centres: Float32Array;
}

/** Throws unless `value` is an integer ≥ `min`. */
function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`makeClusters: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
function checkSpread(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`makeClusters: ${name} must be a finite number ≥ 0, got ${value}`);
  }
}

function draw(
  count: number,
  perCluster: number,
  noise: number,
  centres: Float32Array,
  nuisance: { dims: number; scale: number },
  normal: () => number,
): ClusterSet {
  const n = count * perCluster;
  const dim = 2 + nuisance.dims;
  const points = new Float32Array(dim * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % count; // interleaved, so any prefix is balanced
    labels[i] = c;
    points[dim * i] = (centres[2 * c] as number) + noise * normal();
    points[dim * i + 1] = (centres[2 * c + 1] as number) + noise * normal();
    for (let d = 2; d < dim; d++) points[dim * i + d] = nuisance.scale * normal();
  }
  return { points, labels, dim };
}

/**
 * Draws labelled Gaussian clusters in the plane. Centres sit evenly on the unit circle (so
 * neighbouring centres are 2·sin(π/clusters) apart) from a random starting angle; each point adds
 * isotropic noise of standard deviation `noise`. Each row then gets `nuisanceDims` further
 * coordinates drawn from N(0, nuisanceScale²) whatever the class: large ones swamp the cluster
 * coordinates in any distance on the raw inputs. Equal options and equal random sources give
 * equal sets.
 *
 * @throws on a bad count or noise.
 */
export function makeClusters(options: ClusterOptions): Clusters {
  const { clusters, noise, trainPerCluster, testPerCluster, random } = options;
  const nuisance = { dims: options.nuisanceDims ?? 0, scale: options.nuisanceScale ?? 1 };
  checkCount('clusters', clusters, 2);
  checkSpread('noise', noise);
  checkCount('trainPerCluster', trainPerCluster, 2);
  checkCount('testPerCluster', testPerCluster, 1);
  checkCount('nuisanceDims', nuisance.dims, 0);
  checkSpread('nuisanceScale', nuisance.scale);
  const start = random.uniform(0, 2 * Math.PI);
  const centres = new Float32Array(2 * clusters);
  for (let c = 0; c < clusters; c++) {
    const angle = start + (2 * Math.PI * c) / clusters;
    centres[2 * c] = Math.cos(angle);
    centres[2 * c + 1] = Math.sin(angle);
  }
  const normal = () => random.normal();
  return {
    train: draw(clusters, trainPerCluster, noise, centres, nuisance, normal),
    test: draw(clusters, testPerCluster, noise, centres, nuisance, normal),
    centres,
  };
}
