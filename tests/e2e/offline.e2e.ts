// The PWA: after one online visit, every page and the demo work with the network cut, the SimCSE
// figures included (their pretrained encoder, a `.bin` asset, is precached with the rest, so its
// panels load it and the trainer starts in its worker offline), and the pages stay cross-origin
// isolated (WebAssembly threads) when the service worker serves them.
import type { Page } from '@playwright/test';
import { SITE_PAGES, expect, scrollThrough, searchFor, settleDemos, test } from './fixtures';

test('after one visit, every page, its demos and the search work offline', async ({
  open,
  newContext,
  watch,
}) => {
  test.setTimeout(240_000);
  const context = await newContext();
  const first = await open('', context);
  // The service worker turns active only once it has precached the whole site.
  await first.page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((resolve) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
    );
  });
  // Offline, each page's check for a newer service worker fails, and says so in the console.
  watch.expectConsoleErrors(
    (text, source) =>
      source.endsWith('/service-worker.js') ||
      (text.startsWith('[Service Worker]:') && text.includes('Failed to fetch')),
  );
  await context.setOffline(true);
  for (const path of SITE_PAGES) {
    const { page } = await open(path, context);
    const heading = page.getByRole('heading', { level: 1 });
    expect((await heading.count()) === 1, `${path || 'Home'} did not load offline`);
    // The cached pages keep their cross-origin isolation, so WebAssembly stays threaded offline.
    expect(
      await page.evaluate(() => crossOriginIsolated),
      `${path || 'Home'} is not cross-origin isolated offline`,
    );
    await scrollThrough(page);
    const states = await settleDemos(page);
    const broken = Object.entries(states).filter(([, state]) => state === 'error');
    expect(
      broken.length === 0,
      `${path || 'Home'} offline: demos in error: ${broken.map(([n]) => n).join(', ')}`,
    );
    const encoders = await settleEncoders(page);
    expect(
      encoders.every((state) => state === 'ready'),
      `${path || 'Home'} offline: the pretrained encoder's panels read ${encoders.join(', ')}`,
    );
    if (path === 'simcse.html') {
      expect(encoders.length === 2, `${encoders.length} SimCSE figures waited for the encoder`);
      await page.waitForSelector('.simcse-trainer[data-mode="worker"][data-evaluated-at="0"]', {
        timeout: 120_000,
      });
    }
    await page.close();
  }
  const { page } = await open('', context);
  await searchFor(page, 'temperature', /temperature/i);
});

/** Waits until no figure on the page is loading the pretrained encoder; returns their states. */
async function settleEncoders(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-encoder]')].every(
        (el) => el.getAttribute('data-encoder') !== 'loading',
      ),
    null,
    { timeout: 60_000 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-encoder]')].map((el) => el.getAttribute('data-encoder')!),
  );
}
