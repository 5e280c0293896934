// The pretrained sentence encoder, downloaded and decoded once per thread: in a training worker,
// for the SimCSE experiment (its trained session and its untuned twin share it); on the page, for
// the figures' loading gate (components/composables/useSentenceEncoder.ts), DropoutTwice and the
// main-thread fallback, which share it too. A failed download or a file that does not decode is
// forgotten, so the next call tries again.
import { decodeCheckpoint, type EncoderCheckpoint } from '../core/text/checkpoint';
import { fetchSentenceEncoder } from '../data/text-encoder';

let loading: Promise<EncoderCheckpoint> | null = null;

/**
 * The decoded checkpoint of this thread, downloading it on the first call (later calls share it).
 *
 * @throws a sentence a reader can act on: offline and not cached, an HTTP error, a corrupt file
 */
export function loadSentenceEncoder(fetcher?: typeof fetch): Promise<EncoderCheckpoint> {
  loading ??= fetchSentenceEncoder(fetcher)
    .then(decodeCheckpoint)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
