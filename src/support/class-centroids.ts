/**
 * How far a picture of labelled points on the sphere shows its classes apart: each class's
 * centroid direction, and how many points lie nearer (by cosine) to their own class's centroid
 * than to any other. Read from the very points the reader sees (the SimCLR trainer's held-out
 * images in three principal directions), so the number and the picture tell the same story: at
 * random initialisation the classes overlap and few points are nearest their own centre; as the
 * encoder learns, each class gathers around its own.
 */

/** What {@link classStructure} reads from a picture. */
export interface ClassStructure {
  /** Number of classes (ids 0 … classes − 1). */
  classes: number;
  /** Unit centroid direction of each class, `classes × dim`, row-major; NaN for an empty class. */
  centroids: Float32Array;
  /** Points of each class. */
  counts: Uint32Array;
  /** Per class, the share of its points whose nearest centroid is their own (NaN when empty). */
  perClass: Float64Array;
  /** The share over all points (NaN when there are none). */
  accuracy: number;
  /** What guessing would score: 1 / (classes with points). */
  chance: number;
}

/**
 * The class centroids of `points` (N × `dim`, row-major, each row a direction; it need not be
 * unit length) labelled by `groups` (a class id per point, 0 … `classes` − 1; others are
 * skipped), and each point's nearest centroid by cosine. A centroid is the normalised mean of
 * its class's unit vectors. Each point counts towards its own centroid too, which with a hundred
 * points a class changes the share by well under a point.
 */
export function classStructure(
  points: ArrayLike<number>,
  dim: number,
  groups: ArrayLike<number>,
  classes: number,
): ClassStructure {
  const n = Math.min(Math.floor(points.length / dim), groups.length);
  const sums = new Float64Array(classes * dim);
  const counts = new Uint32Array(classes);
  const unit = new Float64Array(n * dim);
  const label = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += points[i * dim + d] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isInteger(g) || g < 0 || g >= classes) continue;
    label[i] = g;
    counts[g]++;
    for (let d = 0; d < dim; d++) {
      const v = points[i * dim + d] / norm;
      unit[i * dim + d] = v;
      sums[g * dim + d] += v;
    }
  }
  const centroids = new Float32Array(classes * dim).fill(Number.NaN);
  for (let c = 0; c < classes; c++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += sums[c * dim + d] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) continue;
    for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d] / norm;
  }
  const hits = new Uint32Array(classes);
  let total = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (label[i] < 0) continue;
    let best = -1;
    let bestCos = -Infinity;
    for (let c = 0; c < classes; c++) {
      if (Number.isNaN(centroids[c * dim])) continue;
      let cos = 0;
      for (let d = 0; d < dim; d++) cos += unit[i * dim + d] * centroids[c * dim + d];
      if (cos > bestCos) {
        bestCos = cos;
        best = c;
      }
    }
    total++;
    if (best === label[i]) {
      correct++;
      hits[best]++;
    }
  }
  const perClass = Float64Array.from(counts, (count, c) => (count ? hits[c] / count : Number.NaN));
  const present = counts.reduce((k, count) => k + (count > 0 ? 1 : 0), 0);
  return {
    classes,
    centroids,
    counts,
    perClass,
    accuracy: total ? correct / total : Number.NaN,
    chance: present ? 1 / present : Number.NaN,
  };
}
