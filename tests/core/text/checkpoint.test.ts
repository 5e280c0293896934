// The encoder checkpoint file: exact float32 round trip, bounded float16 / int8 error, and a plain
// message (never wrong weights) for a file that is not a whole, intact checkpoint.
import { describe, expect, it } from 'vitest';
import {
  type EncoderCheckpoint,
  decodeCheckpoint,
  encodeCheckpoint,
  fromHalf,
  toHalf,
} from '../../../src/core/text/checkpoint';

const tokens = Float32Array.from({ length: 6 * 4 }, (_, i) => Math.sin(i) * (i % 5));
const checkpoint: EncoderCheckpoint = {
  words: ['the', 'cat', 'naïve'],
  unknownBuckets: 2,
  maxLength: 8,
  width: 4,
  heads: 2,
  hidden: 8,
  tensors: {
    tokens: { shape: [6, 4], values: tokens },
    norm0Gain: { shape: [4], values: Float32Array.from([1, 0.5, -2, 3]) },
  },
  provenance: { objective: 'skip-gram', seed: 3 },
};

describe('encodeCheckpoint / decodeCheckpoint', () => {
  it('round-trips float32 exactly, with the vocabulary and provenance', () => {
    const back = decodeCheckpoint(encodeCheckpoint(checkpoint));
    expect(back.words).toEqual(checkpoint.words);
    expect(back.provenance).toEqual(checkpoint.provenance);
    expect([back.width, back.heads, back.hidden, back.maxLength]).toEqual([4, 2, 8, 8]);
    expect(Array.from(back.tensors.tokens!.values)).toEqual(Array.from(tokens));
    expect(back.tensors.norm0Gain!.shape).toEqual([4]);
  });

  it('reads a Node Buffer taken from a larger pool as well as an ArrayBuffer', () => {
    const bytes = encodeCheckpoint(checkpoint, { tokens: 'int8' });
    const pooled = Buffer.concat([Buffer.alloc(13, 7), Buffer.from(bytes), Buffer.alloc(5)]);
    const view = pooled.subarray(13, 13 + bytes.length);
    const fromBuffer = decodeCheckpoint(view).tensors;
    const fromArrayBuffer = decodeCheckpoint(bytes.slice().buffer).tensors;
    expect(Array.from(fromBuffer.norm0Gain!.values)).toEqual([1, 0.5, -2, 3]);
    expect(Array.from(fromBuffer.tokens!.values)).toEqual(
      Array.from(fromArrayBuffer.tokens!.values),
    );
  });

  it('stores float16 within half precision and int8 within half a step of each row scale', () => {
    const bytes32 = encodeCheckpoint(checkpoint).length;
    const half = decodeCheckpoint(encodeCheckpoint(checkpoint, { tokens: 'float16' }));
    const int8 = encodeCheckpoint(checkpoint, { tokens: 'int8' });
    expect(int8.length).toBeLessThan(bytes32);
    const quantised = decodeCheckpoint(int8).tensors.tokens!.values;
    for (let r = 0; r < 6; r++) {
      const row = tokens.subarray(r * 4, r * 4 + 4);
      const step = Math.max(...Array.from(row, Math.abs)) / 127;
      for (let c = 0; c < 4; c++) {
        const x = row[c]!;
        expect(Math.abs(half.tensors.tokens!.values[r * 4 + c]! - x)).toBeLessThanOrEqual(
          Math.abs(x) * 2 ** -11 + 1e-7,
        );
        expect(Math.abs(quantised[r * 4 + c]! - x)).toBeLessThanOrEqual(step / 2 + 1e-6);
      }
    }
  });

  it('converts half precision at its edges', () => {
    for (const x of [0, 1, -2.5, 65504, 6.103515625e-5, 5.960464477539063e-8]) {
      expect(fromHalf(toHalf(x))).toBe(x);
    }
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
  });

  it('refuses a file that is not a checkpoint, is cut short or is corrupted', () => {
    const bytes = encodeCheckpoint(checkpoint);
    expect(() => decodeCheckpoint(new TextEncoder().encode('<!doctype html>'))).toThrow(
      /unreadable: not a checkpoint/,
    );
    expect(() => decodeCheckpoint(bytes.slice(0, bytes.length - 8))).toThrow(/cut short/);
    const flipped = bytes.slice();
    flipped[flipped.length - 3]! ^= 0xff;
    expect(() => decodeCheckpoint(flipped)).toThrow(/checksum/);
    expect(() => decodeCheckpoint(bytes.slice(0, 20))).toThrow(/unreadable/);
  });
});
