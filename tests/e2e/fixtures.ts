// What every end-to-end test gets: Playwright's `test` with fixtures for fresh browser contexts
// whose pages are watched for console errors, page errors and requests to other hosts (any of which
// fails the test when it ends), notes for measurements, and helpers shared by the tests.
/* eslint-disable no-empty-pattern -- a fixture that needs no other fixture destructures `{}` */
import { gzipSync } from 'node:zlib';
import {
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from '@playwright/test';
import { TFJS_ASSET } from '../../docs/.vuepress/chunks';
import { chapters } from '../../docs/.vuepress/sidebar';

/** A page with what it requested, so tests can ask about the network. */
export interface WatchedPage {
  page: Page;
  /** Every request the page made, in order. */
  requests: Request[];
}

/** The site's pages as URL paths relative to the base, in sidebar order (`''` is Home). */
export const SITE_PAGES: string[] = chapters.map(({ link }) =>
  link === '/' ? '' : link.slice(1).replace(/\.md$/, '.html'),
);

/** Records what must not happen on the site's pages; the `watch` fixture fails the test on it. */
export interface Watch {
  /** Starts watching `page`; returns the list its requests are recorded in, in order. */
  page(page: Page): Request[];
  /** Accepts console errors matching `allow` (text and source URL) for the rest of the test. */
  expectConsoleErrors(allow: (text: string, source: string) => boolean): void;
  /** Stops recording: what pages do while the test's contexts close is not checked. */
  stop(): void;
  /** What went wrong so far, one line each. */
  readonly problems: readonly string[];
}

export interface E2eFixtures {
  /**
   * Watches every page `open` opens; after the test, fails it if any logged a console error (not
   * allowed by `watch.expectConsoleErrors`), threw, or contacted another host.
   */
  watch: Watch;
  /**
   * A fresh context: isolated storage, 1280×800. Service workers run as for any reader (the site
   * registers one); their own fetches are not page requests. Closed after the test.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens `path` (relative to the base) in a new, watched page of `context` (a fresh one by default). */
  open(path: string, context?: BrowserContext): Promise<WatchedPage>;
  /** Prints a measurement under the test's result and keeps it as a `note` annotation. */
  note(line: string): void;
}

export interface E2eWorkerFixtures {
  /** The served site: `http://localhost:PORT/BASE/` (the global setup starts the server). */
  baseUrl: string;
}

export const test = base.extend<E2eFixtures, E2eWorkerFixtures>({
  baseUrl: [
    async ({}, use) => {
      const url = process.env.E2E_BASE_URL;
      if (!url) throw new Error('E2E_BASE_URL is unset: run the tests with `npm run test:e2e`.');
      await use(url);
    },
    { scope: 'worker' },
  ],
  watch: async ({ baseUrl }, use) => {
    const watch = createWatch(new URL(baseUrl).origin);
    await use(watch);
    if (watch.problems.length > 0) throw new Error(watch.problems.join('\n'));
  },
  newContext: async ({ browser, watch }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      contexts.push(context);
      return context;
    });
    watch.stop();
    await Promise.all(contexts.map((context) => context.close()));
  },
  open: async ({ baseUrl, newContext, watch }, use) => {
    await use(async (path, context) => {
      const page = await (context ?? (await newContext())).newPage();
      const requests = watch.page(page);
      await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
      return { page, requests };
    });
  },
  note: async ({}, use, testInfo) => {
    await use((line) => {
      testInfo.annotations.push({ type: 'note', description: line });
      console.log(`      ${line}`);
    });
  },
});

function createWatch(origin: string): Watch {
  const problems: string[] = [];
  const expected: ((text: string, source: string) => boolean)[] = [];
  let recording = true;
  const report = (problem: string) => {
    if (recording) problems.push(problem);
  };
  return {
    problems,
    page(page) {
      const requests: Request[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const source = message.location().url;
        if (expected.some((allow) => allow(message.text(), source))) return;
        report(`console error on ${page.url()}: ${message.text()} (${source})`);
      });
      page.on('pageerror', (error) => report(`page error on ${page.url()}: ${error.message}`));
      page.on('request', (request) => {
        requests.push(request);
        const url = request.url();
        if (/^(data|blob):/.test(url)) return;
        if (new URL(url).origin !== origin) report(`request to another host: ${url}`);
      });
      return requests;
    },
    expectConsoleErrors(allow) {
      expected.push(allow);
    },
    stop() {
      recording = false;
    },
  };
}

/** The TensorFlow.js chunks and WASM binaries among a page's requests. */
export function tfjsRequests(watched: WatchedPage): string[] {
  return watched.requests
    .map((r) => r.url())
    .filter((url) => TFJS_ASSET.test(new URL(url).pathname));
}

/**
 * Bytes of JavaScript a page fetched, each file gzipped (level 6, as servers send it), so the
 * number does not depend on whether the test server compresses.
 */
export async function javascriptGzipBytes(watched: WatchedPage): Promise<number> {
  let total = 0;
  for (const request of watched.requests) {
    const response = await request.response();
    if (!response || !/javascript/.test(response.headers()['content-type'] ?? '')) continue;
    total += gzipSync(await response.body(), { level: 6 }).length;
  }
  return total;
}

/** Scrolls a page top to bottom in viewport steps, so every demo on it comes into view once. */
export async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 800;
  for (let y = 0; y <= height; y += step / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
}

/** Waits until no demo frame on the page is loading; returns each frame's name and state. */
export async function settleDemos(page: Page, timeoutMs = 60_000): Promise<Record<string, string>> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-demo]')].every(
        (el) => el.getAttribute('data-state') !== 'loading',
      ),
    null,
    { timeout: timeoutMs },
  );
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-demo]')].map((el) => [
        el.getAttribute('data-demo') ?? '?',
        el.getAttribute('data-state') ?? '?',
      ]),
    ),
  );
}

/**
 * Opens the site search, types `query` and waits for a result whose text matches `expected`.
 *
 * @returns the first matching result link
 */
export async function searchFor(page: Page, query: string, expected: RegExp) {
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  const result = page
    .locator('#slimsearch-results')
    .getByRole('link')
    .filter({ hasText: expected })
    .first();
  await result.waitFor({ timeout: 15_000 });
  return result;
}

/** Throws with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
