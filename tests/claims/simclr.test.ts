// Claims of docs/simclr.md about its trainer ("Train it yourself"), checked on the core session the
// figure and `npm run train:simclr` share, at the defaults (SIMCLR_DEFAULTS) on WebAssembly as in
// the browser. The quoted runs are long (600 and 1,050 steps at tens of milliseconds a step), so
// the default run checks their direction over the first 100 steps and the random-init values;
// `CLAIMS=all` trains the quoted runs and checks every number (percentages to one decimal, as the
// text quotes them).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimclrSession, SIMCLR_DEFAULTS, type SimclrSession } from '../../src/core/simclr';
import { simclrShapes } from '../../src/data/shapes/simclr';
import { useWasm } from '../worker/helpers';
import { ALL_CLAIMS } from './seeds';

beforeAll(useWasm);

const data = simclrShapes();
const pct = (x: number) => (100 * x).toFixed(1);

/** A session at the defaults, with colour jitter or crop off, another τ or the flatten readout. */
function session(
  seed: number,
  color = true,
  { crop = true, tau = SIMCLR_DEFAULTS.tau, flatten = false } = {},
): SimclrSession {
  return createSimclrSession({
    data,
    seed,
    tau,
    augment: { ...SIMCLR_DEFAULTS.augment, colorJitter: color, crop },
    readEvery: 1,
    cnn: { readout: flatten ? 'flatten' : 'average' },
  });
}

/** Trains `s` to each of `steps` in turn: the k-NN accuracy and the step's loss there. */
async function train(s: SimclrSession, steps: number[]) {
  const readings: { knn: number; loss: number }[] = [];
  for (const step of steps) {
    await s.run(step - s.steps);
    const { knn } = await s.evaluate();
    readings.push({ knn, loss: s.latest?.loss ?? Number.NaN });
  }
  return readings;
}

describe('SimCLR trainer', () => {
  it('random init: 20.2% k-NN with seed 0, 21.3% with seed 1', async () => {
    for (const [seed, quoted] of [
      [0, '20.2'],
      [1, '21.3'],
    ] as const) {
      const s = session(seed);
      expect(pct((await s.baseline()).knn)).toBe(quoted);
      s.dispose();
    }
  });

  it('"Press play" and "switch off Colour jitter", first 100 steps of seed 0: the loss falls from log(2N − 1), faster without colour; the accuracy gains less', async () => {
    const withColor = session(0);
    await withColor.run(1);
    expect(withColor.latest!.loss).toBeCloseTo(Math.log(2 * 64 - 1), 0);
    const [color] = await train(withColor, [100]);
    const baseline = (await withColor.baseline()).knn;
    withColor.dispose();
    const withoutColor = session(0, false);
    const [plain] = await train(withoutColor, [100]);
    withoutColor.dispose();
    expect(color!.knn).toBeGreaterThan(baseline + 0.05);
    expect(plain!.loss).toBeLessThan(color!.loss - 0.5);
    expect(plain!.knn).toBeLessThan(color!.knn);
  }, 120_000);

  it.runIf(ALL_CLAIMS)(
    'seed 0, 600 steps: 31.1% without colour jitter against 39.7% with it, at a loss of 1.7 against 3.1',
    async () => {
      const withoutColor = session(0, false);
      const [plain] = await train(withoutColor, [600]);
      withoutColor.dispose();
      expect(pct(plain!.knn)).toBe('31.1');
      expect(plain!.loss.toFixed(1)).toBe('1.7');
      const withColor = session(0);
      const [color, longer] = await train(withColor, [600, 1050]);
      withColor.dispose();
      expect(pct(color!.knn)).toBe('39.7');
      expect(color!.loss.toFixed(1)).toBe('3.1');
      // "What to notice": 1,050 steps take seed 0 from 20.2% to 48.0%.
      expect(pct(longer!.knn)).toBe('48.0');
    },
    1_800_000,
  );

  it.runIf(ALL_CLAIMS)(
    '1,050 steps at the defaults take seed 1 from 21.3% to 50.8%',
    async () => {
      const s = session(1);
      const [end] = await train(s, [1050]);
      s.dispose();
      expect(pct(end!.knn)).toBe('50.8');
    },
    1_800_000,
  );

  it.runIf(ALL_CLAIMS)(
    'seed 0, 1,050 steps: crop off 46.1%; flatten readout 38.0% without crop, 45.3% with; τ = 5 45.9%',
    async () => {
      const cases = [
        [{ crop: false }, '46.1'],
        [{ crop: false, flatten: true }, '38.0'],
        [{ flatten: true }, '45.3'],
        [{ tau: 5 }, '45.9'],
      ] as const;
      for (const [change, quoted] of cases) {
        const s = session(0, true, change);
        const [end] = await train(s, [1050]);
        s.dispose();
        expect(pct(end!.knn), JSON.stringify(change)).toBe(quoted);
      }
    },
    3_600_000,
  );
});
