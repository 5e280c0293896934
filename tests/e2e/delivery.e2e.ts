// How pages reach a phone: compressed text, math fonts preloaded, scripts after the text, the
// prev/next links named as they read, and the SimCLR samples grid painted only once near view.
import { SHAPE_CLASSES } from '../../src/data/shapes/classes';
import { SITE_PAGES, expect, test } from './fixtures';

/** Lower case words without punctuation, as accessibility checkers compare names. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

test('text arrives gzipped; math fonts are preloaded and the app scripts come after the text', async ({
  open,
}) => {
  const { page, requests } = await open('temperature.html');
  const script = requests.find((r) => /\/assets\/app-[\w-]+\.js$/.test(r.url()));
  expect(script, 'the app script was not requested');
  const encoding = (await script.response())?.headers()['content-encoding'];
  expect(encoding === 'gzip', `the app script came with content-encoding ${encoding}`);
  const hints = await page.evaluate(() => ({
    fonts: [...document.querySelectorAll('link[rel="preload"][as="font"]')].map(
      (l) => l.getAttribute('href') ?? '',
    ),
    lowScripts: document.querySelectorAll('script[type="module"][fetchpriority="low"]').length,
  }));
  expect(
    hints.fonts.some((f) => f.includes('KaTeX_Main-Regular')) &&
      hints.fonts.some((f) => f.includes('KaTeX_Math-Italic')),
    `preloaded fonts: ${hints.fonts.join(', ') || 'none'}`,
  );
  expect(hints.lowScripts === 1, 'the app script is not fetched at low priority');

  // Math only further down: the page's fonts still come early, but after what the first screen needs.
  const later = await open('under-the-hood.html');
  const priorities = await later.page
    .locator('link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('fetchpriority')));
  expect(
    priorities.length > 0 && priorities.every((p) => p === 'low'),
    `under-the-hood.html, with no math on its first screen, preloads its fonts at ${priorities.join(', ') || 'no'} priority`,
  );
});

test('every prev/next link has an accessible name that contains the text it shows', async ({
  open,
  newContext,
}) => {
  const context = await newContext();
  for (const path of SITE_PAGES) {
    const { page } = await open(path, context);
    const links = await page.locator('nav.vp-page-nav a').evaluateAll((els) =>
      els.map((a) => ({
        label: a.getAttribute('aria-label') ?? '',
        text: a.textContent ?? '',
      })),
    );
    for (const { label, text } of links) {
      expect(
        words(label).includes(words(text)),
        `${path || 'Home'}: link "${text.trim()}" is labelled "${label}"`,
      );
    }
    await page.close();
  }
});

test('the SimCLR samples grid is painted once it nears the screen, not before', async ({
  open,
  newContext,
}) => {
  // A phone's screen, where the grid starts well below the first screen.
  const phone = await newContext({ viewport: { width: 412, height: 823 } });
  const { page } = await open('simclr.html', phone);
  const gallery = page.locator('[data-figure="shapes-gallery"]');
  /** How many of the grid's canvases have pixels drawn, and how many there are. */
  const painted = () =>
    gallery.evaluate((figure) => {
      const canvases = [...figure.querySelectorAll('canvas')];
      const drawn = canvases.filter((canvas) => {
        const pixels = canvas
          .getContext('2d')
          ?.getImageData(0, 0, canvas.width, canvas.height).data;
        return pixels?.some((value, i) => i % 4 === 3 && value > 0) ?? false;
      });
      return { drawn: drawn.length, total: canvases.length };
    });
  await page.waitForTimeout(1000);
  // It comes to life within 200 px of the viewport; further down it must wait.
  const farBelow = await gallery.evaluate(
    (el) => el.getBoundingClientRect().top > window.innerHeight + 300,
  );
  const before = await painted();
  expect(before.total === 8 * SHAPE_CLASSES.length, `the grid has ${before.total} pictures`);
  expect(
    !farBelow || before.drawn === 0,
    `${before.drawn} pictures were painted before the grid neared the screen`,
  );
  await gallery.scrollIntoViewIfNeeded();
  const start = Date.now();
  let after = await painted();
  while (after.drawn < after.total && Date.now() - start < 20_000) {
    await page.waitForTimeout(200);
    after = await painted();
  }
  expect(after.drawn === after.total, `${after.drawn} of ${after.total} pictures painted`);
});
