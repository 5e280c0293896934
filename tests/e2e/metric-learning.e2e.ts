// The figures of "Contrastive vs metric learning": the four-loss lab trains all four panels in a
// worker, each from a poor untrained accuracy to well above it and above chance, and the mutual-information figure never lets an estimate pass log N.
import type { Page } from 'playwright-core';
import { expect, type E2eTest } from './harness';

const PAGE = 'metric-learning.html';
const LAB_FRAME = '[data-demo="metric-losses"]';
const LAB = `${LAB_FRAME} .metric-lab`;
const MI_FRAME = '[data-demo="mutual-info-bound"]';
const MI = `${MI_FRAME} .mi-bound`;
const PANELS = ['contrastive', 'triplet', 'ntxent', 'supcon'];
/**
 * Training steps of the lab test: every panel is near 100% by step 40 in the unit test, from
 * 20–47% untrained; 100 leaves room for another backend, and is few enough for a loaded machine.
 */
const STEPS = 100;

/** A numeric data attribute of the element `selector`. */
async function numberAt(page: Page, selector: string, name: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute(`data-${name}`));
}

/** Each panel's held-out k-NN accuracy as the lab shows it. */
async function accuracies(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const panel of PANELS) {
    const selector = `${LAB} [data-metric="knn-accuracy"][data-panel="${panel}"]`;
    out[panel] = await numberAt(page, selector, 'value');
  }
  return out;
}

/** Clicks Play in `frame`, waits until `root` reports `steps` steps, clicks again to pause. */
async function playUntil(page: Page, frame: string, root: string, steps: number): Promise<void> {
  await page.locator(frame).getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    ([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-step')) >= n,
    [root, steps] as const,
    { timeout: 420_000, polling: 200 },
  );
  await page.locator(frame).getByRole('button', { name: 'Play' }).click();
}

export const tests: E2eTest[] = [
  {
    name: 'metric learning, four losses: the four panels train in a worker and every k-NN accuracy rises above its untrained value and chance',
    timeoutMs: 480_000,
    async run(harness) {
      const { page } = await harness.open(PAGE);
      await page.locator(LAB_FRAME).scrollIntoViewIfNeeded();
      await page.waitForSelector(
        `${LAB}[data-mode="worker"][data-updates]:not([data-updates="0"])`,
        {
          timeout: 90_000,
        },
      );
      for (const panel of PANELS) {
        const region = page.locator(`${LAB} [data-panel="${panel}"]`).first();
        expect((await region.getAttribute('aria-labelledby')) !== null, `${panel}: no region name`);
      }
      expect(
        (await page.locator(LAB_FRAME).getByRole('region').count()) === 4,
        'the four panels are not four named regions',
      );
      expect((await numberAt(page, LAB, 'step')) === 0, 'the lab did not start at step 0');
      const untrained = await accuracies(page);
      await page.locator(LAB_FRAME).getByLabel('Speed').selectOption('8');
      const started = Date.now();
      await playUntil(page, LAB_FRAME, LAB, STEPS);
      const seconds = (Date.now() - started) / 1000;
      // The pause renders the final state; wait for it to arrive.
      await page.waitForTimeout(500);
      const chance = await numberAt(page, LAB, 'chance');
      const step = await numberAt(page, LAB, 'step');
      const trained = await accuracies(page);
      const shown: string[] = [];
      for (const panel of PANELS) {
        const before = untrained[panel] as number;
        const accuracy = trained[panel] as number;
        const loss = await page
          .locator(`${LAB} [data-panel="${panel}"] [data-metric="loss"]`)
          .getAttribute('data-value');
        expect(Number.isFinite(Number(loss)), `${panel}: no loss reading (${loss})`);
        shown.push(`${panel} ${(before * 100).toFixed(0)}% → ${(accuracy * 100).toFixed(0)}%`);
        expect(accuracy > chance + 0.2, `${panel}: k-NN accuracy ${accuracy} vs chance ${chance}`);
        // Untrained, the nuisance inputs mix the classes; the unit test measures a rise of > 0.5.
        expect(accuracy > before + 0.2, `${panel}: k-NN accuracy ${before} → ${accuracy}`);
      }
      const backend = await page.locator(LAB).getAttribute('data-train-backend');
      harness.notes.push(
        `${step} steps on ${backend} in ${seconds.toFixed(0)} s; held-out 5-NN accuracy, untrained → trained: ${shown.join(', ')} (chance ${(chance * 100).toFixed(0)}%)`,
      );
    },
  },
  {
    name: 'metric learning, mutual-information bound: no estimate exceeds log N, and the learned critic saturates',
    timeoutMs: 240_000,
    async run(harness) {
      // ρ = 0.99 in 4 dimensions: 7.8 nats of true mutual information, far above log 8.
      const { page } = await harness.open(`${PAGE}?mi.n=8&mi.rho=0.99`);
      await page.locator(MI_FRAME).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${MI}[data-sweep-count="10"]`, { timeout: 120_000 });
      const table = page.locator(MI_FRAME).getByRole('table');
      expect(await table.isVisible(), 'no table of the sweep');
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            Number(tr.getAttribute('data-n')),
            Number(tr.getAttribute('data-estimate')),
          ]),
        );
      expect(rows.length === 10, `${rows.length} sweep rows`);
      const truth = await numberAt(page, MI, 'true-mi');
      for (const [n, estimate] of rows as [number, number][]) {
        expect(
          estimate <= Math.fround(Math.log(n)) + 1e-6,
          `N = ${n}: estimate ${estimate} > log N`,
        );
        expect(estimate < truth, `N = ${n}: estimate ${estimate} above the true ${truth}`);
      }
      const [, at8] = rows[2] as [number, number];
      expect(at8 > Math.log(8) - 0.1, `at N = 8 the optimal critic gives ${at8}, not ~log 8`);
      await playUntil(page, MI_FRAME, MI, 300);
      await page.waitForTimeout(300);
      const learned = await numberAt(page, MI, 'estimate');
      const logN = await numberAt(page, MI, 'log-n');
      expect(learned <= Math.fround(logN) + 1e-6, `learned estimate ${learned} > log N ${logN}`);
      expect(learned > logN - 0.35, `learned estimate ${learned} far below log N ${logN}`);
      harness.notes.push(
        `true MI ${truth.toFixed(2)} nats; optimal critic ${rows.map(([n, e]) => `N=${n}: ${e.toFixed(2)}`).join(', ')}; learned critic at N = 8 after 300 steps (mean of the last 20 batches): ${learned.toFixed(3)} (log 8 = ${logN.toFixed(3)})`,
      );
    },
  },
];
