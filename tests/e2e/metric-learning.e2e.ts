// The figure of "Contrastive vs metric learning": the four-loss lab trains all four panels in a
// worker, each from a poor untrained accuracy to well above it and above chance.
import type { Page } from '@playwright/test';
import { numberAt, playUntil } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'metric-learning.html';
const LAB_FRAME = '[data-demo="metric-losses"]';
const LAB = `${LAB_FRAME} .metric-lab`;
const PANELS = ['contrastive', 'triplet', 'ntxent', 'supcon'];
/**
 * Training steps of the lab test: every panel is near 100% by step 40 in the unit test, from
 * 20–47% untrained; 100 leaves room for another backend, and is few enough for a loaded machine.
 */
const STEPS = 100;

/** Each panel's held-out k-NN accuracy as the lab shows it. */
async function accuracies(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const panel of PANELS) {
    const selector = `${LAB} [data-metric="knn-accuracy"][data-panel="${panel}"]`;
    out[panel] = await numberAt(page, selector, 'value');
  }
  return out;
}

test('metric learning, four losses: the four panels train in a worker and every k-NN accuracy rises above its untrained value and chance', async ({
  open,
  note,
}) => {
  test.setTimeout(480_000);
  const { page } = await open(PAGE);
  await page.locator(LAB_FRAME).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${LAB}[data-mode="worker"][data-updates]:not([data-updates="0"])`, {
    timeout: 90_000,
  });
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
  note(
    `${step} steps on ${backend} in ${seconds.toFixed(0)} s; held-out 5-NN accuracy, untrained → trained: ${shown.join(', ')} (chance ${(chance * 100).toFixed(0)}%)`,
  );
});
