// The SimCSE chapter: the dropout figure takes hostile text as text and gives cosine exactly 1 at
// p = 0; the trainer raises Spearman above the untrained encoder within a short budget (supervised
// and unsupervised) and answers hostile nearest-neighbour queries as text.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyFigure } from './figures';

const PAGE = 'simcse.html';
const DROPOUT = '[data-demo="dropout-twice"]';
const TRAINER = '[data-demo="simcse-trainer"]';
const LAB = `${TRAINER} .simcse-trainer`;

const HOSTILE = [
  '',
  'word '.repeat(2_000),
  '🌧️☔ a rainy 😀 day',
  'مرحبا بالعالم، هذه جملة',
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
];

/** The number a `data-metric` readout shows inside `scope`. */
async function metric(page: Page, scope: string, name: string): Promise<number> {
  return Number(await page.locator(`${scope} [data-metric="${name}"]`).textContent());
}

/** Waits for the trainer to run in its worker and show its first evaluation. */
async function openTrainer(page: Page): Promise<void> {
  await page.locator(TRAINER).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${LAB}[data-mode="worker"][data-evaluated-at="0"]`, {
    timeout: 120_000,
  });
}

/** Plays until an evaluation at or after `steps` arrives (or `ms` pass), then pauses. */
async function trainUntil(page: Page, steps: number, ms: number): Promise<number> {
  const start = Date.now();
  await page.locator(TRAINER).getByRole('button', { name: 'Play' }).click();
  await page
    .waitForFunction(
      ([selector, n]) =>
        Number(document.querySelector(selector)?.getAttribute('data-evaluated-at')) >= n,
      [LAB, steps] as const,
      { timeout: ms, polling: 250 },
    )
    .catch(() => undefined);
  await page.locator(TRAINER).getByRole('button', { name: 'Play' }).click(); // pauses
  return (Date.now() - start) / 1000;
}

test('simcse: dropout figure: hostile text stays text, p = 0 gives cosine exactly 1', async ({
  open,
  note,
}) => {
  test.setTimeout(150_000);
  const { page } = await open(PAGE);
  await readyFigure(page, 'dropout-twice');
  const input = page.locator(DROPOUT).getByRole('textbox', { name: 'Your sentence' });
  const cosine = page.locator(`${DROPOUT} [data-metric="cosine"]`);
  for (const text of HOSTILE) {
    await input.fill(text);
    await page.waitForTimeout(400);
    const shown = (await cosine.textContent()) ?? '';
    if (text === '') expect(shown === 'undefined', `empty text gave cosine "${shown}"`);
    else expect(Number(shown) > 0 && Number(shown) < 1, `"${text.slice(0, 20)}" → ${shown}`);
    const notes = await page.locator(`${DROPOUT} [data-length-note]`).count();
    expect(notes === (text.length > 1_000 ? 1 : 0), `${notes} length notes at ${text.length}`);
  }
  const pwned = await page.evaluate('window.__pwned');
  expect(pwned === undefined, `typed HTML ran as code (${String(pwned)})`);
  const tokens = await page.locator(`${DROPOUT} .dropout-twice__token`).allTextContents();
  expect(tokens.join(' ').includes('script'), 'the HTML was not shown as text');

  await input.fill('A dog is running through the park.');
  await page.waitForTimeout(400);
  const ms = Number(
    await page.locator(`${DROPOUT} .dropout-twice`).getAttribute('data-elapsed-ms'),
  );
  const slider = page.locator(DROPOUT).getByRole('slider', { name: 'Dropout p' });
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForTimeout(200);
  expect(
    (await cosine.textContent()) === '1 (identical)',
    `p = 0 gave "${await cosine.textContent()}"`,
  );
  note(`one update (two passes + read-back) ${ms.toFixed(1)} ms`);
  expect(ms < 100, `an update took ${ms} ms`);
});

test('simcse: trainer: supervised training lifts Spearman above the untrained encoder', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(`${PAGE}?simcse.mode=sup`);
  await openTrainer(page);
  const untrained = await metric(page, LAB, 'spearman-baseline');
  const bow = await metric(page, LAB, 'spearman-bow');
  expect(Math.abs((await metric(page, LAB, 'spearman')) - untrained) < 1e-3, 'step 0 differs');
  const seconds = await trainUntil(page, 40, 180_000);
  const at = await page.locator(LAB).getAttribute('data-evaluated-at');
  const trained = await metric(page, LAB, 'spearman');
  note(
    `supervised: Spearman ${untrained.toFixed(3)} (untrained) → ${trained.toFixed(3)} after ${at} steps, ${seconds.toFixed(0)} s; bag of words ${bow.toFixed(3)}`,
  );
  expect(trained > untrained + 0.01, `Spearman went from ${untrained} to ${trained}`);
});

test('simcse: trainer: unsupervised training lifts Spearman above the untrained encoder; hostile queries stay text', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(PAGE);
  await openTrainer(page);
  const untrained = await metric(page, LAB, 'spearman-baseline');
  const a0 = await metric(page, LAB, 'anisotropy');
  const seconds = await trainUntil(page, 80, 150_000);
  const at = await page.locator(LAB).getAttribute('data-evaluated-at');
  const a1 = await metric(page, LAB, 'anisotropy');
  const trained = await metric(page, LAB, 'spearman');
  note(
    `unsupervised: Spearman ${untrained.toFixed(3)} → ${trained.toFixed(3)}, anisotropy ${a0.toFixed(3)} → ${a1.toFixed(3)} after ${at} steps, ${seconds.toFixed(0)} s`,
  );
  expect(trained > untrained + 0.01, `Spearman went from ${untrained} to ${trained}`);

  const query = page.locator(TRAINER).getByRole('textbox', { name: /Query/ });
  // Queries with no word the vocabulary knows get a note instead of neighbours.
  const noKnownWord = new Set([HOSTILE[1], HOSTILE[3], '?!… ¿¡ — :-)']);
  for (const text of [...HOSTILE, '?!… ¿¡ — :-)']) {
    await query.fill(text);
    await page.waitForTimeout(600);
    if (text === '') {
      expect(await page.locator(`${TRAINER} [data-empty-note]`).count(), 'no empty note');
      continue;
    }
    const unknown = noKnownWord.has(text);
    await page.waitForFunction(
      ([trainer, expectNote]) =>
        expectNote
          ? document.querySelector(`${trainer} [data-unknown-note]`) !== null &&
            document.querySelector(`${trainer} [data-neighbours]`) === null
          : document.querySelectorAll(`${trainer} [data-neighbours="after"] li`).length === 5,
      [TRAINER, unknown] as const,
      { timeout: 60_000 },
    );
  }
  expect((await page.evaluate('window.__pwned')) === undefined, 'a query ran as code');
});
