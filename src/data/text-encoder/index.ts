// The SimCSE chapter's pretrained sentence encoder (made by `npm run pretrain:text`, see
// src/core/text/README.md): one binary asset whose file name carries a hash of its content, so a
// cached copy can never pair old weights with new code: the hashed name is the version. Fetched
// only when a SimCSE figure nears the screen (never on first paint), precached by the service
// worker for offline reading (`bin` in the PWA's globPatterns, docs/.vuepress/config.ts).
// The bytes are handed to the core's `decodeCheckpoint`, which checks them; the decoded copy is
// kept once per page and once per worker (src/worker/sentence-encoder.ts).
import checkpointUrl from './sentence-encoder.bin?url';

/** Where the built site serves the checkpoint. */
export const SENTENCE_ENCODER_URL = checkpointUrl;

/** Size of the checkpoint file in bytes (tests/data/text-encoder.test.ts keeps it true). */
export const SENTENCE_ENCODER_BYTES = 2_346_280;

/** The checkpoint's size as a reader reads it: "2.3 MB". */
export const SENTENCE_ENCODER_SIZE = `${(SENTENCE_ENCODER_BYTES / 1e6).toFixed(1)} MB`;

/**
 * Downloads the checkpoint's bytes. Fails with a sentence a reader can act on; the caller keeps
 * what it decodes, and calls again to retry.
 */
export async function fetchSentenceEncoder(
  fetcher: typeof fetch = fetch,
  url: string = SENTENCE_ENCODER_URL,
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch {
    throw new Error(
      `The sentence encoder's weights (${SENTENCE_ENCODER_SIZE}) could not be downloaded: the ` +
        'network seems to be down, and they are not in the offline copy yet. Reconnect and try again.',
    );
  }
  if (!response.ok) {
    throw new Error(
      `The sentence encoder's weights could not be downloaded (HTTP ${response.status}). ` +
        'Try again; if it persists, the site was deployed without them.',
    );
  }
  return response.arrayBuffer();
}
