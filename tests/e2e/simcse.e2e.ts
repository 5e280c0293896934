// The SimCSE chapter: the pretrained encoder's weights are not fetched on first paint, only when
// a figure nears the screen; a missing or garbled file shows the reason and Retry recovers once the
// file is back; the dropout figure takes hostile text as text and gives cosine exactly 1 at p = 0;
// the trainer fine-tunes on WebAssembly in its worker, shows its read-outs (Spearman against the
// pretrained encoder and TF-IDF, anisotropy, topic agreement before and after) and answers hostile
// nearest-neighbour queries as text.
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyFigure, reveal } from './figures';

const PAGE = 'simcse.html';
const DROPOUT = '[data-demo="dropout-twice"]';
const TRAINER = '[data-demo="simcse-trainer"]';
const LAB = `${TRAINER} .simcse-trainer`;
/** The pretrained encoder's file (its hashed name: `sentence-encoder.<hash>.bin`). */
const CHECKPOINT = /\/sentence-encoder[^/]*\.bin$/;

const isCheckpoint = (request: Request) => CHECKPOINT.test(new URL(request.url()).pathname);

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
  await reveal(page, TRAINER);
  await page.waitForSelector(`${LAB}[data-mode="worker"][data-evaluated-at="0"]`, {
    timeout: 120_000,
  });
}

/** Waits until the encoder's panel in `frame` shows, and returns what it says. */
async function encoderError(page: Page, frame: string): Promise<string> {
  const alert = page.locator(`${frame} [data-encoder="error"] [role="alert"]`);
  await alert.waitFor({ timeout: 60_000 });
  return (await alert.textContent()) ?? '';
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

test('simcse: the encoder’s weights are fetched only when a figure nears the screen', async ({
  open,
}) => {
  const { page, requests } = await open(PAGE);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  expect(!requests.some(isCheckpoint), 'the checkpoint was requested on first paint');
  await readyFigure(page, 'dropout-twice');
  await page.locator(`${DROPOUT} [data-encoder="ready"]`).waitFor({ timeout: 60_000 });
  expect(requests.filter(isCheckpoint).length === 1, 'the checkpoint was not fetched (once)');
});

test('simcse: a missing or garbled checkpoint says so, and Retry recovers', async ({
  open,
  newContext,
  watch,
}) => {
  test.setTimeout(240_000);
  // No service worker: it would answer from its cache, out of the routes' reach (and the page's
  // check for one then fails, in the console).
  const context = await newContext({ serviceWorkers: 'block' });
  watch.expectConsoleErrors(
    (text, source) =>
      text.startsWith('[Service Worker]:') ||
      (CHECKPOINT.test(new URL(source, 'http://x').pathname) && /404/.test(text)),
  );
  let answer: 'missing' | 'garbage' | 'file' = 'missing';
  await context.route(CHECKPOINT, (route) =>
    answer === 'missing'
      ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })
      : answer === 'garbage'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>hi' })
        : route.continue(),
  );

  // The trainer: 404, then garbage, then the file; training starts only then, in its worker.
  const { page } = await open(PAGE, context);
  await reveal(page, TRAINER);
  const missing = await encoderError(page, TRAINER);
  expect(/did not load\..*\(HTTP 404\)/.test(missing), `a 404 said "${missing}"`);
  expect((await page.locator(LAB).count()) === 0, 'the trainer showed anyway');
  answer = 'garbage';
  const retry = page.locator(TRAINER).getByRole('button', { name: 'Retry' });
  await retry.click();
  await page.locator(`${TRAINER} [data-encoder="loading"]`).waitFor({ state: 'detached' });
  const garbled = await encoderError(page, TRAINER);
  expect(/not a checkpoint file/.test(garbled), `garbage said "${garbled}"`);
  answer = 'file';
  await retry.focus();
  await page.keyboard.press('Enter');
  await openTrainer(page);
  await page.close();

  // The dropout figure, in a page of its own (a page keeps the checkpoint once it has it).
  answer = 'missing';
  const second = (await open(PAGE, context)).page;
  await readyFigure(second, 'dropout-twice');
  const alone = await encoderError(second, DROPOUT);
  expect(/HTTP 404/.test(alone), `the dropout figure said "${alone}"`);
  expect((await second.locator(`${DROPOUT} textarea`).count()) === 0, 'the figure showed anyway');
  answer = 'file';
  await second.locator(DROPOUT).getByRole('button', { name: 'Retry' }).click();
  const cosine = second.locator(`${DROPOUT} [data-metric="cosine"]`);
  await cosine.waitFor({ timeout: 60_000 });
  expect(Number(await cosine.textContent()) < 1, 'no cosine after Retry');
});

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

test('simcse: trainer: fine-tunes on WebAssembly in its worker and reads out its numbers; hostile queries stay text', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(`${PAGE}?backend=wasm`);
  await openTrainer(page);
  expect((await page.locator(LAB).getAttribute('data-train-backend')) === 'wasm', 'not on WASM');
  const pretrained = await metric(page, LAB, 'spearman-pretrained');
  const bow = await metric(page, LAB, 'spearman-bow');
  const a0 = await metric(page, LAB, 'anisotropy');
  const topic = async (name: string) =>
    Number(await page.locator(`${LAB} [data-metric="${name}"]`).getAttribute('data-value'));
  const t0 = await topic('topic-agreement-pretrained');
  expect(Math.abs((await metric(page, LAB, 'spearman')) - pretrained) < 1e-3, 'step 0 differs');
  expect(Math.abs((await topic('topic-agreement')) - t0) < 1e-6, 'topic agreement at step 0');
  for (const [name, value] of [
    ['pretrained Spearman', pretrained],
    ['TF-IDF Spearman', bow],
    ['anisotropy', a0],
  ] as const) {
    expect(Number.isFinite(value) && value > -1 && value <= 1, `${name} reads ${value}`);
  }
  expect(t0 > 0 && t0 <= 1, `topic agreement before reads ${t0}`);
  const seconds = await trainUntil(page, 40, 150_000);
  const at = Number(await page.locator(LAB).getAttribute('data-evaluated-at'));
  const trained = await metric(page, LAB, 'spearman');
  const t1 = await topic('topic-agreement');
  note(
    `unsupervised on WASM, ${at} steps in ${seconds.toFixed(0)} s: Spearman ${pretrained.toFixed(3)} (pretrained) → ${trained.toFixed(3)}, TF-IDF ${bow.toFixed(3)}; anisotropy ${a0.toFixed(3)} → ${(await metric(page, LAB, 'anisotropy')).toFixed(3)}; topic agreement ${(100 * t0).toFixed(0)} % → ${(100 * t1).toFixed(0)} %`,
  );
  expect(at > 0 && Number.isFinite(trained) && t1 > 0, `after ${at} steps: ρ ${trained}, ${t1}`);

  const query = page.locator(TRAINER).getByRole('textbox', { name: /Query/ });
  // Queries with no word the vocabulary knows get a note instead of neighbours.
  const noKnownWord = new Set([HOSTILE[3], '?!… ¿¡ — :-)']);
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
