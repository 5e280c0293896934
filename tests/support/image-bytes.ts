// Hand-made image headers for the tests: a few bytes that state a format and a size, with no
// pixel data behind them (the header parser and the studio's upload path never read further).
export const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)),
  );
export const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
export const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

export const png = (width: number, height: number) =>
  bytes([0x89], 'PNG\r\n\x1a\n', be32(13), 'IHDR', be32(width), be32(height), [8, 2, 0, 0, 0]);
/** A GIF without colour tables: logical screen, one extension, then a frame at `left, top`. */
export const gif = (width: number, height: number, frame = [0, 0, width, height]) =>
  bytes(
    'GIF89a',
    le16(width),
    le16(height),
    [0, 0, 0],
    [0x21, 0xf9, 4, 0, 0, 0, 0, 0], // graphic control extension
    [0x2c, ...frame.flatMap(le16), 0],
  );
export const riff = (chunk: string, body: number[]) =>
  bytes('RIFF', le32(4 + 8 + body.length), 'WEBP', chunk, le32(body.length), body);
export const vp8 = (width: number, height: number) =>
  riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height), 0, 0]);
export const vp8l = (width: number, height: number) => {
  const bits = (width - 1) | ((height - 1) << 14);
  return riff('VP8L', [0x2f, ...le32(bits >>> 0), 0]);
};
export const vp8x = (width: number, height: number) =>
  riff('VP8X', [0, 0, 0, 0, ...le24(width - 1), ...le24(height - 1)]);
export const bmp = (width: number, height: number) =>
  bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(width >>> 0), le32(height >>> 0), [1, 0]);
/** SOI, an APP0 segment of `padding` bytes, then a frame header (SOF0, baseline, unless `sof`). */
export const jpeg = (width: number, height: number, padding = 14, sof = 0xc0) =>
  bytes(
    [0xff, 0xd8, 0xff, 0xe0, (padding + 2) >> 8, (padding + 2) & 255],
    new Array<number>(padding).fill(0),
    [0xff, sof, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3],
  );
