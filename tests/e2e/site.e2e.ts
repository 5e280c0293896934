// Site chrome: sidebar order, prev/next, search, dark mode, copy-code, the Home page budget.
import { SITE_PAGES, expect, javascriptGzipBytes, searchFor, tfjsRequests, test } from './fixtures';
import { follow } from './figures';

/** The sidebar the issue asks for, in order (written out, not read from the config under test). */
const CHAPTERS = [
  'Home',
  'What is contrastive learning',
  'Temperature',
  'Uniformity on the hypersphere',
  'InfoNCE and mutual information',
  'Contrastive vs metric learning',
  'SimCLR',
  'MoCo: many negatives, small batch',
  'CLIP: images and text',
  'SimCSE',
  'Learning without negatives',
  'Notation',
  'Under the hood',
];

/** Home's JavaScript budget before any demo is visible, gzipped. */
const HOME_JS_BUDGET = 250 * 1024;

test('the sidebar lists every chapter in order, and prev/next links follow it', async ({
  open,
}) => {
  const { page } = await open(SITE_PAGES[1] ?? '');
  const links = page.locator('.vp-sidebar > .vp-sidebar-items > li > .vp-sidebar-item');
  const titles = (await links.allTextContents()).map((t) => t.trim());
  expect(JSON.stringify(titles) === JSON.stringify(CHAPTERS), `sidebar is [${titles.join(' · ')}]`);
  const nav = page.getByRole('navigation', { name: /page navigation/i });
  await follow(page, nav.getByRole('link', { name: /Temperature/ }), 'the next-page link');
  await page.waitForURL(/temperature\.html$/);
  const prev = page.getByRole('navigation', { name: /page navigation/i }).getByRole('link', {
    name: /What is contrastive learning/,
  });
  await prev.waitFor({ timeout: 10_000 });
});

test('search finds "temperature" and opens the page', async ({ open }) => {
  const { page } = await open('');
  const result = await searchFor(page, 'temperature', /temperature/i);
  await result.click();
  await page.waitForURL(/temperature\.html/);
});

test('dark mode toggles and is remembered', async ({ open }) => {
  const { page } = await open('');
  const isDark = () => page.evaluate(() => document.documentElement.dataset.theme === 'dark');
  const before = await isDark();
  await page.getByRole('button', { name: /toggle color mode/i }).click();
  expect((await isDark()) !== before, 'the colour mode did not change');
  await page.reload();
  expect((await isDark()) !== before, 'the colour mode was not remembered after a reload');
});

test('code blocks have a copy button', async ({ open }) => {
  const { page } = await open('under-the-hood.html');
  await page.locator('div[class*="language-"] pre').first().hover();
  const button = page.locator('.vp-copy-code-button').first();
  expect((await button.count()) === 1, 'no copy-code button');
});

test(`Home loads no tfjs and at most ${HOME_JS_BUDGET / 1024} KB of gzipped JavaScript`, async ({
  open,
  note,
}) => {
  const watched = await open('');
  await watched.page.waitForLoadState('networkidle');
  const tfjs = tfjsRequests(watched);
  expect(tfjs.length === 0, `Home requested ${tfjs.join(', ')}`);
  const bytes = await javascriptGzipBytes(watched);
  note(`Home JavaScript before any demo: ${(bytes / 1024).toFixed(1)} KB gzipped`);
  expect(bytes <= HOME_JS_BUDGET, `Home fetched ${(bytes / 1024).toFixed(1)} KB of JS`);
});
