/**
 * The project's hand-written English sentence data for the SimCSE chapter: a topic-labelled
 * training corpus, NLI-style triples for supervised training and an STS-style evaluation set whose
 * sentences never occur in the training data. See README.md in this folder for how it was made.
 */
import { CORPUS } from './corpus';
import { group1Pairs } from './heldout/group1';
import { group2Pairs } from './heldout/group2';
import { group3Pairs } from './heldout/group3';
import { group4Pairs } from './heldout/group4';
import { equivalentPairs } from './sts/equivalent';
import { partialPairs } from './sts/partial';
import { roughlyEquivalentPairs } from './sts/roughly-equivalent';
import { topicalPairs } from './sts/topical';
import { unrelatedPairs } from './sts/unrelated';
import { artsTriples } from './triples/arts';
import { foodAndLandTriples } from './triples/food-and-land';
import { homeAndTravelTriples } from './triples/home-and-travel';
import { skyAndSeaTriples } from './triples/sky-and-sea';
import { sportAndGamesTriples } from './triples/sport-and-games';
import { workAndMoneyTriples } from './triples/work-and-money';
import type { HeldoutPair, NliTriple, StsPair, Topic, TopicCorpus } from './types';

export { TOPICS } from './types';
export type { HeldoutPair, NliTriple, StsPair, Topic, TopicCorpus } from './types';
export { normaliseSentence } from './normalise';
export { CORPUS };

const TRIPLES: readonly NliTriple[] = [
  ...foodAndLandTriples,
  ...skyAndSeaTriples,
  ...sportAndGamesTriples,
  ...workAndMoneyTriples,
  ...artsTriples,
  ...homeAndTravelTriples,
];

const PAIRS: readonly StsPair[] = [
  ...unrelatedPairs,
  ...topicalPairs,
  ...partialPairs,
  ...roughlyEquivalentPairs,
  ...equivalentPairs,
];

const HELDOUT: readonly HeldoutPair[] = [
  ...group1Pairs,
  ...group2Pairs,
  ...group3Pairs,
  ...group4Pairs,
];

/** A sentence of the training corpus with the topic it was written for. */
export interface LabelledSentence {
  /** The sentence text. */
  readonly text: string;
  /** The topic module it comes from. */
  readonly topic: Topic;
}

/**
 * The training sentences, flattened in topic order.
 * @param topic - only this topic's sentences; all topics when omitted.
 */
export function corpusSentences(topic?: Topic): string[] {
  return labelledSentences(topic).map((s) => s.text);
}

/**
 * The training sentences with their topic labels (for colouring embeddings or checking neighbours).
 * @param topic - only this topic's sentences; all topics when omitted.
 */
export function labelledSentences(topic?: Topic): LabelledSentence[] {
  const groups: readonly TopicCorpus[] =
    topic === undefined ? CORPUS : CORPUS.filter((g) => g.topic === topic);
  return groups.flatMap((g) => g.sentences.map((text) => ({ text, topic: g.topic })));
}

/**
 * Premise / entailment / contradiction triples for supervised SimCSE.
 * @param topic - only this topic's triples; all topics when omitted.
 */
export function nliTriples(topic?: Topic): NliTriple[] {
  return TRIPLES.filter((t) => topic === undefined || t.topic === topic);
}

/**
 * The development pairs with their 0–5 similarity scores, ordered from unrelated to equivalent:
 * the set used while choosing the encoder's settings (never the figure's read-out).
 */
export function stsPairs(): StsPair[] {
  return [...PAIRS];
}

/**
 * The held-out evaluation pairs, with each sentence's topic: written after the training data and
 * the development pairs, and never looked at while choosing settings. The figures report these.
 */
export function heldoutPairs(): HeldoutPair[] {
  return [...HELDOUT];
}

/** Each distinct sentence of the held-out pairs once, with its topic (the topic check's queries). */
export function heldoutSentences(): LabelledSentence[] {
  const seen = new Map<string, LabelledSentence>();
  for (const p of HELDOUT) {
    seen.set(p.a, { text: p.a, topic: p.topicA });
    seen.set(p.b, { text: p.b, topic: p.topicB });
  }
  return [...seen.values()];
}

/** Everything a SimCSE session trains and evaluates on (the core's `SimcseData`). */
export interface SimcseSentences {
  /** The training corpus with topic labels. */
  readonly corpus: readonly LabelledSentence[];
  /** NLI-style triples for supervised SimCSE. */
  readonly triples: readonly NliTriple[];
  /** STS-style evaluation pairs, disjoint from the training sentences. */
  readonly pairs: readonly StsPair[];
  /** Held-out sentences with topics, for the nearest-neighbour topic check. */
  readonly queries: readonly LabelledSentence[];
}

/**
 * The SimCSE chapter's data: 1,144 corpus sentences, 330 triples, and the 440 held-out pairs
 * with their 880 sentences as topic-check queries.
 */
export function defaultSimcseData(): SimcseSentences {
  return {
    corpus: labelledSentences(),
    triples: nliTriples(),
    pairs: heldoutPairs(),
    queries: heldoutSentences(),
  };
}

/** The same training data evaluated on the development pairs: for choosing settings only. */
export function developmentSimcseData(): SimcseSentences {
  return { ...defaultSimcseData(), pairs: stsPairs(), queries: [] };
}
