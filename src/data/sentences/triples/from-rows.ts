import type { NliTriple, Topic } from '../types';

/** One hand-written triple as `[premise, entailment, contradiction]`. */
export type TripleRow = readonly [premise: string, entailment: string, contradiction: string];

/** Turns a topic's compact rows into labelled triples (keeps the data files free of repeated keys). */
export function triplesFromRows(topic: Topic, rows: readonly TripleRow[]): NliTriple[] {
  return rows.map(([premise, entailment, contradiction]) => ({
    topic,
    premise,
    entailment,
    contradiction,
  }));
}
