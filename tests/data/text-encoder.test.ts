// The pretrained encoder's asset: the size the figures announce ("Loading the pretrained
// encoder, 2.3 MB…") is the committed file's, and the reader's error sentences say what to do.
import { statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  SENTENCE_ENCODER_BYTES,
  SENTENCE_ENCODER_SIZE,
  fetchSentenceEncoder,
} from '../../src/data/text-encoder';

describe('the sentence encoder asset', () => {
  it('is as large as the figures say', () => {
    const file = new URL('../../src/data/text-encoder/sentence-encoder.bin', import.meta.url);
    expect(statSync(file).size).toBe(SENTENCE_ENCODER_BYTES);
    expect(SENTENCE_ENCODER_SIZE).toBe('2.3 MB');
  });

  it('downloads the bytes, or says why not', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const ok = vi.fn(async () => new Response(bytes));
    expect(new Uint8Array(await fetchSentenceEncoder(ok, 'x.bin'))).toEqual(bytes);
    expect(ok).toHaveBeenCalledWith('x.bin');
    const down = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchSentenceEncoder(down)).rejects.toThrow(
      "The sentence encoder's weights (2.3 MB) could not be downloaded: the network seems to be " +
        'down, and they are not in the offline copy yet. Reconnect and try again.',
    );
    const missing = async () => new Response('gone', { status: 404 });
    await expect(fetchSentenceEncoder(missing)).rejects.toThrow(/\(HTTP 404\)\. Try again/);
  });
});
