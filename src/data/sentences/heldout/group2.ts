import type { HeldoutPair } from '../types';
import { heldoutFromRows } from './from-rows';

/** Held-out pairs for music, train travel, medicine, programming, pets and hiking. */
export const group2Pairs: readonly HeldoutPair[] = heldoutFromRows([]);
