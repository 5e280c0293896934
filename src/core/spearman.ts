// Spearman's rank correlation, the standard score of the STS benchmarks: how well a model's
// similarities order the pairs the way the human scores do, ignoring the scale of either.

/**
 * Ranks of `values`, 1 for the smallest; tied values share the average of the ranks they span
 * ("fractional ranking"), e.g. `[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]`.
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end−1 hold equal values; their 1-based ranks average to (start + end + 1)/2.
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson's correlation coefficient of two equally long samples; NaN when either is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation ρ: Pearson's correlation of the average ranks (so ties are handled
 * exactly, unlike the `1 − 6Σd²/(n(n²−1))` shortcut, which is only valid without ties).
 * In [−1, 1]; NaN when either sample is constant (no ordering to compare).
 *
 * @throws when the samples differ in length, have fewer than 2 values or contain NaN/∞.
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new Error(`spearman needs samples of equal length (got ${x.length} and ${y.length}).`);
  }
  if (x.length < 2) throw new Error(`spearman needs at least 2 pairs (got ${x.length}).`);
  if (![...x, ...y].every(Number.isFinite)) {
    throw new Error('spearman needs finite values (got NaN or ±Infinity).');
  }
  return pearson(averageRanks(x), averageRanks(y));
}
