// The pretrained encoder as a thread loads it (src/worker/sentence-encoder.ts): once, shared by
// every caller; every way it can fail — offline, an HTTP error, a file that is not a checkpoint,
// a truncated or corrupted one — gives the reader a sentence, and a later call tries again. The
// SimCSE experiment's `create` rejects with that sentence, and succeeds once the file is back.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SENTENCE_ENCODER_URL } from '../../src/data/text-encoder';
import { SIMCSE_DEFAULTS } from '../../src/settings/simcse';
import { simcseExperiment } from '../../src/worker/experiments/simcse';
import { loadSentenceEncoder } from '../../src/worker/sentence-encoder';
import { useWasm } from './helpers';

beforeAll(useWasm);
afterEach(() => void vi.unstubAllGlobals());

const CHECKPOINT = readFileSync(
  new URL('../../src/data/text-encoder/sentence-encoder.bin', import.meta.url),
);

/** A fetch that answers `body` with `status`. */
const answering = (body: () => BodyInit | null, status = 200) =>
  vi.fn(async () => new Response(body(), { status }));

const offline = vi.fn(async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
});

// In this order: nothing is loaded until the last test (the thread keeps what it loaded).
describe('loadSentenceEncoder and the SimCSE experiment', () => {
  it('say why the checkpoint cannot be had, and forget the failure', async () => {
    await expect(loadSentenceEncoder(offline)).rejects.toThrow(
      /could not be downloaded: the network seems to be down.*Reconnect and try again/,
    );
    await expect(loadSentenceEncoder(answering(() => 'Not found', 404))).rejects.toThrow(
      /could not be downloaded \(HTTP 404\)/,
    );
    await expect(loadSentenceEncoder(answering(() => '<!doctype html>'))).rejects.toThrow(
      /unreadable: not a checkpoint file/,
    );
    const cut = () => new Uint8Array(CHECKPOINT.subarray(0, CHECKPOINT.length / 2));
    await expect(loadSentenceEncoder(answering(cut))).rejects.toThrow(/cut short/);
    const flipped = () => {
      const bytes = new Uint8Array(CHECKPOINT);
      bytes[bytes.length - 100] ^= 0xff;
      return bytes;
    };
    await expect(loadSentenceEncoder(answering(flipped))).rejects.toThrow(/checksum/);
    vi.stubGlobal(
      'fetch',
      answering(() => 'Not found', 404),
    );
    await expect(simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: '' }, 0)).rejects.toThrow(
      /HTTP 404/,
    );
  });

  it('load it once for every caller, and the experiment starts from it', async () => {
    const good = answering(() => new Uint8Array(CHECKPOINT));
    const [a, b] = await Promise.all([loadSentenceEncoder(good), loadSentenceEncoder(good)]);
    expect(a).toBe(b);
    expect(a.width).toBe(64);
    expect(good).toHaveBeenCalledOnce();
    expect(good).toHaveBeenCalledWith(SENTENCE_ENCODER_URL);
    expect(await loadSentenceEncoder(offline)).toBe(a);
    vi.stubGlobal('fetch', offline);
    const experiment = await simcseExperiment.create({ ...SIMCSE_DEFAULTS, query: '' }, 0);
    expect((await experiment.snapshot()).step).toBe(0);
    experiment.dispose();
  }, 120_000);
});
