// A sidebar jump from far down one chapter opens the next at its top without starting the figures
// the reader never sees there: nothing on the way is loaded until it is scrolled to.
import { navigate, readyFigure } from './figures';
import { expect, test } from './fixtures';

const TRAINER = '[data-demo="simcse-trainer"]';

test('page change: a sidebar jump from a scrolled SimCLR page leaves the SimCSE trainer unloaded', async ({
  open,
}) => {
  const { page } = await open('simclr.html');
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= bottom; y += 1500) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await page.waitForTimeout(200);
  }
  await navigate(page, 'SimCSE');
  await page.waitForSelector(TRAINER);
  // Long enough for a trainer that counted as seen to fetch its code and mount.
  await page.waitForTimeout(4000);
  expect(
    (await page.evaluate(() => window.scrollY)) === 0,
    'the SimCSE page did not open at its top',
  );
  const state = await page.locator(TRAINER).getAttribute('data-state');
  const mounted = await page.locator(`${TRAINER} .simcse-trainer`).count();
  expect(
    state === 'loading' && mounted === 0,
    `the unseen trainer is ${state}, mounted ${mounted}`,
  );

  // The frame still loads when the reader scrolls to it.
  await readyFigure(page, 'simcse-trainer');
});
