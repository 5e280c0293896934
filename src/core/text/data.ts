// The training and evaluation data a SimCSE session uses, defaulting to the project's
// hand-written sentence set (src/data/sentences).
import {
  type LabelledSentence,
  type NliTriple,
  type StsPair,
  labelledSentences,
  nliTriples,
  stsPairs,
} from '../../data/sentences';

/** Sentences for training and evaluating a sentence encoder. */
export interface SimcseData {
  /** Unlabelled training sentences (unsupervised SimCSE; nearest-neighbour search). */
  readonly corpus: readonly LabelledSentence[];
  /** Premise / entailment / contradiction triples (supervised SimCSE). */
  readonly triples: readonly NliTriple[];
  /** Graded evaluation pairs, disjoint from the training sentences. */
  readonly pairs: readonly StsPair[];
}

/** The project's sentence data: 1,144 corpus sentences, 330 triples and 171 STS-style pairs. */
export function defaultSimcseData(): SimcseData {
  return { corpus: labelledSentences(), triples: nliTriples(), pairs: stsPairs() };
}

/** Every training sentence (corpus and the three sides of each triple): the vocabulary's source. */
export function trainingSentences(data: SimcseData): string[] {
  return [
    ...data.corpus.map((s) => s.text),
    ...data.triples.flatMap((t) => [t.premise, t.entailment, t.contradiction]),
  ];
}
