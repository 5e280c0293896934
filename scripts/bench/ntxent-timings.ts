// Timing half of `npm run bench`, run by scripts/bench.ts inside Vitest's module runner: Vitest
// resolves tfjs-core's extensionless ES build (its gradients exist only there), which plain
// Node/tsx cannot. Times the same NT-Xent workload the "Under the hood" page times, with the same
// timer, on each tfjs backend available in Node, and writes median wall and CPU times as JSON to BENCH_OUT.
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

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median wall and CPU time of one step, with about BUDGET_MS of timed work. The workload is wrapped
 * to also read the process's CPU time around each step: on a shared machine other processes
 * stretch the wall time but not the CPU time this one spends.
 */
async function timeCell(
  backend: BackendName,
  n: number,
  loss: PairLoss,
): Promise<[number, number]> {
  let cpuMs: number[] = [];
  const build = () => {
    const workload = ntXentWorkload(n, { d: BENCH_D, tau: BENCH_TAU, loss });
    return {
      async run() {
        const start = process.cpuUsage();
        await workload.run();
        const used = process.cpuUsage(start);
        cpuMs.push((used.user + used.system) / 1000);
      },
      dispose: workload.dispose,
    };
  };
  const time = async (repeats: number) => {
    cpuMs = [];
    const timing = await timeOnBackend(tf, backend, build, {
      warmup: 1,
      repeats,
      loader: alreadyLoaded,
    });
    return { wall: timing.medianMs, cpu: median(cpuMs.slice(1)) }; // the first is the warm-up
  };
  // One step sizes the run: a step slower than a third of the budget is reported as measured.
  let timing = await time(1);
  if (timing.wall * 3 <= BUDGET_MS) {
    timing = await time(Math.min(MAX_REPEATS, Math.floor(BUDGET_MS / timing.wall)));
  }
  return [timing.wall, timing.cpu];
}

test('NT-Xent timings', async () => {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT must name the JSON file to write.');
  const results: TimingColumn[] = [];
  for (const { name, backend, loss } of columns) {
    const column: TimingColumn = { name, ms: {}, cpuMs: {} };
    for (const n of BENCH_SIZES) [column.ms[n], column.cpuMs[n]] = await timeCell(backend, n, loss);
    results.push(column);
  }
  writeFileSync(out, JSON.stringify(results));
});
