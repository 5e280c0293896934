// Site chrome: sidebar order, prev/next, search, dark mode, copy-code, the Home page budget.
import {
  SITE_PAGES,
  expect,
  javascriptGzipBytes,
  searchFor,
  tfjsRequests,
  type E2eTest,
} from './harness';

/** The sidebar the issue asks for, in order (written out, not read from the config under test). */
const CHAPTERS = [
  'Home',
  'What is contrastive learning',
  'Temperature',
  'Uniformity on the hypersphere',
  'InfoNCE and mutual information',
  'Contrastive vs metric learning',
  'SimCLR',
  'SimCSE',
  'Under the hood',
];

/** Home's JavaScript budget before any demo is visible, gzipped. */
const HOME_JS_BUDGET = 250 * 1024;

export const tests: E2eTest[] = [
  {
    name: 'the sidebar lists every chapter in order, and prev/next links follow it',
    async run(harness) {
      const { page } = await harness.open(SITE_PAGES[1] ?? '');
      const links = page.locator('.vp-sidebar > .vp-sidebar-items > li > .vp-sidebar-item');
      const titles = (await links.allTextContents()).map((t) => t.trim());
      expect(
        JSON.stringify(titles) === JSON.stringify(CHAPTERS),
        `sidebar is [${titles.join(' · ')}]`,
      );
      const nav = page.getByRole('navigation', { name: /page navigation/i });
      await nav.getByRole('link', { name: /Temperature/ }).click();
      await page.waitForURL(/temperature\.html$/);
      const prev = page.getByRole('navigation', { name: /page navigation/i }).getByRole('link', {
        name: /What is contrastive learning/,
      });
      await prev.waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'search finds "temperature" and opens the page',
    async run(harness) {
      const { page } = await harness.open('');
      const result = await searchFor(page, 'temperature', /temperature/i);
      await result.click();
      await page.waitForURL(/temperature\.html/);
    },
  },
  {
    name: 'dark mode toggles and is remembered',
    async run(harness) {
      const { page } = await harness.open('');
      const isDark = () => page.evaluate(() => document.documentElement.dataset.theme === 'dark');
      const before = await isDark();
      await page.getByRole('button', { name: /toggle color mode/i }).click();
      expect((await isDark()) !== before, 'the colour mode did not change');
      await page.reload();
      expect((await isDark()) !== before, 'the colour mode was not remembered after a reload');
    },
  },
  {
    name: 'code blocks have a copy button',
    async run(harness) {
      const { page } = await harness.open('under-the-hood.html');
      await page.locator('div[class*="language-"] pre').first().hover();
      const button = page.locator('.vp-copy-code-button').first();
      expect((await button.count()) === 1, 'no copy-code button');
    },
  },
  {
    name: `Home loads no tfjs and at most ${HOME_JS_BUDGET / 1024} KB of gzipped JavaScript`,
    async run(harness) {
      const watched = await harness.open('');
      await watched.page.waitForLoadState('networkidle');
      const tfjs = tfjsRequests(watched);
      expect(tfjs.length === 0, `Home requested ${tfjs.join(', ')}`);
      const bytes = await javascriptGzipBytes(watched);
      harness.notes.push(
        `Home JavaScript before any demo: ${(bytes / 1024).toFixed(1)} KB gzipped`,
      );
      expect(bytes <= HOME_JS_BUDGET, `Home fetched ${(bytes / 1024).toFixed(1)} KB of JS`);
    },
  },
];
