// The SimCLR chapter: the augmentation studio animates, survives a bad upload and refuses a picture
// of too many pixels from its header alone, without decoding it; the live trainer runs in a
// worker, pauses, resets, and its k-NN accuracy rises above the random-init baseline; trained on
// the main thread on the CPU, it keeps the controls answering.
import type { Page } from '@playwright/test';
import { png } from '../support/image-bytes';
import { dragSliderLeft, percentile, readLatency, reveal, watchLatency } from './figures';
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
  const backend = await frame.locator('.simclr').getAttribute('data-train-backend');
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

test('simclr: on the CPU backend on the main thread, the sliders answer while it trains', async ({
  open,
  note,
}) => {
  test.setTimeout(420_000);
  const { page } = await open(`${PAGE}?backend=cpu&training=main`);
  await reveal(page, TRAINER);
  // The first picture measures the random-init baseline: slow on the CPU, before Play.
  await page.waitForFunction(
    (selector) =>
      document.querySelector(`${selector} .simclr`)?.getAttribute('data-mode') === 'main' &&
      document
        .querySelector(`${selector} [data-metric="knn-baseline"]`)
        ?.hasAttribute('data-value'),
    TRAINER,
    { timeout: 300_000, polling: 500 },
  );
  const frame = page.locator(TRAINER);
  expect(
    /main thread/.test((await frame.getByRole('alert').textContent()) ?? ''),
    'no notice says training runs on the main thread',
  );
  await watchLatency(page);
  await frame.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (selector) =>
      Number(document.querySelector(`${selector} .simclr`)?.getAttribute('data-step')) >= 2,
    TRAINER,
    { timeout: 120_000, polling: 200 },
  );
  const started = Date.now();
  const before = await step(page);

  await dragSliderLeft(page, frame.getByRole('slider', { name: 'Temperature τ' }), 30);
  const lr = frame.getByRole('slider', { name: 'Learning rate' });
  await lr.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  const { latency, long, longest } = await readLatency(page);
  // Training goes on once the reader stops.
  await page.waitForFunction(
    ([selector, n]) =>
      Number(document.querySelector(`${selector} .simclr`)?.getAttribute('data-step')) > n,
    [TRAINER, before + 1] as const,
    { timeout: 120_000, polling: 200 },
  );
  const seconds = (Date.now() - started) / 1000;
  const after = await step(page);
  await frame.getByRole('button', { name: 'Play' }).click();
  const p95 = percentile(latency, 95);
  expect(latency.length >= 30, `only ${latency.length} input events were measured`);
  expect(p95 <= 100, `input to next frame: p95 ${p95.toFixed(1)} ms`);
  note(
    `CPU, main thread: ${latency.length} inputs, input→frame p95 ${p95.toFixed(1)} ms, max ${Math.max(...latency).toFixed(0)} ms; ${long} long tasks, the longest ${longest.toFixed(0)} ms; ${after - before} steps in ${seconds.toFixed(0)} s`,
  );
});
