// The collapse lab on "Learning without negatives": every objective trains in the worker, the run
// pauses while the figure is off screen and resumes on return, a shared link restores the
// settings, SimSiam without its stop-gradient collapses in the browser as in the headless claims,
// and 2,000 steps on the main thread keep the tensor count flat.
import type { Page } from '@playwright/test';
import { numberAt, playUntil, reveal } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'learning-without-negatives.html';
const FRAME = '[data-demo="collapse-lab"]';
const LAB = `${FRAME} .collapse-lab`;
const OBJECTIVES = ['infonce', 'simsiam', 'byol', 'barlow'];

/** A read-out's numeric value (its `data-value`), NaN while unset. */
async function metric(page: Page, name: string): Promise<number> {
  const value = await page.locator(`${LAB} [data-metric="${name}"]`).getAttribute('data-value');
  return value === null ? Number.NaN : Number(value);
}

/** Scrolls to the lab and waits until it trains in `mode` and shows its first read-outs. */
async function openLab(page: Page, mode = 'worker'): Promise<void> {
  await reveal(page, FRAME);
  await page.waitForSelector(`${LAB}[data-mode="${mode}"]`, { timeout: 90_000 });
  await page.waitForSelector(`${LAB} [data-metric="std"][data-value]`, { timeout: 60_000 });
}

test('collapse lab: every objective trains in the worker and fills the read-outs', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(PAGE);
  await openLab(page);
  const frame = page.locator(FRAME);
  const lines: string[] = [];
  for (const objective of OBJECTIVES) {
    await frame.getByLabel('Objective').selectOption(objective);
    const from = await numberAt(page, LAB, 'step');
    await playUntil(page, FRAME, LAB, from + 30);
    expect((await page.locator(LAB).getAttribute('data-mode')) === 'worker', `${objective}: mode`);
    await page.waitForFunction(
      ([selector, n]) =>
        Number(document.querySelector(selector)?.getAttribute('data-eval-step')) >= n,
      [LAB, from + 20] as const,
      { timeout: 60_000 },
    );
    const std = await metric(page, 'std');
    const rank = await metric(page, 'rank');
    expect(Number.isFinite(std) && std >= 0, `${objective}: std ${std}`);
    expect(rank >= 1 && rank <= 16, `${objective}: effective rank ${rank}`);
    expect(
      (await page.locator(`${FRAME} svg.spectrum`).getAttribute('data-bars')) === '16',
      `${objective}: the spectrum does not have 16 bars`,
    );
    lines.push(`${objective}: std ${std.toFixed(3)}, rank ${rank.toFixed(1)}`);
  }
  const backend = await page.locator(LAB).getAttribute('data-train-backend');
  note(`worker on ${backend}; ${lines.join('; ')}`);
});

test('collapse lab: training pauses off screen and resumes on return', async ({ open }) => {
  test.setTimeout(180_000);
  const { page } = await open(PAGE);
  await openLab(page);
  const frame = page.locator(FRAME);
  await frame.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (selector) => Number(document.querySelector(selector)?.getAttribute('data-step')) >= 10,
    LAB,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(1_500);
  const away = await numberAt(page, LAB, 'step');
  await page.waitForTimeout(2_000);
  expect((await numberAt(page, LAB, 'step')) === away, 'training went on off screen');
  await reveal(page, FRAME);
  await page.waitForFunction(
    ([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-step')) > n,
    [LAB, away] as const,
    { timeout: 60_000 },
  );
  await frame.getByRole('button', { name: 'Play' }).click();
});

test('collapse lab: a shared link restores the settings', async ({ open }) => {
  const { page } = await open(
    `${PAGE}?collapse.objective=barlow&collapse.lambda=0&collapse.dim=8&collapse.seed=7`,
  );
  await openLab(page);
  const frame = page.locator(FRAME);
  expect((await frame.getByLabel('Objective').inputValue()) === 'barlow', 'objective lost');
  expect((await frame.getByLabel('Seed').inputValue()) === '7', 'seed lost');
  const lambda = frame.getByRole('slider', { name: 'Off-diagonal weight λ' });
  expect((await lambda.inputValue()) === '0', 'λ lost');
  const width = frame.getByRole('slider', { name: 'Embedding width d' });
  expect((await width.inputValue()) === '8', 'width lost');
  expect(
    (await page.locator(`${FRAME} svg.spectrum`).getAttribute('data-bars')) === '8',
    'the spectrum does not have d = 8 bars',
  );
  await frame.getByLabel('Objective').selectOption('byol');
  await page.waitForFunction(() => location.search.includes('collapse.objective=byol'));
});

test('collapse lab: SimSiam without stop-gradient collapses (std below 0.02 by step 250)', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(`${PAGE}?collapse.stopgrad=false`);
  await openLab(page);
  const before = await metric(page, 'std');
  await page.locator(FRAME).getByLabel('Speed').selectOption('8');
  await playUntil(page, FRAME, LAB, 250);
  await page.waitForFunction(
    (selector) => Number(document.querySelector(selector)?.getAttribute('data-eval-step')) >= 250,
    LAB,
    { timeout: 60_000 },
  );
  const after = await metric(page, 'std');
  expect(after < 0.02, `std ${after} after 250 steps`);
  note(`SimSiam without stop-gradient: std ${before.toFixed(3)} → ${after.toFixed(4)} by step 250`);
});

// A leak grows the count every step, so a few hundred steps on the browser's main-thread path show
// it; the 2,000 steps of each objective are counted in Node (tests/worker/collapse.test.ts).
test('collapse lab: BYOL on the main thread keeps the tensor count flat over 400 steps', async ({
  open,
  note,
}) => {
  test.setTimeout(300_000);
  const { page } = await open(`${PAGE}?training=main&collapse.objective=byol`);
  await openLab(page, 'main');
  const tensors = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __contrastiveTraining: { mainThreadTensors(): number | null };
          }
        ).__contrastiveTraining.mainThreadTensors() ?? -1,
    );
  await page.locator(FRAME).getByLabel('Speed').selectOption('8');
  await playUntil(page, FRAME, LAB, 50);
  const early = await tensors();
  const earlyStep = await numberAt(page, LAB, 'step');
  await playUntil(page, FRAME, LAB, 450);
  const late = await tensors();
  const lateStep = await numberAt(page, LAB, 'step');
  expect(
    early > 0 && late === early,
    `tensors ${early} at step ${earlyStep}, ${late} at ${lateStep}`,
  );
  note(`main thread, BYOL: ${early} tensors at step ${earlyStep}, ${late} at step ${lateStep}`);
});
