// Timing half of `npm run bench`, run by scripts/bench.ts inside Vitest's module runner: Vitest
// resolves tfjs-core's extensionless ES build (its gradients exist only there), which plain
// Node/tsx cannot. Measures NT-Xent forward + backward on each tfjs backend available in Node and
// writes the medians as JSON to the path in BENCH_OUT.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { ntXentLoss } from '../../src/core';
import { tf } from '../../src/core/tf';
import { plainNtXent } from './plain-ntxent';
import { BENCH_D, BENCH_SIZES, BENCH_TAU, type TimingColumn } from './settings';

const BUDGET_MS = 2000;
const MAX_REPS = 60;

type Loss = (z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number) => tf.Scalar;

/** Median wall time of one forward + backward pass with the gradients read back. */
async function medianMs(loss: Loss, n: number): Promise<number> {
  const z1 = tf.randomNormal([n, BENCH_D], 0, 1, 'float32', n) as tf.Tensor2D;
  const z2 = tf.randomNormal([n, BENCH_D], 0, 1, 'float32', n + 1) as tf.Tensor2D;
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    loss(a as tf.Tensor2D, b as tf.Tensor2D, BENCH_TAU),
  );
  const once = async () => {
    const start = performance.now();
    const g = grads([z1, z2]);
    await Promise.all(g.map((t) => t.data()));
    const ms = performance.now() - start;
    tf.dispose(g);
    return ms;
  };
  // Warm-up (kernel setup, cached constants); a pass slower than the whole budget is timed once.
  const first = await once();
  const minimum = first > BUDGET_MS ? 1 : 3;
  const times: number[] = [];
  let spent = 0;
  while (times.length < minimum || (spent < BUDGET_MS && times.length < MAX_REPS)) {
    const ms = await once();
    times.push(ms);
    spent += ms;
  }
  tf.dispose([z1, z2]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const columns: { name: string; backend: string; loss: Loss }[] = [
  { name: 'tfjs CPU', backend: 'cpu', loss: ntXentLoss },
  { name: 'tfjs WASM', backend: 'wasm', loss: ntXentLoss },
  { name: 'WASM plain autodiff', backend: 'wasm', loss: plainNtXent },
];

test('NT-Xent timings', async () => {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT must name the JSON file to write.');
  const results: TimingColumn[] = [];
  for (const column of columns) {
    if (!(await tf.setBackend(column.backend))) continue;
    await tf.ready();
    const ms: Record<string, number> = {};
    for (const n of BENCH_SIZES) ms[n] = await medianMs(column.loss, n);
    results.push({ name: column.name, ms });
  }
  writeFileSync(out, JSON.stringify(results));
});
