// `npm run bench [-- N ...]`: NT-Xent forward + backward (D = 128) for N = 64, 256, 1024 (or the
// sizes given) on every tfjs backend available in Node, and one SimCLR training step of the
// chapter's model on tfjs WASM, each next to the same workload in PyTorch on one thread (Debian's
// python3-torch). Prints median wall and CPU ms, which BLAS PyTorch calls, and the WASM ÷ PyTorch
// ratios against the targets — but no ratio when PyTorch runs on the reference BLAS, which is
// several times slower than the optimised BLAS PyTorch is normally used with.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { BenchResults, Comparison, Timing } from './bench/settings';
import type { TorchInfo } from './bench/torch';

// Sizes from the command line (`npm run bench -- 64 256`) reach the timing run through the
// environment; settings.ts reads them, so it is imported only after this.
if (process.argv.length > 2) process.env.BENCH_SIZES = process.argv.slice(2).join(',');
const { BENCH_D, BENCH_ROUNDS, BENCH_SIZES, BENCH_TAU, TARGETS } = await import('./bench/settings');

const root = fileURLToPath(new URL('..', import.meta.url));

/** Everything measured by scripts/bench/timings.ts under Vitest's module runner. */
async function measure(): Promise<BenchResults> {
  const dir = mkdtempSync(join(tmpdir(), 'contrastive-bench-'));
  const out = join(dir, 'timings.json');
  process.env.BENCH_OUT = out;
  try {
    const vitest = await startVitest('test', [], {
      config: false,
      root,
      include: ['scripts/bench/timings.ts'],
      environment: 'node',
      testTimeout: 1_800_000,
      watch: false,
      reporters: ['dot'],
    });
    await vitest.close();
    if (process.exitCode) throw new Error('the timing run failed (see above).');
    return JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `wall (CPU)` ms. */
const ms = (t: Timing | undefined) => (t ? `${t.ms.toFixed(2)} (${t.cpuMs.toFixed(2)})` : '—');
/** `wall× (CPU×)`. */
const times = (t: Timing | undefined) => (t ? `${t.ms.toFixed(2)}× (${t.cpuMs.toFixed(2)}×)` : '—');

/**
 * "met" or "not met" by the CPU-time ratio (the same as wall clock on a quiet machine, and not
 * stretched by other processes on a busy one), or nothing without a target.
 */
function verdict(ratio: Timing | undefined, target: number | undefined): string {
  if (!ratio || target === undefined) return '';
  return `≤ ${target}×: ${ratio.cpuMs <= target ? 'met' : 'not met'}`;
}

function printTable(rows: string[][]): void {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const cells of rows) {
    console.log(
      cells
        .map((c, i) => c.padStart(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}

/** Why there is no ratio against this PyTorch, or null when there is one. */
function noRatioReason(torch: BenchResults['torch']): string | null {
  if ('skipped' in torch) {
    return `PyTorch column skipped: ${torch.skipped}\nInstall it (Debian/Ubuntu: apt-get install python3-torch libopenblas0-pthread) or point BENCH_PYTHON at a python3 that has it.`;
  }
  if (torch.blas.optimised) return null;
  const where = torch.blas.library ? ` in ${torch.blas.library}` : '';
  return (
    `No ratio printed: PyTorch is calling ${torch.blas.name}${where}, not an optimised BLAS.\n` +
    'Debian’s python3-torch calls whatever BLAS the system provides, and the reference one is\n' +
    'several times slower at these sizes than the OpenBLAS or MKL PyTorch normally runs on, so a\n' +
    'ratio against it would flatter tfjs. Install OpenBLAS, which then becomes the system BLAS:\n' +
    '  apt-get install libopenblas0-pthread        (Debian/Ubuntu, as root)\n' +
    'and run `npm run bench` again.'
  );
}

function describeTorch(torch: TorchInfo): string {
  const { blas } = torch;
  const library = blas.library ? `, ${blas.library}` : '';
  const detail = blas.detail ? `\n  ${blas.detail}` : '';
  return `PyTorch ${torch.torch} on ${torch.threads} thread; BLAS: ${blas.name}${library}${detail}`;
}

const results = await measure();
const { torch, ntxent, simclr } = results;
const refusal = noRatioReason(torch);
const withRatios = refusal === null;

console.log(`\n${'skipped' in torch ? 'No PyTorch.' : describeTorch(torch)}`);

console.log(
  `\nNT-Xent forward + backward, D = ${BENCH_D}, τ = ${BENCH_TAU}, 2N vectors: ` +
    'median ms per step, wall clock (CPU time in parentheses)\n',
);
const header = ['N', ...ntxent.columns.map((c) => c.name), 'tfjs WASM'];
if (!('skipped' in torch)) header.push('PyTorch (1 thread)');
if (withRatios) header.push('WASM ÷ PyTorch', 'target');
const rows = BENCH_SIZES.map((n) => {
  const wasm: Comparison | undefined = ntxent.wasm[n];
  const cells = [String(n), ...ntxent.columns.map((c) => ms(c.cells[n])), ms(wasm?.tfjs)];
  if (!('skipped' in torch)) cells.push(ms(wasm?.torch));
  if (withRatios) cells.push(times(wasm?.ratio), verdict(wasm?.ratio, TARGETS.ntxent[n]));
  return cells;
});
printTable([header, ...rows]);

console.log(
  `\nSimCLR training step: the chapter's CNN (16/32/64) and head (64→64→32), NT-Xent τ = 0.2, ` +
    `Adam,\n2 × ${simclr.batchSize} images of 16 × 16 × 3, fixed batch (no augmentation): ` +
    'median ms per step, wall (CPU)\n',
);
const simclrRows = [['', 'tfjs WASM']];
if (!('skipped' in torch)) simclrRows[0]!.push('PyTorch (1 thread)');
if (withRatios) simclrRows[0]!.push('WASM ÷ PyTorch', 'target');
const simclrRow = ['step', ms(simclr.tfjs)];
if (!('skipped' in torch)) simclrRow.push(ms(simclr.torch));
if (withRatios) simclrRow.push(times(simclr.ratio), verdict(simclr.ratio, TARGETS.simclr));
printTable([...simclrRows, simclrRow]);

if (refusal) console.log(`\n${refusal}`);
else {
  console.log(
    `\nEach ratio is the median over ${BENCH_ROUNDS} rounds (BENCH_ROUNDS) of a block of tfjs steps ` +
      'followed by a block of\nPyTorch steps, so load that comes and goes on a shared machine ' +
      'slows both sides alike. Targets are\njudged on CPU time: on a quiet machine it equals the ' +
      'wall clock, and on a busy one other processes\ndo not stretch it.',
  );
}
