/** The named topics the sentence corpus covers; each has its own module under `corpus/`. */
export const TOPICS = [
  'cooking',
  'weather',
  'football',
  'astronomy',
  'banking',
  'gardening',
  'music',
  'train-travel',
  'medicine',
  'programming',
  'pets',
  'hiking',
  'photography',
  'chess',
  'sailing',
  'school',
  'cycling',
  'coffee',
  'books',
  'farming',
  'painting',
  'home-repair',
] as const;

/** One topic of the corpus, e.g. `'cooking'`. */
export type Topic = (typeof TOPICS)[number];

/** The training sentences written for one topic. */
export interface TopicCorpus {
  /** Which topic these sentences are about. */
  readonly topic: Topic;
  /** Hand-written English sentences, one idea each, roughly 8–20 words. */
  readonly sentences: readonly string[];
}

/**
 * A supervised-SimCSE training example in the style of natural language inference:
 * the premise, a sentence it entails (the positive) and one it contradicts (the hard negative).
 */
export interface NliTriple {
  /** Topic the three sentences are about. */
  readonly topic: Topic;
  /** The anchor sentence. */
  readonly premise: string;
  /** True whenever the premise is true: a paraphrase or a weaker claim. */
  readonly entailment: string;
  /** Cannot be true together with the premise; usually lexically close to it. */
  readonly contradiction: string;
}

/**
 * An evaluation pair in the style of the STS benchmarks: two sentences and a human similarity
 * judgement on the 0–5 scale described in this folder's README.
 */
export interface StsPair {
  /** First sentence. */
  readonly a: string;
  /** Second sentence. */
  readonly b: string;
  /** Graded similarity: 5 same meaning, 4 mostly equivalent, 3 roughly equivalent, 2 share some details, 1 same topic only, 0 unrelated. */
  readonly score: number;
}

/** A held-out evaluation pair: an {@link StsPair} whose two sentences carry their topics. */
export interface HeldoutPair extends StsPair {
  /** Topic of `a`. */
  readonly topicA: Topic;
  /** Topic of `b` (the same as `topicA` for every pair scored 1 or more). */
  readonly topicB: Topic;
}
