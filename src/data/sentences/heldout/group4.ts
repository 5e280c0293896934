import type { HeldoutPair } from '../types';
import { heldoutFromRows } from './from-rows';

/** Held-out pairs for coffee, books, farming, painting and home repair. */
export const group4Pairs: readonly HeldoutPair[] = heldoutFromRows([]);
