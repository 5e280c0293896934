// The hardness-weights figure ("Temperature"): keyboard τ to both limits, similarity sliders,
// shared links, bad links, and no tensor left behind after mounting and unmounting it 20 times.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keyboardTo, mountUnmountCounts, readyFigure } from './figures';

const PAGE = 'temperature.html';
const FRAME = '[data-demo="temperature-weights"]';

async function negatives(page: Page) {
  return page.locator(`${FRAME} li[data-negative]`).evaluateAll((els) =>
    els.map((el) => ({
      s: Number(el.getAttribute('data-similarity')),
      w: Number(el.getAttribute('data-weight')),
      simple: Number(el.getAttribute('data-simple-weight')),
    })),
  );
}

const entropy = async (page: Page) =>
  Number(await page.locator(`${FRAME} .temperature-weights`).getAttribute('data-entropy'));

test('temperature: τ to 0.01 by keyboard gives the hardest negative over 0.95; τ to 10 flattens', async ({
  open,
  note,
}) => {
  const { page } = await open(PAGE);
  note(`temperature backend: ${await readyFigure(page, 'temperature-weights')}`);
  await keyboardTo(page, FRAME, 'Temperature τ', 'PageDown', '0.01');
  const cold = await negatives(page);
  const hardest = cold.reduce((a, b) => (b.s > a.s ? b : a));
  expect(hardest.w > 0.95, `the hardest negative's weight is ${hardest.w} at τ = 0.01`);
  expect((await entropy(page)) < 0.05, 'the entropy did not fall toward 0');
  const coldText = await page.locator(`${FRAME} [data-limit="cold"]`).textContent();
  expect(coldText?.includes('τ·L = 0.1000'), `cold limit reads "${coldText}"`);

  await keyboardTo(page, FRAME, 'Temperature τ', 'End', '10');
  const hot = await negatives(page);
  expect(
    hot.every((n) => Math.abs(n.w - n.simple) < 0.02),
    `weights at τ = 10 are not near the simple loss's: ${JSON.stringify(hot)}`,
  );
  expect((await entropy(page)) > Math.log(hot.length) - 0.01, 'entropy did not near log K');
});

test('temperature: a similarity slider moves the weight; a shared link restores the settings', async ({
  open,
  baseUrl,
}) => {
  const { page } = await open(PAGE);
  await readyFigure(page, 'temperature-weights');
  await keyboardTo(page, FRAME, 'Temperature τ', 'PageDown', '0.1');
  // Raise negative 3 above negative 1: the weight must jump to it.
  await keyboardTo(page, FRAME, 'Negative 3', 'End', '1');
  const after = await negatives(page);
  expect(after[2].w > 0.5 && after[2].w > after[0].w, `weights: ${JSON.stringify(after)}`);
  await page.waitForFunction(() => location.search.includes('temp.s3=1'), null, {
    timeout: 5000,
  });
  const link = page.url();
  const shared = await open(link.slice(baseUrl.length));
  await readyFigure(shared.page, 'temperature-weights');
  const restored = await negatives(shared.page);
  expect(
    JSON.stringify(restored) === JSON.stringify(after),
    `link ${link} restored ${JSON.stringify(restored)}`,
  );

  const bad = await open(`${PAGE}?temp.count=12&temp.s1=hot`);
  await readyFigure(bad.page, 'temperature-weights');
  const notice = bad.page.locator(FRAME).getByRole('status').filter({ hasText: 'temp.count' });
  expect(await notice.isVisible(), 'no visible notice about the bad parameters');
  expect((await negatives(bad.page)).length === 8, 'count=12 was not clamped to 8');
});

test('temperature: mounting and unmounting it 20 times leaves the tensor count unchanged', async ({
  open,
  note,
}) => {
  test.setTimeout(240_000);
  const { page } = await open('under-the-hood.html');
  const counts = await mountUnmountCounts(page, {
    chapter: 'Temperature',
    figure: 'temperature-weights',
    times: 21,
    async use() {
      await page.locator(FRAME).getByRole('slider', { name: 'Temperature τ' }).focus();
      await page.keyboard.press('PageDown');
    },
  });
  const [baseline, ...rest] = counts;
  note(`tensors after each unmount: baseline ${baseline}, then ${[...new Set(rest)]}`);
  expect(
    rest.every((c) => c === baseline),
    `tensor count drifted: ${counts.join(', ')}`,
  );
});
