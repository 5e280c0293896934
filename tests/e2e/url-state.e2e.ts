// A figure's settings in the address survive the theme's active-heading update: after a scroll the
// link still holds what the figure shows (and a reload restores it), and a value the figure
// corrected does not come back.
import type { Page } from '@playwright/test';
import { openSphereLab, reveal, SPHERE_FRAME } from './figures';
import { expect, test } from './fixtures';

/** Scrolls up one screen and waits until the theme has marked another heading in the hash. */
async function scrollUpOneScreen(page: Page): Promise<void> {
  const hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => window.scrollBy({ top: -window.innerHeight, behavior: 'instant' }));
  await page.waitForFunction((before) => location.hash !== before, hash, { timeout: 10_000 });
  // The heading update is a router navigation: let it finish before reading the address.
  await page.waitForTimeout(500);
}

test('url state: a scroll keeps the sphere lab’s τ in the address, and a reload restores it', async ({
  open,
}) => {
  const { page } = await open('uniformity.html');
  await openSphereLab(page);
  const tau = page.locator(SPHERE_FRAME).getByRole('slider', { name: 'Temperature τ' });
  await tau.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.search.includes('sphere.tau=0.5383'));
  const shown = await tau.getAttribute('aria-valuetext');
  await scrollUpOneScreen(page);
  const url = page.url();
  expect(new URL(url).searchParams.get('sphere.tau') === '0.5383', `the address is ${url}`);

  await page.reload({ waitUntil: 'load' });
  await openSphereLab(page);
  const restored = await tau.getAttribute('aria-valuetext');
  expect(restored === shown, `τ showed ${shown}, and ${restored} after a reload`);
});

test('url state: a value the figure corrected does not come back after a scroll', async ({
  open,
}) => {
  const { page } = await open('temperature.html?temp.tau=abc');
  await reveal(page, '[data-demo="temperature-weights"]');
  await page.waitForFunction(() => !location.search.includes('temp.tau'));
  await page.evaluate(() => window.scrollBy({ top: window.innerHeight, behavior: 'instant' }));
  await scrollUpOneScreen(page);
  expect(!page.url().includes('temp.tau'), `the address is ${page.url()}`);
});
