// Browser-side image handling of the augmentation studio: check an uploaded file's header, decode
// it, resize it to the studio's square, and paint [0, 1] RGB pixels onto a canvas. Every failure
// becomes an Error with a message the reader can act on.
import {
  STUDIO_SIZE,
  centreSquare,
  dimensionProblem,
  fileProblem,
  headerProblem,
} from '../../../src/support/augmentation-studio';
import { parseImageHeader, type ImageHeader } from '../../../src/support/image-header';

/** RGB pixels in [0, 1], `size × size × 3`, row-major. */
export type RgbImage = Float32Array;

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx)
    throw new Error('This browser cannot draw on a canvas, so the picture cannot be shown.');
  return ctx;
}

/** Bytes read first for the header: enough for every format but a JPEG with large metadata. */
const HEADER_BYTES = 64 * 1024;

/** The format and dimensions stated in `file`'s header, read without decoding it. */
async function readHeader(file: Blob): Promise<ImageHeader> {
  const head = parseImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  if (head.status !== 'truncated' || file.size <= HEADER_BYTES) return head;
  // A JPEG's frame header can follow more metadata than the first block holds.
  return parseImageHeader(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Decodes `file`, crops its centred square and resizes it to `size × size`.
 *
 * @throws an Error with a reader-facing message for a non-image, empty, huge or corrupt file, an
 *   unsupported format or too many pixels; the last three before any decoding
 */
export async function loadImageFile(file: File, size = STUDIO_SIZE): Promise<RgbImage> {
  const problem = fileProblem(file) ?? headerProblem(file, await readHeader(file));
  if (problem) throw new Error(problem);
  if (typeof createImageBitmap !== 'function') {
    throw new Error('This browser cannot decode pictures in the page.');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} could not be read as an image; it may be damaged.`);
  }
  try {
    const tooBig = dimensionProblem(file.name, bitmap.width, bitmap.height);
    if (tooBig) throw new Error(tooBig);
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = context(canvas);
    const [x, y, side] = centreSquare(bitmap.width, bitmap.height);
    ctx.drawImage(bitmap, x, y, side, side, 0, 0, size, size);
    const { data } = ctx.getImageData(0, 0, size, size);
    const rgb = new Float32Array(size * size * 3);
    for (let i = 0; i < size * size; i++) {
      for (let c = 0; c < 3; c++) rgb[3 * i + c] = (data[4 * i + c] as number) / 255;
    }
    return rgb;
  } finally {
    bitmap.close();
  }
}

/** Paints `rgb` (`size × size × 3` in [0, 1]) onto `canvas`, resizing the canvas to fit. */
export function paintImage(canvas: HTMLCanvasElement, rgb: ArrayLike<number>, size: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return; // no 2-D canvas (e.g. a test DOM): nothing to paint on
  canvas.width = size;
  canvas.height = size;
  const image = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) {
      image.data[4 * i + c] = Math.round(255 * Math.min(1, Math.max(0, rgb[3 * i + c] as number)));
    }
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
