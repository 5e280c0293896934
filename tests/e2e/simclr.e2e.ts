// The SimCLR chapter: the augmentation studio animates, survives a bad upload and refuses a picture
// of too many pixels from its header alone, without decoding it; the live trainer runs in a
// worker, pauses, resets, and its k-NN accuracy rises above the random-init baseline.
import type { Page } from '@playwright/test';
import { png } from '../support/image-bytes';
import { reveal } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'simclr.html';
const STUDIO = '[data-demo="augmentation-studio"]';
const TRAINER = '[data-demo="simclr-trainer"]';

async function pairs(page: Page): Promise<number> {
  return Number(await page.locator(`${STUDIO} .studio`).getAttribute('data-pairs'));
}

async function waitForPairs(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    ([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-pairs')) >= n,
    [`${STUDIO} .studio`, atLeast] as const,
    { timeout: 60_000, polling: 200 },
  );
}

/** A metric's numeric value (its `data-value`), NaN while unset. */
async function metric(page: Page, name: string): Promise<number> {
  const value = await page.locator(`${TRAINER} [data-metric="${name}"]`).getAttribute('data-value');
  return value === null ? Number.NaN : Number(value);
}

async function step(page: Page): Promise<number> {
  return Number(await page.locator(`${TRAINER} .simclr`).getAttribute('data-step'));
}

test('simclr: the augmentation studio streams captioned view pairs and survives a text-file upload', async ({
  open,
}) => {
  test.setTimeout(120_000);
  const { page } = await open(PAGE);
  await reveal(page, STUDIO);
  await waitForPairs(page, 2);
  const studio = page.locator(STUDIO);
  const caption = studio.locator('figcaption').first();
  expect((await caption.textContent())?.trim(), 'a view has no parameter caption');
  const views = studio.getByRole('img', { name: /^View [12]:/ });
  expect((await views.count()) >= 4, 'fewer than two pairs of views on screen');
  await studio.locator('input[data-upload]').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture at all'),
  });
  const alert = studio.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  expect(/notes\.txt is not an image/.test((await alert.textContent()) ?? ''), 'no message');
  const after = await pairs(page);
  await waitForPairs(page, after + 2);
  const state = await studio.getAttribute('data-state');
  expect(state !== 'error', 'the studio fell into its error panel');
});

test('simclr: the augmentation studio refuses a 20000 × 20000 PNG from its header, without decoding it', async ({
  open,
  note,
}) => {
  const { page } = await open(PAGE);
  // Count every decode the page starts.
  await page.evaluate(() => {
    const w = window as unknown as { __decodes: number };
    w.__decodes = 0;
    const decode = window.createImageBitmap.bind(window);
    window.createImageBitmap = ((...args: Parameters<typeof createImageBitmap>) => {
      w.__decodes += 1;
      return decode(...args);
    }) as typeof createImageBitmap;
  });
  await reveal(page, STUDIO);
  await waitForPairs(page, 1);
  const studio = page.locator(STUDIO);
  const start = Date.now();
  await studio.locator('input[data-upload]').setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.from(png(20_000, 20_000)),
  });
  const alert = studio.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  const ms = Date.now() - start;
  note(`20000 × 20000 PNG header refused in ${ms} ms`);
  const message = (await alert.textContent()) ?? '';
  expect(
    message.includes('huge.png is 20,000 × 20,000 = 400,000,000 pixels'),
    `the message does not name the size: ${message}`,
  );
  const decodes = await page.evaluate(() => (window as unknown as { __decodes: number }).__decodes);
  expect(decodes === 0, `the page decoded the picture ${decodes} time(s) before refusing it`);
  expect(ms < 3_000, `the refusal took ${ms} ms`);
  const source = await studio.locator('.studio').getAttribute('data-source');
  expect(source === 'built-in', 'the studio dropped its picture');
});

test('simclr: training runs in a worker, pauses, resets, and k-NN accuracy beats random init', async ({
  open,
  note,
}) => {
  test.setTimeout(420_000);
  const { page } = await open(PAGE);
  await reveal(page, TRAINER);
  await page.waitForFunction(
    (selector) => {
      const baseline = document.querySelector(`${selector} [data-metric="knn-baseline"]`);
      const lab = document.querySelector(`${selector} .simclr`);
      return lab?.getAttribute('data-mode') === 'worker' && baseline?.hasAttribute('data-value');
    },
    TRAINER,
    { timeout: 120_000, polling: 250 },
  );
  const baseline = await metric(page, 'knn-baseline');
  const frame = page.locator(TRAINER);
  const start = Date.now();
  await frame.getByRole('button', { name: 'Play' }).click();
  // The figure re-measures every 20 steps; wait for a measured value above the baseline.
  await page.waitForFunction(
    (selector) => {
      const value = (name: string) =>
        Number(
          document.querySelector(`${selector} [data-metric="${name}"]`)?.getAttribute('data-value'),
        );
      return value('knn-accuracy') > value('knn-baseline');
    },
    TRAINER,
    { timeout: 300_000, polling: 500 },
  );
  const seconds = (Date.now() - start) / 1000;
  const accuracy = await metric(page, 'knn-accuracy');
  const steps = await step(page);
  await frame.getByRole('button', { name: 'Play' }).click(); // pauses
  await page.waitForTimeout(1_500);
  const paused = await step(page);
  await page.waitForTimeout(2_000);
  expect((await step(page)) === paused, 'training went on after pause');
  const backend = await frame.locator('[data-progress="backend"]').textContent();
  const rate = await frame.locator('[data-progress="rate"]').textContent();
  await frame.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(
    (selector) => document.querySelector(`${selector} .simclr`)?.getAttribute('data-step') === '0',
    TRAINER,
    { timeout: 60_000 },
  );
  note(
    `SimCLR on ${backend}: k-NN ${(100 * baseline).toFixed(1)} % (random init) → ` +
      `${(100 * accuracy).toFixed(1)} % after ${steps} steps, ${seconds.toFixed(0)} s, ${rate} steps/s`,
  );
});
