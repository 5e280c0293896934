import type { HeldoutPair, Topic } from '../types';

/**
 * One hand-scored held-out pair as `[score, topics, a, b]`: `topics` is the one topic both
 * sentences are about, or `[topic of a, topic of b]` when they differ (pairs scored below 1).
 */
export type HeldoutRow = readonly [
  score: number,
  topics: Topic | readonly [Topic, Topic],
  a: string,
  b: string,
];

/** Turns compact rows into topic-labelled evaluation pairs. */
export function heldoutFromRows(rows: readonly HeldoutRow[]): HeldoutPair[] {
  return rows.map(([score, topics, a, b]) => {
    const [topicA, topicB] = typeof topics === 'string' ? [topics, topics] : topics;
    return { a, b, score, topicA, topicB };
  });
}
