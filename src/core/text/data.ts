// The training and evaluation data a SimCSE session uses, as the caller hands it in (the chapter's
// is the hand-written sentence set of src/data/sentences, `defaultSimcseData()` there). The types
// are structural: any data of this shape will do, and the core never imports the data sets.
import type { ScoredPair } from './metrics';

/** A training sentence with the topic it is about (for colouring and checking neighbours). */
export interface TopicSentence {
  /** The sentence text. */
  readonly text: string;
  /** Its topic, e.g. `'cooking'`. */
  readonly topic: string;
}

/** A premise with a sentence it entails (the positive) and one it contradicts (a hard negative). */
export interface EntailmentTriple {
  readonly premise: string;
  readonly entailment: string;
  readonly contradiction: string;
}

/** Sentences for training and evaluating a sentence encoder. */
export interface SimcseData {
  /** Unlabelled training sentences (unsupervised SimCSE; nearest-neighbour search). */
  readonly corpus: readonly TopicSentence[];
  /** Premise / entailment / contradiction triples (supervised SimCSE). */
  readonly triples: readonly EntailmentTriple[];
  /** Graded evaluation pairs, disjoint from the training sentences. */
  readonly pairs: readonly ScoredPair[];
  /** Held-out sentences with their topics, for the topic check of nearest neighbours. */
  readonly queries?: readonly TopicSentence[];
}

/** Every training sentence (corpus and the three sides of each triple): the vocabulary's source. */
export function trainingSentences(data: SimcseData): string[] {
  return [
    ...data.corpus.map((s) => s.text),
    ...data.triples.flatMap((t) => [t.premise, t.entailment, t.contradiction]),
  ];
}
