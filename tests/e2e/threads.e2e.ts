// WebAssembly threads: on a cross-origin isolated page (the suite's server sends COOP and COEP, as
// `npm start` does) the backend report, the figures' footers and a trainer's status say
// "WebAssembly, N threads"; a page served without the headers still works, on one thread, and
// says why; and on such a host the service worker isolates the pages from the next visit on.
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startServer } from '../../scripts/server.mjs';
import { SPHERE_FRAME, SPHERE_LAB, openSphereLab, readyFigure } from './figures';
import { expect, test } from './fixtures';

const REPORT = '[data-demo="backend-report"]';
const DIST = process.env.DIST ?? join(process.cwd(), 'docs/.vuepress/dist');

/** The threads the site runs WebAssembly on in this browser (src/core/backend.ts). */
const expectedThreads = (page: Page) =>
  page.evaluate(() => Math.min(navigator.hardwareConcurrency, 4));

/** What the page says about its backend: the report's reason, the footer, the lab's status. */
async function readBackend(page: Page) {
  const frame = page.locator(SPHERE_FRAME);
  return {
    isolated: await page.evaluate(() => crossOriginIsolated),
    footer: (await frame.locator('.demo-frame__backend').textContent())?.trim() ?? '',
    status: (await page.locator(`${SPHERE_LAB} .live__status [role="status"]`).textContent()) ?? '',
  };
}

/** Trains the sphere lab a few steps, so the page is known to work, not only to have loaded. */
async function trains(page: Page): Promise<void> {
  await page.locator(SPHERE_FRAME).getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (lab) => Number(document.querySelector(lab)?.getAttribute('data-step')) >= 20,
    SPHERE_LAB,
    { timeout: 60_000 },
  );
}

/** A page of another server, whose console errors and page errors land in `problems`. */
async function openElsewhere(context: BrowserContext, url: string, problems: string[]) {
  const page = await context.newPage();
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Runs `body` against a second server of the built site that sends no isolation headers. */
async function withPlainHost(baseUrl: string, body: (url: string) => Promise<void>): Promise<void> {
  const server = await startServer({
    dir: DIST,
    base: new URL(baseUrl).pathname,
    isolation: false,
  });
  try {
    await body(server.url);
  } finally {
    await server.close();
  }
}

test('isolated: WebAssembly runs threaded, and the report, footers and status say how many', async ({
  open,
  note,
}) => {
  test.setTimeout(180_000);
  const { page: report } = await open('under-the-hood.html?backend=wasm');
  const threads = await expectedThreads(report);
  test.skip(threads < 2, 'this machine reports one core: nothing to thread');
  expect(await report.evaluate(() => crossOriginIsolated), 'the page is not cross-origin isolated');
  await readyFigure(report, 'backend-report');
  const reason = (await report.locator(`${REPORT} .backend-report__reason`).textContent()) ?? '';
  expect(
    reason.includes(
      `WebAssembly runs on ${threads} threads, because the page is cross-origin isolated`,
    ),
    `the report's reason: "${reason}"`,
  );
  const inUse =
    (await report.locator(`${REPORT} [data-backend-row="wasm"] th`).textContent()) ?? '';
  expect(inUse === `WebAssembly, ${threads} threads (in use)`, `the report's row: "${inUse}"`);

  const { page } = await open('uniformity.html?backend=wasm');
  await openSphereLab(page);
  await trains(page);
  const seen = await readBackend(page);
  expect(seen.footer === `Running on WebAssembly, ${threads} threads`, `footer: "${seen.footer}"`);
  expect(
    seen.status === `Training in a background worker on WebAssembly, ${threads} threads.`,
    `status: "${seen.status}"`,
  );
  note(`isolated: ${seen.footer}; ${seen.status}`);
});

test('not isolated: a page served without the headers trains on one thread and says why', async ({
  newContext,
  baseUrl,
  note,
}) => {
  test.setTimeout(180_000);
  await withPlainHost(baseUrl, async (host) => {
    // No service worker: it would isolate the pages from the second visit on (the next test).
    const context = await newContext({ serviceWorkers: 'block' });
    const problems: string[] = [];
    const page = await openElsewhere(context, `${host}uniformity.html?backend=wasm`, problems);
    await openSphereLab(page);
    await trains(page);
    const seen = await readBackend(page);
    expect(!seen.isolated, 'the page is cross-origin isolated without the headers');
    const why = 'the page is not cross-origin isolated';
    expect(seen.footer === `Running on WebAssembly, 1 thread: ${why}`, `footer: "${seen.footer}"`);
    expect(
      seen.status === `Training in a background worker on WebAssembly, 1 thread: ${why}.`,
      `status: "${seen.status}"`,
    );

    await page.goto(`${host}under-the-hood.html?backend=wasm`);
    await readyFigure(page, 'backend-report');
    const reason = (await page.locator(`${REPORT} .backend-report__reason`).textContent()) ?? '';
    expect(
      reason.includes(`WebAssembly runs on one thread, because ${why}.`) &&
        reason.includes('Cross-Origin-Embedder-Policy'),
      `the report's reason: "${reason}"`,
    );
    // Only the service worker registration, which this context blocks, may complain.
    const unexpected = problems.filter((p) => !p.startsWith('[Service Worker]'));
    expect(unexpected.length === 0, `console errors: ${unexpected.join('\n')}`);
    note(`not isolated: ${seen.footer}`);
  });
});

test('a host without headers: the service worker isolates the pages from the next visit', async ({
  newContext,
  baseUrl,
  note,
}) => {
  test.setTimeout(180_000);
  await withPlainHost(baseUrl, async (host) => {
    const context = await newContext();
    const problems: string[] = [];
    const first = await openElsewhere(context, host, problems);
    expect(!(await first.evaluate(() => crossOriginIsolated)), 'the first visit is isolated');
    await first.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker || worker.state === 'activated') return;
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    });
    const page = await openElsewhere(context, `${host}uniformity.html?backend=wasm`, problems);
    const threads = await expectedThreads(page);
    await openSphereLab(page);
    await trains(page);
    const seen = await readBackend(page);
    expect(seen.isolated, 'the service worker did not isolate the page');
    const label = `WebAssembly, ${threads} ${threads === 1 ? 'thread' : 'threads'}`;
    expect(seen.footer.startsWith(`Running on ${label}`), `footer: "${seen.footer}"`);
    expect(problems.length === 0, `console errors: ${problems.join('\n')}`);
    note(`service worker: isolated ${seen.isolated}, ${seen.footer}`);
  });
});
