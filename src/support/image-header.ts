// Reads an image file's format and pixel dimensions from its first bytes, without decoding it:
// PNG (IHDR), JPEG (the SOFn frame header), GIF (the logical screen), WebP (VP8, VP8L, VP8X) and
// BMP. The format comes from the bytes alone, never from the file's name or MIME type. Formats the
// studio cannot use (SVG, HEIC/HEIF, AVIF, TIFF, JPEG XL) are recognised so they can be named.
// Every input, however short or hostile, gives an answer without throwing.

/** Formats whose dimensions this parser reads. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';
/** Formats recognised only to be refused by name. */
export type UnsupportedFormat = 'svg' | 'heic' | 'avif' | 'tiff' | 'jxl';

/** Reader-facing names of every recognised format. */
export const FORMAT_NAMES: Readonly<Record<ImageFormat | UnsupportedFormat, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  svg: 'SVG',
  heic: 'HEIC/HEIF',
  avif: 'AVIF',
  tiff: 'TIFF',
  jxl: 'JPEG XL',
};

/** What the first bytes of a file say about it. */
export type ImageHeader =
  | { status: 'ok'; format: ImageFormat; width: number; height: number }
  /** The bytes end before the dimensions (read more of the file, or it is cut short). */
  | { status: 'truncated'; format: ImageFormat }
  | { status: 'damaged'; format: ImageFormat; reason: string }
  | { status: 'unsupported'; format: UnsupportedFormat }
  | { status: 'unknown' };

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const u16be = (b: Uint8Array, at: number) => ((b[at] as number) << 8) | (b[at + 1] as number);
const u16le = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) + (b[at + 2] as number) * 0x10000;
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number) => u16le(b, at) + u16le(b, at + 2) * 0x10000;
const i32le = (b: Uint8Array, at: number) => u32le(b, at) | 0;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function dimensions(format: ImageFormat, width: number, height: number): ImageHeader {
  if (width > 0 && height > 0) return { status: 'ok', format, width, height };
  return { status: 'damaged', format, reason: `its header gives a size of ${width} × ${height}` };
}

function png(b: Uint8Array): ImageHeader {
  if (b.length < 24) return { status: 'truncated', format: 'png' };
  if (ascii(b, 12, 4) !== 'IHDR') {
    return { status: 'damaged', format: 'png', reason: 'it does not start with an IHDR chunk' };
  }
  return dimensions('png', u32be(b, 16), u32be(b, 20));
}

/**
 * A GIF's logical screen, grown to hold its first frame: browsers decode a first frame larger
 * than the screen at the frame's size, so a hostile file cannot hide its size behind a tiny screen.
 */
function gif(b: Uint8Array): ImageHeader {
  if (b.length < 13) return { status: 'truncated', format: 'gif' };
  const packed = b[10] as number;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0); // past the global colour table
  for (;;) {
    if (at >= b.length) return { status: 'truncated', format: 'gif' };
    const block = b[at];
    if (block === 0x2c) break; // the first image descriptor
    if (block !== 0x21) {
      return { status: 'damaged', format: 'gif', reason: 'it has no frame before its end' };
    }
    at += 2; // extension introducer and label, then sub-blocks until an empty one
    while (at < b.length && b[at] !== 0) at += (b[at] as number) + 1;
    at += 1;
  }
  if (at + 9 > b.length) return { status: 'truncated', format: 'gif' };
  const width = Math.max(u16le(b, 6), u16le(b, at + 1) + u16le(b, at + 5));
  const height = Math.max(u16le(b, 8), u16le(b, at + 3) + u16le(b, at + 7));
  return dimensions('gif', width, height);
}

function webp(b: Uint8Array): ImageHeader {
  const chunk = ascii(b, 12, 4);
  /** Bytes up to the end of the chunk's dimensions. */
  const needed = chunk === 'VP8L' ? 25 : 30;
  if (b.length < needed) return { status: 'truncated', format: 'webp' };
  if (chunk === 'VP8X') return dimensions('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) {
      return { status: 'damaged', format: 'webp', reason: 'its VP8L signature is wrong' };
    }
    const bits = u32le(b, 21);
    return dimensions('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) {
      return { status: 'damaged', format: 'webp', reason: 'its VP8 start code is wrong' };
    }
    return dimensions('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  return { status: 'damaged', format: 'webp', reason: `its first chunk is "${chunk}"` };
}

function bmp(b: Uint8Array): ImageHeader {
  if (b.length < 18) return { status: 'truncated', format: 'bmp' };
  const infoSize = u32le(b, 14);
  if (infoSize === 12) {
    return b.length < 22
      ? { status: 'truncated', format: 'bmp' }
      : dimensions('bmp', u16le(b, 18), u16le(b, 20));
  }
  if (infoSize < 16 || infoSize > 124) {
    return { status: 'damaged', format: 'bmp', reason: `its info header claims ${infoSize} bytes` };
  }
  if (b.length < 26) return { status: 'truncated', format: 'bmp' };
  // A negative height means the rows are stored top-down; the picture is as tall either way.
  return dimensions('bmp', i32le(b, 18), Math.abs(i32le(b, 22)));
}

/** Start-of-frame markers (SOF0–SOF15 less DHT, JPG and DAC), which carry the dimensions. */
const isStartOfFrame = (m: number) =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers that stand alone, without a length: TEM, RST0–RST7, SOI. */
const standsAlone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd8);

function jpeg(b: Uint8Array): ImageHeader {
  let at = 2;
  for (;;) {
    while (at < b.length && b[at] !== 0xff) at++; // stray bytes between segments
    while (at < b.length && b[at] === 0xff) at++; // fill bytes before the marker
    if (at >= b.length) return { status: 'truncated', format: 'jpeg' };
    const marker = b[at] as number;
    at++;
    if (standsAlone(marker)) continue;
    if (marker === 0xd9 || marker === 0xda) {
      return { status: 'damaged', format: 'jpeg', reason: 'its image data starts before its size' };
    }
    if (at + 2 > b.length) return { status: 'truncated', format: 'jpeg' };
    const length = u16be(b, at);
    if (length < 2) {
      return { status: 'damaged', format: 'jpeg', reason: 'a segment has a length under 2' };
    }
    if (isStartOfFrame(marker)) {
      if (at + 7 > b.length) return { status: 'truncated', format: 'jpeg' };
      return dimensions('jpeg', u16be(b, at + 5), u16be(b, at + 3));
    }
    at += length;
  }
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The ISO media file brands of an `ftyp` box: the major brand, then the compatible ones. */
function brands(b: Uint8Array): string[] {
  const end = Math.min(b.length, u32be(b, 0));
  const list = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) list.push(ascii(b, at, 4));
  return list;
}

function isSvg(b: Uint8Array): boolean {
  const text = ascii(b, 0, 1024)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  return text.startsWith('<') && /<svg[\s>]/i.test(text);
}

/**
 * The format and, where it reads them, the dimensions stated in a file's first bytes.
 *
 * @param bytes - the start of the file (64 KiB is enough for all but JPEGs with large metadata)
 */
export function parseImageHeader(bytes: Uint8Array): ImageHeader {
  const b = bytes;
  if (PNG_SIGNATURE.every((v, i) => b[i] === v)) return png(b);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (/^GIF8[79]a$/.test(ascii(b, 0, 6))) return gif(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  if (ascii(b, 0, 2) === 'BM') return bmp(b);
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const found = brands(b);
    if (found.some((brand) => brand === 'avif' || brand === 'avis')) {
      return { status: 'unsupported', format: 'avif' };
    }
    if (found.some((brand) => HEIF_BRANDS.has(brand)))
      return { status: 'unsupported', format: 'heic' };
  }
  const tiff = ascii(b, 0, 4);
  if (tiff === 'II*\0' || tiff === 'MM\0*') return { status: 'unsupported', format: 'tiff' };
  if ((b[0] === 0xff && b[1] === 0x0a) || ascii(b, 4, 8) === 'JXL \r\n\x87\n') {
    return { status: 'unsupported', format: 'jxl' };
  }
  if (isSvg(b)) return { status: 'unsupported', format: 'svg' };
  return { status: 'unknown' };
}
