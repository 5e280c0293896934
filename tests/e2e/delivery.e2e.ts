// How pages reach a phone: compressed text, nothing preloaded beside it, scripts after the text, the
// prev/next links named as they read, and the SimCLR samples grid painted only once near view.
import { SHAPE_CLASSES } from '../../src/data/shapes/classes';
import { SITE_PAGES, expect, test } from './fixtures';

/** Lower case words without punctuation, as accessibility checkers compare names. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

test('text arrives gzipped; no font competes with it, and the app scripts come after it', async ({
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
    // KaTeX's faces, as the page's stylesheets declare them.
    katexDisplays: [
      ...new Set(
        [...document.fonts]
          .filter((face) => face.family.replace(/"/g, '').startsWith('KaTeX_'))
          .map((face) => face.display),
      ),
    ],
  }));
  // On a slow network, preloaded math fonts delayed the text's stylesheet (docs/.vuepress/pageHints.ts).
  expect(hints.fonts.length === 0, `preloaded fonts: ${hints.fonts.join(', ')}`);
  // …so a math font that comes late must never be swapped in mid-read.
  expect(
    hints.katexDisplays.length > 0 && hints.katexDisplays.every((d) => d === 'optional'),
    `KaTeX's font faces display ${hints.katexDisplays.join(', ') || 'nothing'}`,
  );
  expect(hints.lowScripts === 1, 'the app script is not fetched at low priority');
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
