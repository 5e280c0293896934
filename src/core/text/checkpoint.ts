// The pretrained sentence encoder's file: vocabulary, sizes and weights in one binary blob, so a
// figure fetches one versioned asset and cannot pair old weights with new words. Layout:
//   "CSE1" · u32 header length · header JSON (UTF-8) · zero padding to 4 bytes · tensor data.
// The header lists each tensor's name, shape, storage and byte range, and an FNV-1a checksum of
// the data, so a truncated or corrupted download fails with a message instead of silently
// loading wrong weights. Storage: float32, float16, or int8 with one float32 scale per row.

const MAGIC = 'CSE1';

/** How a tensor's values are stored. */
export type Storage = 'float32' | 'float16' | 'int8';

/** A named weight matrix or vector, row-major. */
export interface NamedTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** Everything needed to rebuild a pretrained encoder and its vocabulary. */
export interface EncoderCheckpoint {
  /** The vocabulary's words in id order (after `[PAD]` and the unknown buckets). */
  readonly words: readonly string[];
  /** Unknown-word buckets of the vocabulary. */
  readonly unknownBuckets: number;
  /** Longest token sequence the encoder takes. */
  readonly maxLength: number;
  /** Encoder sizes (width, heads, hidden). */
  readonly width: number;
  readonly heads: number;
  readonly hidden: number;
  /** Weights by encoder variable name (`tokens`, `positions`, `query`, …); absent ones start fresh. */
  readonly tensors: Readonly<Record<string, NamedTensor>>;
  /** How it was made: objective, corpus, steps, seed, measured quality (free-form, shown in tooling). */
  readonly provenance: Readonly<Record<string, unknown>>;
}

interface TensorEntry {
  name: string;
  shape: number[];
  storage: Storage;
  offset: number;
  bytes: number;
}

interface Header extends Omit<EncoderCheckpoint, 'tensors'> {
  format: 1;
  checksum: number;
  entries: TensorEntry[];
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half precision bits of a float (round to nearest even; overflow to ±∞). */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = ((x >>> 23) & 0xff) - 127 + 15;
  let mantissa = x & 0x7fffff;
  if (((x >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  if (exponent >= 0x1f) return sign | 0x7c00;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - exponent;
    const half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (half + (rest > midpoint || (rest === midpoint && half & 1) ? 1 : 0));
  }
  const half = (exponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

/** The float value of IEEE half precision bits. */
export function fromHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function encodeValues(tensor: NamedTensor, storage: Storage): Uint8Array {
  const { values } = tensor;
  if (storage === 'float32') return new Uint8Array(values.slice().buffer);
  if (storage === 'float16') {
    return new Uint8Array(Uint16Array.from(values, (v) => toHalf(v)).buffer);
  }
  // int8: one float32 scale per row (the last axis is the row), then the quantised values.
  const cols = tensor.shape.length > 1 ? tensor.shape[tensor.shape.length - 1]! : values.length;
  const rows = values.length / cols;
  const out = new Uint8Array(rows * 4 + values.length);
  const scales = new Float32Array(out.buffer, 0, rows);
  const q = new Int8Array(out.buffer, rows * 4);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(values[r * cols + c]!));
    const scale = max / 127;
    scales[r] = scale;
    for (let c = 0; c < cols; c++) {
      q[r * cols + c] = scale === 0 ? 0 : Math.round(values[r * cols + c]! / scale);
    }
  }
  return out;
}

function decodeValues(bytes: Uint8Array, entry: TensorEntry): Float32Array {
  const size = entry.shape.reduce((a, b) => a * b, 1);
  const copy = bytes.slice(); // aligned copy
  if (entry.storage === 'float32') return new Float32Array(copy.buffer, 0, size);
  if (entry.storage === 'float16') {
    return Float32Array.from(new Uint16Array(copy.buffer, 0, size), fromHalf);
  }
  const cols = entry.shape.length > 1 ? entry.shape[entry.shape.length - 1]! : size;
  const rows = size / cols;
  const scales = new Float32Array(copy.buffer, 0, rows);
  const q = new Int8Array(copy.buffer, rows * 4, size);
  return Float32Array.from(q, (v, i) => v * scales[Math.floor(i / cols)]!);
}

/**
 * Serialises a checkpoint.
 * @param storage - storage per tensor name; tensors not listed are float32.
 */
export function encodeCheckpoint(
  checkpoint: EncoderCheckpoint,
  storage: Readonly<Record<string, Storage>> = {},
): Uint8Array {
  const blobs: Uint8Array[] = [];
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const [name, tensor] of Object.entries(checkpoint.tensors)) {
    const size = tensor.shape.reduce((a, b) => a * b, 1);
    if (size !== tensor.values.length) {
      throw new Error(
        `tensor ${name}: shape [${tensor.shape.join(', ')}] ≠ ${tensor.values.length} values.`,
      );
    }
    const kind = storage[name] ?? 'float32';
    const blob = encodeValues(tensor, kind);
    const padded = Math.ceil(blob.length / 4) * 4;
    entries.push({ name, shape: [...tensor.shape], storage: kind, offset, bytes: blob.length });
    blobs.push(blob, new Uint8Array(padded - blob.length));
    offset += padded;
  }
  const data = new Uint8Array(offset);
  let at = 0;
  for (const blob of blobs) {
    data.set(blob, at);
    at += blob.length;
  }
  const header: Header = {
    format: 1,
    words: checkpoint.words,
    unknownBuckets: checkpoint.unknownBuckets,
    maxLength: checkpoint.maxLength,
    width: checkpoint.width,
    heads: checkpoint.heads,
    hidden: checkpoint.hidden,
    provenance: checkpoint.provenance,
    checksum: fnv1a(data),
    entries,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((8 + json.length) / 4) * 4;
  const out = new Uint8Array(start + data.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(data, start);
  return out;
}

/** Reads a checkpoint, failing with a plain message when the bytes are not a whole, intact one. */
export function decodeCheckpoint(input: ArrayBuffer | Uint8Array): EncoderCheckpoint {
  // A plain Uint8Array view: Node's Buffer is a Uint8Array whose slice() shares memory instead of
  // copying, which decodeValues relies on.
  const bytes =
    input instanceof Uint8Array
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input);
  const fail = (why: string): never => {
    throw new Error(`The sentence encoder's weights are unreadable: ${why}.`);
  };
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    fail('not a checkpoint file (wrong signature)');
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (8 + length > bytes.length) fail('the file is cut short');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    return fail('its header is damaged');
  }
  if (header.format !== 1) fail(`format ${String(header.format)} is not supported`);
  const data = bytes.subarray(Math.ceil((8 + length) / 4) * 4);
  const end = Math.max(0, ...header.entries.map((e) => e.offset + Math.ceil(e.bytes / 4) * 4));
  if (data.length < end) fail('the file is cut short');
  if (fnv1a(data.subarray(0, end)) !== header.checksum) fail('its checksum does not match');
  const tensors: Record<string, NamedTensor> = {};
  for (const entry of header.entries) {
    tensors[entry.name] = {
      shape: entry.shape,
      values: decodeValues(data.subarray(entry.offset, entry.offset + entry.bytes), entry),
    };
  }
  return {
    words: header.words,
    unknownBuckets: header.unknownBuckets,
    maxLength: header.maxLength,
    width: header.width,
    heads: header.heads,
    hidden: header.hidden,
    provenance: header.provenance,
    tensors,
  };
}
