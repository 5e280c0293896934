import type { HeldoutPair } from '../types';
import { heldoutFromRows } from './from-rows';

/** Held-out pairs for cooking, weather, football, astronomy, banking and gardening. */
export const group1Pairs: readonly HeldoutPair[] = heldoutFromRows([]);
