// `npm run bench`: NT-Xent forward + backward (D = 128) for N = 64, 256, 1024 on every tfjs backend
// available in Node, next to the same loss in PyTorch on one thread; prints median ms and the
// WASM ÷ PyTorch ratio (target: within 3× at N = 256).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { BENCH_D, BENCH_SIZES, BENCH_TAU, type TimingColumn } from './bench/settings';

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
  };
  return { column: { name: `PyTorch ${parsed.torch} (${parsed.threads} thread)`, ms: parsed.ms } };
}

function printTable(columns: TimingColumn[], ratio: [string, string] | null): void {
  const header = ['N', ...columns.map((c) => c.name)];
  if (ratio) header.push('WASM ÷ PyTorch');
  const rows = BENCH_SIZES.map((n) => {
    const cells = [String(n), ...columns.map((c) => c.ms[n]?.toFixed(2) ?? '—')];
    if (ratio) {
      const [wasm, torch] = ratio.map((name) => columns.find((c) => c.name === name)?.ms[n]);
      cells.push(wasm && torch ? `${(wasm / torch).toFixed(2)}×` : '—');
    }
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
  `\nNT-Xent forward + backward, D = ${BENCH_D}, τ = ${BENCH_TAU}, 2N vectors: median ms per step\n`,
);
printTable(columns, 'column' in torch ? ['tfjs WASM', torch.column.name] : null);
if ('skipped' in torch) console.log(`\nPyTorch column skipped: ${torch.skipped}`);
console.log('\nTarget: tfjs WASM within 3× of PyTorch at N = 256.');
