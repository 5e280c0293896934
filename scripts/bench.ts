// `npm run bench [-- N ...]`: NT-Xent forward + backward (D = 128) for N = 64, 256, 1024 (or the
// sizes given) on every tfjs backend available in Node, next to the same loss in PyTorch on one
// thread; prints median wall and CPU ms and the WASM ÷ PyTorch ratio (target: within 3× at N = 256).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { TimingColumn } from './bench/settings';

// Sizes from the command line (`npm run bench -- 64 256`) reach the timing worker through the
// environment; settings.ts reads them, so it is imported only after this.
if (process.argv.length > 2) process.env.BENCH_SIZES = process.argv.slice(2).join(',');
const { BENCH_D, BENCH_SIZES, BENCH_TAU } = await import('./bench/settings');

const root = fileURLToPath(new URL('..', import.meta.url));

/** The tfjs timings, measured by scripts/bench/ntxent-timings.ts under Vitest's module runner. */
async function tfjsTimings(): Promise<TimingColumn[]> {
  const dir = mkdtempSync(join(tmpdir(), 'contrastive-bench-'));
  const out = join(dir, 'timings.json');
  process.env.BENCH_OUT = out;
  try {
    const vitest = await startVitest('test', [], {
      config: false,
      root,
      include: ['scripts/bench/ntxent-timings.ts'],
      environment: 'node',
      testTimeout: 600_000,
      watch: false,
      reporters: ['dot'],
    });
    await vitest.close();
    if (process.exitCode) throw new Error('the timing run failed (see above).');
    return JSON.parse(readFileSync(out, 'utf8')) as TimingColumn[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PyTorch timings from scripts/bench/ntxent_torch.py, or why there are none. */
function torchTimings(): { column: TimingColumn } | { skipped: string } {
  const script = join(root, 'scripts/bench/ntxent_torch.py');
  // One thread, and without the OpenBLAS core-type overrides some shells here carry.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OMP_NUM_THREADS: '1',
    OPENBLAS_NUM_THREADS: '1',
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const run = spawnSync(python, [script, String(BENCH_D), ...BENCH_SIZES.map(String)], {
    env,
    encoding: 'utf8',
  });
  if (run.error) return { skipped: `${python} could not be run (${run.error.message})` };
  if (run.status !== 0) {
    return { skipped: `PyTorch not usable: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
  const parsed = JSON.parse(run.stdout) as {
    torch: string;
    threads: number;
    ms: Record<string, number>;
    cpuMs: Record<string, number>;
  };
  const name = `PyTorch ${parsed.torch} (${parsed.threads} thread)`;
  return { column: { name, ms: parsed.ms, cpuMs: parsed.cpuMs } };
}

type Stat = 'ms' | 'cpuMs';

/** `wall (CPU)` for one cell. */
function cell(column: TimingColumn | undefined, n: number): string {
  const wall = column?.ms[n];
  const cpu = column?.cpuMs[n];
  return wall === undefined || cpu === undefined ? '—' : `${wall.toFixed(2)} (${cpu.toFixed(2)})`;
}

function ratio(columns: TimingColumn[], names: [string, string], n: number, stat: Stat): string {
  const [wasm, torch] = names.map((name) => columns.find((c) => c.name === name)?.[stat][n]);
  return wasm && torch ? `${(wasm / torch).toFixed(2)}×` : '—';
}

function printTable(columns: TimingColumn[], versus: [string, string] | null): void {
  const header = ['N', ...columns.map((c) => c.name)];
  if (versus) header.push('WASM ÷ PyTorch');
  const rows = BENCH_SIZES.map((n) => {
    const cells = [String(n), ...columns.map((c) => cell(c, n))];
    if (versus)
      cells.push(`${ratio(columns, versus, n, 'ms')} (${ratio(columns, versus, n, 'cpuMs')})`);
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const cells of [header, ...rows]) {
    console.log(cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
  }
}

const tfjs = await tfjsTimings();
const torch = torchTimings();
const columns = 'column' in torch ? [...tfjs, torch.column] : tfjs;
console.log(
  `\nNT-Xent forward + backward, D = ${BENCH_D}, τ = ${BENCH_TAU}, 2N vectors: ` +
    'median ms per step, wall clock (CPU time in parentheses)\n',
);
printTable(columns, 'column' in torch ? ['tfjs WASM', torch.column.name] : null);
if ('skipped' in torch) console.log(`\nPyTorch column skipped: ${torch.skipped}`);
console.log(
  '\nTarget: tfjs WASM within 3× of PyTorch at N = 256. On a busy machine wall times swing ' +
    'with the load;\nCPU times, which other processes do not stretch, are the steadier comparison.',
);
