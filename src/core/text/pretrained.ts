// A checkpoint's vocabulary and encoder, built one way for every user: the SimCSE session
// fine-tunes this encoder, and the DropoutTwice figure shows its dropout views, so the figure
// shows exactly what the trainer trains on.
import type { EncoderCheckpoint } from './checkpoint';
import { type SentenceEncoder, createSentenceEncoder } from './encoder';
import { type Vocabulary, vocabularyOfWords } from './vocabulary';

/** The checkpoint's vocabulary: its words in id order, its unknown buckets and length limit. */
export function checkpointVocabulary(checkpoint: EncoderCheckpoint): Vocabulary {
  return vocabularyOfWords(checkpoint.words, {
    unknownBuckets: checkpoint.unknownBuckets,
    maxLength: checkpoint.maxLength,
  });
}

/**
 * The checkpoint's encoder over `vocabulary` (its {@link checkpointVocabulary}); weights the
 * checkpoint lacks are drawn from `seed`. The caller disposes it.
 */
export function checkpointEncoder(
  checkpoint: EncoderCheckpoint,
  vocabulary: Vocabulary,
  seed: number,
): SentenceEncoder {
  const { width, heads, hidden, tensors } = checkpoint;
  return createSentenceEncoder(
    { width, heads, hidden, vocabularySize: vocabulary.size, maxLength: vocabulary.maxLength },
    seed,
    tensors,
  );
}
