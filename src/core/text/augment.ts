// Discrete text augmentation, for the SimCSE ablation that replaces dropout noise with editing the
// input (Gao et al. 2021, Table 1: word deletion scores below dropout).
import type { Rng } from '../rng';

/**
 * Word deletion: drops each token independently with probability `rate`, always keeping at least
 * one token of a non-empty sentence (a random one when all would go).
 *
 * @param ids - token ids of one sentence (unchanged; a new array is returned).
 * @param rate - deletion probability in [0, 1).
 * @param rng - seeded random source.
 */
export function deleteWords(ids: readonly number[], rate: number, rng: Rng): number[] {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new Error(`rate must be a number in [0, 1) (got ${String(rate)}).`);
  }
  const kept = ids.filter(() => rng.uniform() >= rate);
  if (kept.length > 0 || ids.length === 0) return kept;
  return [ids[rng.int(ids.length)]!];
}
