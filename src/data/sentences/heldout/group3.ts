import type { HeldoutPair } from '../types';
import { heldoutFromRows } from './from-rows';

/** Held-out pairs for photography, chess, sailing, school and cycling. */
export const group3Pairs: readonly HeldoutPair[] = heldoutFromRows([]);
