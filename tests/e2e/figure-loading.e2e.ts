// Figures whose code does not download: offline on a first visit (no service worker yet), and in a
// tab opened on an older build after a new one replaced its chunks. The frame says why, with a
// button that works, instead of staying on "starts when you scroll to it"; the page recovers by
// itself when the connection returns, and a sidebar click still reaches its chapter.
import type { Page } from '@playwright/test';
import { readyFigure } from './figures';
import { expect, test, type E2eFixtures, type Watch } from './fixtures';

const PAGE = 'uniformity.html';
const FRAME = '[data-demo="sphere-lab"]';

/**
 * The only console errors these tests accept: Chromium's own line for each request that failed
 * (aborted, offline, or answered 404), which a page cannot suppress; and the PWA client's report
 * that it got no registration, because these tests block the service worker, or that fetching
 * the worker failed, when it registers after the test went offline. Anything else the
 * site logs as an error, or throws, still fails the test.
 */
function allowFailedRequests(watch: Watch): void {
  watch.expectConsoleErrors(
    (text) =>
      /^Failed to load resource: (net::ERR_\w+|the server responded with a status of 404)/.test(
        text,
      ) || /^\[Service Worker\]: TypeError: (.*reading 'waiting'|Failed to fetch)/.test(text),
  );
}

/**
 * A first visit before any service worker: the site's worker claims the page once it has cached
 * the site, after which it, not the network, would answer offline, and `page.route` would not see
 * its requests. Playwright's block stands for a reader whose browser has not installed it yet.
 */
const FIRST_VISIT = { serviceWorkers: 'block' } as const;

/** Opens the page on a first visit, accepting only the console errors above. */
async function openFirstVisit({
  open,
  newContext,
  watch,
}: Pick<E2eFixtures, 'open' | 'newContext' | 'watch'>): Promise<Page> {
  allowFailedRequests(watch);
  return (await open(PAGE, await newContext(FIRST_VISIT))).page;
}

/** Does `act`, waits for the page to reload by itself, then for the sphere lab to be ready. */
async function reloadsToReadyLab(page: Page, act: () => Promise<unknown>): Promise<void> {
  const reloaded = page.waitForEvent('load');
  await act();
  await reloaded;
  await readyFigure(page, 'sphere-lab');
}

/** Scrolls the sphere lab into view and waits for the failure it reports. */
async function failureShown(page: Page, failure: 'offline' | 'updated') {
  await page.locator(FRAME).scrollIntoViewIfNeeded();
  const panel = page.locator(`${FRAME}[data-state="error"] [data-failure="${failure}"]`);
  await panel.waitFor({ timeout: 30_000 });
  return panel;
}

test('a figure that failed offline says so, and loads by itself once the browser is online', async ({
  open,
  newContext,
  watch,
}) => {
  allowFailedRequests(watch);
  const context = await newContext(FIRST_VISIT);
  const { page } = await open(PAGE, context);
  await context.setOffline(true);
  const panel = await failureShown(page, 'offline');
  expect(
    /could not be downloaded.*offline/s.test(await panel.innerText()),
    `the frame says: ${await panel.innerText()}`,
  );
  await panel.getByRole('button', { name: 'Try again' }).click();
  await panel.getByText('still offline').waitFor();
  await reloadsToReadyLab(page, () => context.setOffline(false));
});

test('"Try again" loads a figure whose code failed to download once the site answers', async ({
  open,
  newContext,
  watch,
}) => {
  const page = await openFirstVisit({ open, newContext, watch });
  // The network fails for TensorFlow.js and for the page itself, as on a dropped connection that
  // the browser has not noticed (navigator.onLine stays true).
  const cut = (route: { abort(code: string): Promise<void> }) =>
    route.abort('internetdisconnected');
  await page.route(/\/assets\/tfjs-core-[\w-]+\.js$/, cut);
  await page.route(new URL(page.url()).href, cut);
  const panel = await failureShown(page, 'offline');
  await page.unrouteAll();
  await reloadsToReadyLab(page, () => panel.getByRole('button', { name: 'Try again' }).click());
});

test('a tab on an older build: the figure offers the new version, the sidebar still navigates', async ({
  open,
  newContext,
  watch,
}) => {
  const page = await openFirstVisit({ open, newContext, watch });
  // A new build was deployed: the older build's chunks are gone from the server (404), while
  // the pages answer. Only the first request fails, so the full load of a page gets its files.
  const gone = { status: 404, contentType: 'text/plain', body: 'Not found' };
  await page.route(/\/assets\/SphereLabLive-[\w-]+\.js$/, (route) => route.fulfill(gone), {
    times: 1,
  });
  await page.route(/\/assets\/metric-learning-[\w-]+\.js$/, (route) => route.fulfill(gone), {
    times: 1,
  });
  const panel = await failureShown(page, 'updated');
  expect(
    /new version of this site is available/.test(await panel.innerText()),
    `the frame says: ${await panel.innerText()}`,
  );
  expect(
    (await panel.getByRole('button', { name: 'Reload page' }).count()) === 1,
    'no "Reload page" button',
  );

  const loaded = page.waitForEvent('load');
  await page.locator('.vp-sidebar a[href$="metric-learning.html"]').first().click();
  await loaded;
  expect(page.url().endsWith('/metric-learning.html'), `the click led to ${page.url()}`);
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  expect(/metric learning/i.test(heading), `the page's heading is "${heading}"`);
});

test('a figure whose own file did not download shows the failure in its place', async ({
  newContext,
  baseUrl,
  watch,
}) => {
  allowFailedRequests(watch);
  const context = await newContext(FIRST_VISIT);
  const page = await context.newPage();
  watch.page(page);
  await page.route(/\/assets\/SphereLab-[\w-]+\.js$/, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
  );
  await page.goto(new URL(PAGE, baseUrl).href, { waitUntil: 'load' });
  const panel = await failureShown(page, 'updated');
  const caption = await page.locator(`${FRAME} figcaption`).innerText();
  expect(/^Sphere lab/.test(caption), `the frame's caption is "${caption}"`);
  expect(
    (await panel.getByRole('button', { name: 'Reload page' }).count()) === 1,
    'no "Reload page" button',
  );
});
