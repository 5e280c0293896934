// Timing half of `npm run bench`, run by scripts/bench.ts inside Vitest's module runner: Vitest
// resolves tfjs-core's extensionless ES build (its gradients exist only there), which plain
// Node/tsx cannot. Times NT-Xent forward + backward (the workload the "Under the hood" page times)
// and one SimCLR training step on tfjs WASM in turns with the same workloads in PyTorch
// (scripts/bench/torch_bench.py), and NT-Xent on the other tfjs columns alone; writes the results
// (BenchResults) as JSON to BENCH_OUT.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import {
  ntXentLoss,
  ntXentWorkload,
  simclrStepWorkload,
  SIMCLR_DEFAULTS,
  type PairLoss,
  type StepWorkload,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { plainNtXent } from './plain-ntxent';
import {
  BENCH_D,
  BENCH_ROUNDS,
  BENCH_SIZES,
  BENCH_TAU,
  type BenchResults,
  type Comparison,
  type StepTimes,
  type Timing,
  type TimingColumn,
} from './settings';
import { TorchBench, type TorchWorkload } from './torch';

/** Aim for about this much timed work per block of steps… */
const BLOCK_MS = 400;
/** …with at least this many steps… */
const MIN_STEPS = 3;
/** …and at most this many. */
const MAX_STEPS = 60;

/** The tfjs columns timed on their own (no PyTorch counterpart). */
const alone: { name: string; backend: 'cpu' | 'wasm'; loss: PairLoss }[] = [
  { name: 'tfjs CPU', backend: 'cpu', loss: ntXentLoss },
  { name: 'WASM plain autodiff', backend: 'wasm', loss: plainNtXent },
];

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const medianTiming = (timings: Timing[]): Timing => ({
  ms: median(timings.map((t) => t.ms)),
  cpuMs: median(timings.map((t) => t.cpuMs)),
});

const summary = (times: StepTimes): Timing => ({
  ms: median(times.ms),
  cpuMs: median(times.cpuMs),
});

/** Steps in a block, for steps of `ms` each. */
const stepsFor = (ms: number) =>
  Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(BLOCK_MS / Math.max(ms, 1e-3))));

/**
 * Wall and CPU time of each of `steps` runs. The CPU time is the process's: on a shared machine
 * other processes stretch the wall time but not the CPU time this one spends.
 */
async function timeSteps(workload: StepWorkload, steps: number): Promise<StepTimes> {
  const times: StepTimes = { ms: [], cpuMs: [] };
  for (let i = 0; i < steps; i++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    await workload.run();
    const used = process.cpuUsage(cpu);
    times.cpuMs.push((used.user + used.system) / 1000);
    times.ms.push(performance.now() - wall);
  }
  return times;
}

/** One block after a warm-up step; a step slower than a block is timed once. */
async function timeAlone(workload: StepWorkload): Promise<Timing> {
  const warmup = await timeSteps(workload, 1);
  const ms = warmup.ms[0] as number;
  return summary(await timeSteps(workload, ms > BLOCK_MS ? 1 : stepsFor(ms)));
}

/**
 * tfjs against PyTorch on the same workload: after two warm-up steps each, BENCH_ROUNDS rounds of
 * a block of tfjs steps followed by a block of PyTorch steps. Without PyTorch, the tfjs blocks alone.
 */
async function compare(
  workload: StepWorkload,
  torch: TorchBench | null,
  torchWorkload: TorchWorkload,
): Promise<Comparison> {
  const tfjsSteps = stepsFor((await timeSteps(workload, 2)).ms[1] as number);
  const torchSteps = torch ? stepsFor((await torch.time(torchWorkload, 2)).ms[1] as number) : 0;
  const tfjs: Timing[] = [];
  const reference: Timing[] = [];
  const ratios: Timing[] = [];
  for (let round = 0; round < BENCH_ROUNDS; round++) {
    const ours = summary(await timeSteps(workload, tfjsSteps));
    tfjs.push(ours);
    if (!torch) continue;
    const theirs = summary(await torch.time(torchWorkload, torchSteps));
    reference.push(theirs);
    ratios.push({ ms: ours.ms / theirs.ms, cpuMs: ours.cpuMs / theirs.cpuMs });
  }
  if (!torch) return { tfjs: medianTiming(tfjs) };
  return { tfjs: medianTiming(tfjs), torch: medianTiming(reference), ratio: medianTiming(ratios) };
}

/** Runs `f` on a workload built on `backend`, then frees it. */
async function withWorkload<T>(
  backend: 'cpu' | 'wasm',
  build: () => StepWorkload,
  f: (workload: StepWorkload) => Promise<T>,
): Promise<T> {
  if (!(await tf.setBackend(backend))) throw new Error(`${backend} could not be initialised`);
  const workload = build();
  try {
    return await f(workload);
  } finally {
    workload.dispose();
  }
}

async function startTorch(): Promise<TorchBench | string> {
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  try {
    return await TorchBench.start(python);
  } catch (error) {
    return `PyTorch not usable with ${python}: ${(error as Error).message}`;
  }
}

test('bench timings', async () => {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT must name the JSON file to write.');
  const started = await startTorch();
  const torch = typeof started === 'string' ? null : started;
  try {
    const columns: TimingColumn[] = [];
    for (const { name, backend, loss } of alone) {
      const column: TimingColumn = { name, cells: {} };
      for (const n of BENCH_SIZES) {
        const build = () => ntXentWorkload(n, { d: BENCH_D, tau: BENCH_TAU, loss });
        column.cells[n] = await withWorkload(backend, build, timeAlone);
      }
      columns.push(column);
    }
    const wasm: Record<string, Comparison> = {};
    for (const n of BENCH_SIZES) {
      const build = () => ntXentWorkload(n, { d: BENCH_D, tau: BENCH_TAU });
      const theirs: TorchWorkload = { workload: 'ntxent', n, d: BENCH_D, tau: BENCH_TAU };
      wasm[n] = await withWorkload('wasm', build, (w) => compare(w, torch, theirs));
    }
    const { batchSize, tau, lr } = SIMCLR_DEFAULTS;
    const build = () => simclrStepWorkload({ batchSize, tau, lr });
    const theirs: TorchWorkload = { workload: 'simclr', batch: batchSize, tau, lr };
    const simclr = await withWorkload('wasm', build, (w) => compare(w, torch, theirs));
    const results: BenchResults = {
      torch: torch ? torch.info : { skipped: started as string },
      ntxent: { columns, wasm },
      simclr: { batchSize, ...simclr },
    };
    writeFileSync(out, JSON.stringify(results));
  } finally {
    torch?.close();
  }
});
