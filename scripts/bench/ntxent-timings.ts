// Timing half of `npm run bench`, run by scripts/bench.ts inside Vitest's module runner: Vitest
// resolves tfjs-core's extensionless ES build (its gradients exist only there), which plain
// Node/tsx cannot. Times the same NT-Xent workload the "Under the hood" page times, with the same
// timer, on each tfjs backend available in Node, and writes median and fastest times as JSON to BENCH_OUT.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { ntXentLoss, ntXentWorkload, type PairLoss } from '../../src/core';
import { timeOnBackend, type BackendName } from '../../src/core/backend';
import { tf } from '../../src/core/tf';
import { plainNtXent } from './plain-ntxent';
import { BENCH_D, BENCH_SIZES, BENCH_TAU, type TimingColumn } from './settings';

/** Aim for about this much timed work per cell. */
const BUDGET_MS = 2000;
const MAX_REPEATS = 60;

const columns: { name: string; backend: BackendName; loss: PairLoss }[] = [
  { name: 'tfjs CPU', backend: 'cpu', loss: ntXentLoss },
  { name: 'tfjs WASM', backend: 'wasm', loss: ntXentLoss },
  { name: 'WASM plain autodiff', backend: 'wasm', loss: plainNtXent },
];

/** Both backends are imported above, so there is nothing to load. */
const alreadyLoaded = async () => {};

/** Median and fastest step, with about BUDGET_MS of timed work. */
async function timeCell(
  backend: BackendName,
  n: number,
  loss: PairLoss,
): Promise<[number, number]> {
  const build = () => ntXentWorkload(n, { d: BENCH_D, tau: BENCH_TAU, loss });
  const time = (repeats: number) =>
    timeOnBackend(tf, backend, build, { warmup: 1, repeats, loader: alreadyLoaded });
  // One step sizes the run: a step slower than a third of the budget is reported as measured.
  let timing = await time(1);
  if (timing.medianMs * 3 <= BUDGET_MS) {
    timing = await time(Math.min(MAX_REPEATS, Math.floor(BUDGET_MS / timing.medianMs)));
  }
  return [timing.medianMs, Math.min(...timing.samplesMs)];
}

test('NT-Xent timings', async () => {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT must name the JSON file to write.');
  const results: TimingColumn[] = [];
  for (const { name, backend, loss } of columns) {
    const column: TimingColumn = { name, ms: {}, minMs: {} };
    for (const n of BENCH_SIZES) [column.ms[n], column.minMs[n]] = await timeCell(backend, n, loss);
    results.push(column);
  }
  writeFileSync(out, JSON.stringify(results));
});
