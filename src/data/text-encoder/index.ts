// The SimCSE chapter's pretrained sentence encoder (made by `npm run pretrain:text`, see
// src/core/text/README.md): one binary asset whose file name carries a hash of its content, so a
// cached copy can never pair old weights with new code. Fetched only when a SimCSE figure needs
// it (never on first paint), precached by the service worker for offline reading.
// The bytes are handed to the core's `decodeCheckpoint`, which checks them.
import checkpointUrl from './sentence-encoder.bin?url';

/** Where the built site serves the checkpoint. */
export const SENTENCE_ENCODER_URL = checkpointUrl;

let pending: Promise<ArrayBuffer> | null = null;

/**
 * Downloads the checkpoint's bytes once per page or worker (later calls share the first); a
 * failed attempt is forgotten, so calling again retries. Fails with a sentence a reader can act on.
 */
export function fetchSentenceEncoder(
  fetcher: typeof fetch = fetch,
  url: string = SENTENCE_ENCODER_URL,
): Promise<ArrayBuffer> {
  pending ??= (async () => {
    let response: Response;
    try {
      response = await fetcher(url);
    } catch {
      throw new Error(
        "The sentence encoder's weights (about 2 MB) could not be downloaded: the network seems " +
          'to be down, and they are not in the offline copy yet. Reconnect and try again.',
      );
    }
    if (!response.ok) {
      throw new Error(
        `The sentence encoder's weights could not be downloaded (HTTP ${response.status}). ` +
          'Reload the page; if it persists, the site was deployed without them.',
      );
    }
    return response.arrayBuffer();
  })().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}
