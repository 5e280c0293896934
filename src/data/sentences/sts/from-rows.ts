import type { StsPair } from '../types';

/** One hand-scored pair as `[score, a, b]`; the score leads so a file reads as a graded list. */
export type StsRow = readonly [score: number, a: string, b: string];

/** Turns compact rows into labelled evaluation pairs. */
export function pairsFromRows(rows: readonly StsRow[]): StsPair[] {
  return rows.map(([score, a, b]) => ({ a, b, score }));
}
