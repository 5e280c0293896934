// The image header parser on hand-made bytes: each format's dimensions, the format sniffed from the
// bytes alone, unsupported formats named, and truncated or hostile headers answered without a throw.
import { describe, expect, it } from 'vitest';
import { parseImageHeader } from '../../src/support/image-header';
import { be32, bmp, bytes, gif, jpeg, le32, png, riff, vp8, vp8l, vp8x } from './image-bytes';

describe('parseImageHeader', () => {
  it('reads the dimensions each format states', () => {
    const cases: [Uint8Array, string, number, number][] = [
      [png(20_000, 20_000), 'png', 20_000, 20_000],
      [png(640, 480), 'png', 640, 480],
      [gif(320, 200), 'gif', 320, 200],
      [gif(1, 1, [0, 0, 30_000, 30_000]), 'gif', 30_000, 30_000], // a frame beyond the screen
      [gif(100, 100, [90, 50, 20, 20]), 'gif', 110, 100],
      [vp8(1024, 768), 'webp', 1024, 768],
      [vp8l(16_384, 3), 'webp', 16_384, 3],
      [vp8x(30_000, 30_000), 'webp', 30_000, 30_000],
      [bmp(800, 600), 'bmp', 800, 600],
      [bmp(800, -600), 'bmp', 800, 600], // top-down rows
      [jpeg(4000, 3000), 'jpeg', 4000, 3000],
      [jpeg(65_535, 65_535, 5_000, 0xc2), 'jpeg', 65_535, 65_535], // progressive
    ];
    for (const [data, format, width, height] of cases) {
      expect(parseImageHeader(data), format).toEqual({ status: 'ok', format, width, height });
    }
  });

  it('skips JPEG metadata, fill bytes and stand-alone markers before the frame header', () => {
    const data = jpeg(1200, 900, 60_000);
    expect(parseImageHeader(data)).toMatchObject({ width: 1200, height: 900 });
    const filled = bytes([0xff, 0xd8, 0xff, 0xff, 0xd0], [0xff, 0xc1, 0, 17, 8, 0, 9, 0, 12]);
    expect(parseImageHeader(filled)).toEqual({
      status: 'ok',
      format: 'jpeg',
      width: 12,
      height: 9,
    });
  });

  it('says truncated when the bytes end before the dimensions', () => {
    // Each cut ends one byte before the last byte of the height (or width) the header states.
    const cases: [Uint8Array, number][] = [
      [png(10, 10), 23],
      [gif(5, 5), 13 + 8 + 8],
      [vp8(9, 9), 29],
      [vp8l(9, 9), 24],
      [vp8x(9, 9), 29],
      [bmp(7, 7), 25],
      [jpeg(8, 8, 500), 500 + 6 + 8],
    ];
    for (const [whole, cut] of cases) {
      const result = parseImageHeader(whole.subarray(0, cut));
      expect(result.status, `${whole.length} bytes cut to ${cut}`).toBe('truncated');
      expect(parseImageHeader(whole.subarray(0, cut + 1)).status).toBe('ok');
    }
  });

  it('calls hostile headers damaged, never throws and never loops', () => {
    const zero = parseImageHeader(png(0, 100));
    expect(zero).toMatchObject({ status: 'damaged', format: 'png' });
    const noIhdr = png(10, 10);
    noIhdr.set(bytes('tEXt'), 12);
    expect(parseImageHeader(noIhdr)).toMatchObject({ status: 'damaged', format: 'png' });
    const shortSegment = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0, 0, 0]);
    expect(parseImageHeader(shortSegment)).toMatchObject({ status: 'damaged', format: 'jpeg' });
    const scanFirst = bytes([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 2, 3, 4, 5, 6]);
    expect(parseImageHeader(scanFirst)).toMatchObject({ status: 'damaged', format: 'jpeg' });
    const badVp8 = vp8(10, 10);
    badVp8[23] = 0;
    expect(parseImageHeader(badVp8)).toMatchObject({ status: 'damaged', format: 'webp' });
    const noFrame = gif(10, 10);
    noFrame[21] = 0x3b; // the trailer where the frame should be
    expect(parseImageHeader(noFrame)).toMatchObject({ status: 'damaged', format: 'gif' });
    const badInfo = bmp(10, 10);
    badInfo.set(le32(0xffffffff), 14);
    expect(parseImageHeader(badInfo)).toMatchObject({ status: 'damaged', format: 'bmp' });
    expect(parseImageHeader(riff('ALPH', new Array<number>(20).fill(0)))).toMatchObject({
      status: 'damaged',
      format: 'webp',
    });
    // A hostile JPEG of 25,000 minimal segments ends, as truncated.
    const segments = bytes([0xff, 0xd8], ...new Array<number[]>(25_000).fill([0xff, 0xe1, 0, 2]));
    expect(parseImageHeader(segments)).toEqual({ status: 'truncated', format: 'jpeg' });
    for (let seed = 1; seed <= 200; seed++) {
      const noise = Uint8Array.from({ length: seed * 3 }, (_, i) => (seed * 7919 * (i + 1)) % 256);
      noise.set([0xff, 0xd8, 0xff], 0);
      expect(() => parseImageHeader(noise)).not.toThrow();
    }
  });

  it('names the formats it recognises only to refuse', () => {
    const svg = bytes(
      '\xEF\xBB\xBF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">',
    );
    expect(parseImageHeader(svg)).toEqual({ status: 'unsupported', format: 'svg' });
    const heic = bytes(be32(24), 'ftypheic', be32(0), 'mif1heic');
    expect(parseImageHeader(heic)).toEqual({ status: 'unsupported', format: 'heic' });
    const avif = bytes(be32(28), 'ftypavif', be32(0), 'avifmif1miaf');
    expect(parseImageHeader(avif)).toEqual({ status: 'unsupported', format: 'avif' });
    expect(parseImageHeader(bytes('II*\0', le32(8)))).toEqual({
      status: 'unsupported',
      format: 'tiff',
    });
    expect(parseImageHeader(bytes([0xff, 0x0a, 0, 0]))).toEqual({
      status: 'unsupported',
      format: 'jxl',
    });
  });

  it('knows nothing of text, empty input or a name: only the bytes count', () => {
    expect(parseImageHeader(bytes('just some words'))).toEqual({ status: 'unknown' });
    expect(parseImageHeader(new Uint8Array(0))).toEqual({ status: 'unknown' });
    expect(parseImageHeader(bytes('<html><body>no svg here</body></html>'))).toEqual({
      status: 'unknown',
    });
  });
});
