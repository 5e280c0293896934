// Timing half of `npm run bench`, run by scripts/bench.ts inside Vitest's module runner: Vitest
// resolves tfjs-core's extensionless ES build (its gradients exist only there), which plain
// Node/tsx cannot. Times NT-Xent forward + backward on each tfjs backend available in Node and
// writes the medians as JSON to the path in BENCH_OUT.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { benchmarkNtXent, ntXentLoss, type PairLoss } from '../../src/core';
import { tf } from '../../src/core/tf';
import { plainNtXent } from './plain-ntxent';
import { BENCH_D, BENCH_SIZES, BENCH_TAU, type TimingColumn } from './settings';

const columns: { name: string; backend: string; loss: PairLoss }[] = [
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
    for (const n of BENCH_SIZES) {
      ms[n] = (
        await benchmarkNtXent(n, { d: BENCH_D, tau: BENCH_TAU, loss: column.loss })
      ).medianMs;
    }
    results.push({ name: column.name, ms });
  }
  writeFileSync(out, JSON.stringify(results));
});
