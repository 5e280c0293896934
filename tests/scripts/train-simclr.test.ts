// `npm run train:simclr` end to end: the headless script trains the default SimCLR set-up on WASM
// for a short budget and its JSON summary shows the k-NN accuracy of the trained encoder above
// that of the same encoder at random initialisation.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

interface Summary {
  backend: string;
  steps: number;
  stepsPerSecond: number;
  baseline: { knn: number };
  final: { step: number; loss: number; knn: number };
  history: { step: number }[];
}

describe('npm run train:simclr', () => {
  it('prints progress and a summary whose k-NN accuracy beats the random-init baseline', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'scripts/train-simclr.ts', '--steps', '100', '--every', '50', '--seed', '0'],
      { cwd: root, maxBuffer: 1 << 24 },
    );
    expect(stdout).toMatch(/random-init k-NN \d+\.\d %/);
    expect(stdout).toMatch(/step 50 · loss \d\.\d{4} · k-NN \d+\.\d %/);
    const summary = JSON.parse(stdout.slice(stdout.indexOf('\n{') + 1)) as Summary;
    expect(summary.backend).toBe('wasm');
    expect(summary.history.map((h) => h.step)).toEqual([50, 100]);
    expect(summary.stepsPerSecond).toBeGreaterThan(0);
    expect(summary.final.loss).toBeLessThan(Math.log(2 * 64 - 1));
    expect(summary.final.knn).toBeGreaterThan(summary.baseline.knn);
  }, 300_000);

  it('rejects a malformed flag with the usage line', async () => {
    await expect(
      run('npx', ['tsx', 'scripts/train-simclr.ts', '--steps', 'many'], { cwd: root }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/--steps must be a number[\s\S]*usage/),
    });
  }, 60_000);
});
