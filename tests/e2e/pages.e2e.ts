// Every page: loads cleanly, talks only to its own host, defers tfjs, typesets its math.
import { SITE_PAGES, expect, scrollThrough, settleDemos, tfjsRequests, test } from './fixtures';

test('every page loads with no console or page error, no foreign request, and working demos', async ({
  open,
  newContext,
}) => {
  test.setTimeout(300_000);
  const context = await newContext();
  for (const path of SITE_PAGES) {
    const watched = await open(path, context);
    const { page } = watched;
    expect((await page.getByRole('heading', { level: 1 }).count()) === 1, `${path}: no single h1`);

    // Before any scrolling, tfjs may only load if a demo starts within the first screen.
    await page.waitForTimeout(500);
    const early = tfjsRequests(watched);
    if (early.length > 0) {
      const demoOnFirstScreen = await page.evaluate(() =>
        [...document.querySelectorAll('[data-demo]')].some(
          (el) => el.getBoundingClientRect().top < window.innerHeight + 200,
        ),
      );
      expect(
        demoOnFirstScreen,
        `${path || 'Home'} fetched ${early[0]} before any demo was visible`,
      );
    }

    await scrollThrough(page);
    const states = await settleDemos(page);
    const broken = Object.entries(states).filter(([, state]) => state === 'error');
    expect(
      broken.length === 0,
      `${path || 'Home'}: demos in error: ${broken.map(([n]) => n).join(', ')}`,
    );
    await page.close();
  }
});

test('math is rendered by KaTeX at build time, with no raw TeX left and bundled fonts', async ({
  open,
  newContext,
}) => {
  const context = await newContext();
  let pagesWithMath = 0;
  for (const path of SITE_PAGES) {
    const { page } = await open(path, context);
    const count = await page.locator('.katex').count();
    if (count > 0) pagesWithMath += 1;
    const raw = await page.evaluate(() => {
      const walker = document.createTreeWalker(
        document.querySelector('main') ?? document.body,
        NodeFilter.SHOW_TEXT,
      );
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.katex, pre, code, script, style')) continue;
        const text = node.textContent ?? '';
        const match = text.match(
          /\$\$|\$[^$\s][^$]*\$|\\(frac|tau|sum|exp|log|mathcal|mathbf|left|right|begin)\b/,
        );
        if (match) found.push(match[0]);
      }
      return found;
    });
    expect(raw.length === 0, `${path || 'Home'} shows raw TeX: ${raw.slice(0, 3).join(' | ')}`);
    if (count > 0) {
      // Formulas far down a page render (and fetch their fonts) only when scrolled near.
      await page.locator('.katex').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => document.fonts.ready);
      const fontLoaded = await page.evaluate(() => document.fonts.check('16px KaTeX_Main'));
      expect(fontLoaded, `${path}: the KaTeX_Main font did not load`);
    }
    await page.close();
  }
  expect(pagesWithMath >= 2, `only ${pagesWithMath} pages have rendered math`);
});
