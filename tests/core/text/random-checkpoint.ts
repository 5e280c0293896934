// A checkpoint without weights for tests: the vocabulary of the data's training sentences and a
// small width, so every weight starts random from the session's seed (fast to build and step).
import type { EncoderCheckpoint } from '../../../src/core/text/checkpoint';
import { type SimcseData, trainingSentences } from '../../../src/core/text/data';
import { buildVocabulary } from '../../../src/core/text/vocabulary';

/** A weightless checkpoint over `data`'s training words, `width` wide. */
export function randomCheckpoint(data: SimcseData, width: number): EncoderCheckpoint {
  const unknownBuckets = 8;
  const vocabulary = buildVocabulary(trainingSentences(data), { unknownBuckets });
  return {
    words: vocabulary.tokens.slice(1 + unknownBuckets),
    unknownBuckets,
    maxLength: vocabulary.maxLength,
    width,
    heads: 2,
    hidden: 2 * width,
    tensors: {},
    provenance: { made: 'tests: no weights, every one random' },
  };
}
