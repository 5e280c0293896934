// What the SimCSE figures' component tests share: `fetch` answering the committed pretrained
// encoder, as the built site does, or whatever a test sets instead (a 404, garbage).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, vi } from 'vitest';

/** The committed checkpoint's bytes (tests run from the repository root). */
export const CHECKPOINT = readFileSync(resolve('src/data/text-encoder/sentence-encoder.bin'));

/** The committed checkpoint, as a fresh response. */
export const checkpointResponse = () => new Response(new Uint8Array(CHECKPOINT));

/**
 * Stubs `fetch` before each test of the file with the committed checkpoint; returns a setter for
 * the next answers (`serve(() => new Response('Not found', { status: 404 }))`).
 */
export function serveCheckpoint(): (answer: () => Response) => void {
  let answer = checkpointResponse;
  beforeEach(() => {
    answer = checkpointResponse;
    vi.stubGlobal('fetch', async () => answer());
    return () => void vi.unstubAllGlobals();
  });
  return (next) => (answer = next);
}
