// The CLIP chapter: the trainer restores its settings from the URL and trains in a worker; the
// diagonal's share of the display batch's softmax rises from chance, the learned logit scale moves
// from 1/0.07 and stays within CLIP's clip at 100; the retrieval box answers hostile queries
// (unknown words, empty, 10,000 characters, HTML, emoji) with a message or pictures, never an
// error; the page's tensor count is flat across a reset. The steps/s it trained at are noted.
import type { Page } from '@playwright/test';
import { reveal, tensorCount } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'clip.html';
const TRAINER = '[data-demo="clip-trainer"]';
const ROOT = `${TRAINER} .clip`;

async function metric(page: Page, name: string): Promise<number> {
  const value = await page.locator(`${TRAINER} [data-metric="${name}"]`).getAttribute('data-value');
  return value === null ? Number.NaN : Number(value);
}

async function waitForStep(page: Page, n: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ([r, s]) => Number(document.querySelector(r)?.getAttribute('data-step')) >= s,
    [ROOT, n] as const,
    { timeout, polling: 250 },
  );
}

/** Types `text` into the caption box and waits until the answer's message is of `kind`. */
async function ask(page: Page, text: string, kinds: readonly string[]): Promise<string> {
  await page.locator(`${TRAINER} [data-query]`).fill(text);
  await page.waitForFunction(
    ([t, k]) =>
      k.includes(document.querySelector(`${t} [data-message]`)?.getAttribute('data-message') ?? ''),
    [TRAINER, kinds] as const,
    { timeout: 10_000, polling: 100 },
  );
  return (await page.locator(`${TRAINER} [data-message]`).getAttribute('data-message')) ?? '';
}

/** Waits until the retrieval row shows `count` pictures. */
async function waitForPictures(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ([t, n]) => document.querySelectorAll(`${t} [data-retrieved="picture"]`).length === n,
    [TRAINER, count] as const,
    { timeout: 30_000, polling: 100 },
  );
}

test('clip: the diagonal lights up, the temperature moves within the clip, hostile queries are answered', async ({
  open,
  note,
}) => {
  test.setTimeout(240_000);
  const { page } = await open(`${PAGE}?clip.batch=32&clip.seed=3`);
  await reveal(page, TRAINER);
  await page.waitForFunction(
    ([t, r]) =>
      document.querySelector(r)?.getAttribute('data-mode') === 'worker' &&
      document.querySelector(`${t} [data-metric="diagonal"]`)?.hasAttribute('data-value'),
    [TRAINER, ROOT] as const,
    { timeout: 120_000, polling: 250 },
  );
  const frame = page.locator(TRAINER);
  const batch = await frame.getByRole('slider', { name: 'Batch size N (pairs)' }).inputValue();
  expect(batch === '32', `batch size not restored (${batch})`);
  const diagonal0 = await metric(page, 'diagonal');
  const scale0 = await metric(page, 'scale');
  expect(Math.abs(scale0 - 1 / 0.07) < 1e-3, `the logit scale starts at ${scale0}, not 1/0.07`);
  const tensors = await tensorCount(page);

  await frame.getByRole('button', { name: 'Play' }).click();
  const started = Date.now();
  await waitForStep(page, 200);
  const seconds = (Date.now() - started) / 1000;
  const steps = Number(await page.locator(ROOT).getAttribute('data-step'));
  // The read-outs of the step-200 evaluation (or later) have arrived.
  await page.waitForFunction(
    (t) =>
      Number(
        document.querySelector(`${t} [data-metric="eval-step"]`)?.getAttribute('data-value'),
      ) >= 200,
    TRAINER,
    { timeout: 60_000, polling: 250 },
  );
  const diagonal = await metric(page, 'diagonal');
  const scale = await metric(page, 'scale');
  expect(
    diagonal > diagonal0 + 0.15,
    `the diagonal's share went from ${diagonal0.toFixed(3)} only to ${diagonal.toFixed(3)}`,
  );
  expect(Math.abs(scale - scale0) > 0.05, `the logit scale did not move from ${scale0}`);
  expect(scale > 1 && scale <= 100 * (1 + 1e-6), `the logit scale ${scale} left (1, 100]`);

  // Hostile queries, while it trains: a message or pictures, never an error.
  expect((await ask(page, 'zebra giraffe', ['unknown'])) === 'unknown', 'unknown words');
  await waitForPictures(page, 0);
  expect((await ask(page, '', ['empty'])) === 'empty', 'empty query');
  const long = 'a big blue ring '.repeat(700).slice(0, 10_000);
  expect((await ask(page, long, ['ok'])) === 'ok', 'a query of 10,000 characters');
  await waitForPictures(page, 6);
  const html = '<img src=x onerror=alert(1)>';
  expect((await ask(page, html, ['unknown'])) === 'unknown', 'HTML');
  expect((await frame.locator('img').count()) === 0, 'the HTML query became an element');
  const message = await frame.locator('[data-message]').textContent();
  expect(message?.includes('“onerror”') === true, `the unknown words are not listed: ${message}`);
  expect((await ask(page, '🔴 🟦 ✨', ['unknown'])) === 'unknown', 'emoji');
  expect((await ask(page, 'a red 🔴 star', ['partial'])) === 'partial', 'a caption with emoji');
  await waitForPictures(page, 6);
  const state = await frame.getAttribute('data-state');
  expect(state !== 'error', 'the frame shows an error');

  await frame.getByRole('button', { name: 'Play' }).click(); // pauses
  await frame.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(
    (r) => document.querySelector(r)?.getAttribute('data-step') === '0',
    ROOT,
    {
      timeout: 60_000,
    },
  );
  const after = await tensorCount(page);
  expect(after === tensors, `the page's tensor count went from ${tensors} to ${after}`);
  note(
    `CLIP (N 32): ${steps} steps in ${seconds.toFixed(1)} s (${(steps / seconds).toFixed(1)} steps/s ` +
      `with read-outs), diagonal ${(100 * diagonal0).toFixed(1)} % → ${(100 * diagonal).toFixed(1)} %, ` +
      `scale ${scale0.toFixed(2)} → ${scale.toFixed(2)}`,
  );
});

// Two minutes of training at the defaults: a claim test (tag @claims) that runs with CLAIMS=all,
// as `npm run test:claims` does, not in every `npm test`. It measures the browser's steps in two
// minutes (the chapter's step count) and checks the read-outs the chapter quotes for them.
test('clip: two minutes at the defaults @claims', async ({ open, note }) => {
  test.skip(process.env.CLAIMS !== 'all', 'a long claim test: CLAIMS=all (npm run test:claims)');
  test.setTimeout(600_000);
  const seconds = 120;
  const { page } = await open(PAGE);
  await reveal(page, TRAINER);
  await page.waitForFunction(
    ([t, r]) =>
      document.querySelector(r)?.getAttribute('data-mode') === 'worker' &&
      document.querySelector(`${t} [data-metric="zero-shot"]`)?.hasAttribute('data-value'),
    [TRAINER, ROOT] as const,
    { timeout: 120_000, polling: 250 },
  );
  const frame = page.locator(TRAINER);
  await frame.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(seconds * 1000);
  await frame.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2_000);
  const steps = Number(await page.locator(ROOT).getAttribute('data-step'));
  const trainSeconds = Number(
    await page.locator(`${TRAINER} [data-progress="seconds"]`).textContent(),
  );
  const read = {
    zeroShot: await metric(page, 'zero-shot'),
    combos: await metric(page, 'combos'),
    imageToText: await metric(page, 'image-to-text'),
    textToImage: await metric(page, 'text-to-image'),
    scale: await metric(page, 'scale'),
    diagonal: await metric(page, 'diagonal'),
  };
  const backend = await page.locator(ROOT).getAttribute('data-train-backend');
  note(
    `${seconds} s on ${backend}: ${steps} steps (${(steps / trainSeconds).toFixed(1)} steps/s of ` +
      `training), ${Object.entries(read)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(', ')}`,
  );
  expect(steps > 0, 'the trainer did not run');
  // The chapter: after two minutes zero-shot classification reaches 80 % (chance 10 %), and the
  // colour–class pairs never trained on are far above their 1.7 % of chance. Here (2 cores, shared,
  // WebAssembly with 2 threads) two runs took 1,964 and 2,313 steps (22.6 and 26.6 steps/s of
  // training): 91.8 and 94.4 % zero-shot, 71.3 and 74.3 % on the unseen pairs.
  expect(read.zeroShot >= 0.8, `zero-shot accuracy ${read.zeroShot}`);
  expect(read.combos > 0.3, `unseen combinations ${read.combos}`);
  expect(read.scale > 1 / 0.07 && read.scale <= 100, `logit scale ${read.scale}`);
});
