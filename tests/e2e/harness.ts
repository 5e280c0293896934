// What every end-to-end test gets: fresh browser contexts whose pages are watched for console
// errors, page errors and requests to other hosts, plus helpers shared by the tests.
import { gzipSync } from 'node:zlib';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Request,
} from 'playwright-core';
import { TFJS_ASSET } from '../../docs/.vuepress/chunks';
import { chapters } from '../../docs/.vuepress/sidebar';

/** One end-to-end test, as a tests/e2e/*.e2e.ts module lists it in `export const tests`. */
export interface E2eTest {
  name: string;
  /** Browser passes to run in (default: only `default`; `webgpu` adds --enable-unsafe-webgpu). */
  passes?: ('default' | 'webgpu')[];
  timeoutMs?: number;
  run(harness: Harness): Promise<void>;
}

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

/** What a test receives from the runner. */
export interface Harness {
  baseUrl: string;
  /** Lines printed under the test's result (measurements). */
  notes: string[];
  /**
   * A fresh context: isolated storage, 1280×800. Service workers run as for any reader (the site
   * registers one); their own fetches are not page requests.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens `path` (relative to the base) in a new page of `context` (a fresh one by default). */
  open(path: string, context?: BrowserContext): Promise<WatchedPage>;
  /** Accepts console errors matching `allow` (text and source URL) for the rest of the test. */
  expectConsoleErrors(allow: (text: string, source: string) => boolean): void;
  /** Throws if any watched page logged an error, threw, or contacted another host. */
  assertClean(): void;
  close(): Promise<void>;
}

/** Creates the harness for one test; the runner calls it. */
export function createHarness(browser: Browser, baseUrl: string): Harness {
  const origin = new URL(baseUrl).origin;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const expected: ((text: string, source: string) => boolean)[] = [];

  const watch = (page: Page, requests: Request[]) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url;
      if (expected.some((allow) => allow(message.text(), source))) return;
      problems.push(`console error on ${page.url()}: ${message.text()} (${source})`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      requests.push(request);
      const url = request.url();
      if (/^(data|blob):/.test(url)) return;
      if (new URL(url).origin !== origin) problems.push(`request to another host: ${url}`);
    });
  };

  const harness: Harness = {
    baseUrl,
    notes: [],
    async newContext(options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      // tsx compiles these tests with esbuild's keepNames, which wraps named functions inside
      // page.evaluate callbacks in `__name(...)`; the page needs that helper to run them.
      await context.addInitScript('globalThis.__name = (target) => target;');
      contexts.push(context);
      return context;
    },
    async open(path, context) {
      const target = context ?? (await harness.newContext());
      const page = await target.newPage();
      const requests: Request[] = [];
      watch(page, requests);
      await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
      return { page, requests };
    },
    expectConsoleErrors(allow) {
      expected.push(allow);
    },
    assertClean() {
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
    },
  };
  return harness;
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
