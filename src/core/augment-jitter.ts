import { COLOR_OP_IDENTITY, COLOR_OPS, perImage } from './augment-color';
import type { JitterOp, JitterParams } from './augment-params';
import { tf } from './tf';

/**
 * How colour jitter honours each image's own order. `grouped`: at each of the four steps, sort the
 * batch by the op it takes there and run each op once on its block — every op once per image, the
 * least arithmetic in at most 16 op calls, best for the CPU and WASM backends (it reads the batch
 * back between steps, free there, a stall on a GPU). `masked`: four steps over the whole batch, each
 * running every op with identity values for the images doing something else at that step — four
 * times the arithmetic, but fixed shapes and few dispatches, best for WebGL and WebGPU, which
 * compile a shader per tensor shape.
 */
export type JitterStrategy = 'grouped' | 'masked';

/** The strategy that suits the active backend. */
export function defaultJitterStrategy(): JitterStrategy {
  const backend = tf.getBackend();
  return backend === 'webgl' || backend === 'webgpu' ? 'masked' : 'grouped';
}

/**
 * `t`, whose rows hold images in the order `from`, with its rows put in the order `to`. The rows
 * are copied in JavaScript: on the CPU and WASM backends (the ones `grouped` is for) the tensor
 * already lives in main memory, and the copy takes a tenth of the time of WASM's gather.
 */
function reorder(t: tf.Tensor4D, from: readonly number[], to: readonly number[]): tf.Tensor4D {
  if (from.every((image, i) => image === to[i])) return t;
  const position = new Int32Array(from.length);
  from.forEach((image, i) => (position[image] = i));
  const source = t.dataSync() as Float32Array;
  const size = source.length / from.length;
  const out = new Float32Array(source.length);
  to.forEach((image, row) => {
    const start = position[image] * size;
    out.set(source.subarray(start, start + size), row * size);
  });
  return tf.tensor4d(out, t.shape);
}

function grouped(x: tf.Tensor4D, params: readonly (JitterParams | null)[]): tf.Tensor4D {
  const identity = params.map((_, i) => i);
  const steps = Math.max(...params.map((p) => p?.order.length ?? 0));
  // Row r of `out` holds image `rows[r]`; each step re-sorts the rows by that step's op.
  let rows = identity;
  let out = x;
  for (let step = 0; step < steps; step += 1) {
    const opOf = (i: number): JitterOp | '' => params[i]?.order[step] ?? '';
    const sorted = [...identity].sort((a, b) =>
      opOf(a) < opOf(b) ? -1 : opOf(a) > opOf(b) ? 1 : a - b,
    );
    const batch = reorder(out, rows, sorted);
    const parts: tf.Tensor4D[] = [];
    for (let start = 0; start < sorted.length;) {
      const op = opOf(sorted[start]);
      let end = start + 1;
      while (end < sorted.length && opOf(sorted[end]) === op) end += 1;
      let block = end - start === sorted.length ? batch : tf.slice(batch, start, end - start);
      if (op !== '') {
        const values = sorted.slice(start, end).map((i) => (params[i] as JitterParams)[op]);
        block = tf.clipByValue(COLOR_OPS[op](block, perImage(values, block)), 0, 1);
      }
      parts.push(block);
      start = end;
    }
    out = parts.length === 1 ? parts[0] : tf.concat(parts, 0);
    rows = sorted;
  }
  return reorder(out, rows, identity);
}

function masked(x: tf.Tensor4D, params: readonly (JitterParams | null)[]): tf.Tensor4D {
  const steps = Math.max(...params.map((p) => p?.order.length ?? 0));
  let out = x;
  for (let step = 0; step < steps; step += 1) {
    for (const op of Object.keys(COLOR_OPS) as JitterOp[]) {
      const active = params.map((p) => p?.order[step] === op);
      if (!active.some(Boolean)) continue;
      const values = params.map((p, i) =>
        active[i] ? (p as JitterParams)[op] : COLOR_OP_IDENTITY[op],
      );
      out = tf.clipByValue(COLOR_OPS[op](out, perImage(values, out)), 0, 1);
    }
  }
  return out;
}

/**
 * Colour jitter in each image's own random order, clipping to [0, 1] after every step as the
 * SimCLR code does. Images with `null` pass unchanged (to float rounding under `masked`).
 * Call inside `tf.tidy`.
 */
export function colorJitter(
  x: tf.Tensor4D,
  params: readonly (JitterParams | null)[],
  strategy: JitterStrategy = defaultJitterStrategy(),
): tf.Tensor4D {
  if (params.every((p) => p === null)) return x;
  return strategy === 'grouped' ? grouped(x, params) : masked(x, params);
}
