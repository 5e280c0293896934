// Every page looks finished on a phone and on a wide screen: no formula, table or chart is wider
// than the text column unless it scrolls inside a box of its own (focusable, labelled, with a
// fade at the edge it scrolls to), nothing is cut off, the page itself never scrolls sideways, no
// punctuation is split from the inline formula it touches, and the charts' tick labels and axis
// titles are at least 11 CSS px on screen.
import type { Locator } from '@playwright/test';
import { SITE_PAGES, expect, scrollThrough, settleDemos, test } from './fixtures';
import { chartTextSizes, overflowReport, strandedPunctuation } from './layout';

/** The smallest chart text allowed on screen, in CSS px. */
const MIN_CHART_TEXT_PX = 11;

/** Waits until a demo frame has left its loading state (ready, paused, or an error). */
async function expectSettled(demo: Locator): Promise<void> {
  await demo
    .page()
    .waitForFunction(
      (el) => el?.getAttribute('data-state') !== 'loading',
      await demo.elementHandle(),
      { timeout: 120_000 },
    );
}

for (const width of [390, 1280]) {
  test(`at ${width} px, formulas, tables and charts fit or scroll in their own box, and chart text is at least ${MIN_CHART_TEXT_PX} px`, async ({
    open,
    newContext,
    note,
  }) => {
    test.setTimeout(480_000);
    const context = await newContext({ viewport: { width, height: 800 } });
    const problems: string[] = [];
    const charts: string[] = [];
    let scrolling = 0;
    for (const path of SITE_PAGES) {
      const name = path || 'Home';
      const { page } = await open(path, context);
      // Formulas far down get laid out; every figure comes into view and loads (on a phone's
      // long page a quick scroll can pass a figure before it has started, so each is visited).
      await scrollThrough(page);
      for (const demo of await page.locator('[data-demo]').all()) {
        await demo.scrollIntoViewIfNeeded();
        await expectSettled(demo);
      }
      await settleDemos(page, 120_000);
      await page.evaluate(() => document.fonts.ready);

      const report = await overflowReport(page);
      scrolling += report.scrolling;
      for (const p of report.problems) {
        problems.push(
          `${name}: ${p.kind} "${p.text}" (${p.width} px, column ${p.column} px) ${p.why}`,
        );
      }
      if (report.pageScrollsSideways) problems.push(`${name}: the page scrolls sideways`);
      for (const s of await strandedPunctuation(page)) {
        problems.push(`${name}: "${s.punctuation}" on another line than the formula ${s.formula}`);
      }
      for (const chart of await chartTextSizes(page)) {
        charts.push(`${chart.chart} ${chart.smallest.toFixed(1)} px`);
        if (!(chart.smallest >= MIN_CHART_TEXT_PX)) {
          problems.push(
            `${name}: chart "${chart.chart}" has text of ${chart.smallest.toFixed(1)} px on screen`,
          );
        }
      }
      await page.close();
    }
    note(`${width} px: ${scrolling} boxes scroll sideways; chart text: ${charts.join(', ')}`);
    // The figures with charts: the sphere lab (3), the MI bound (2), the metric lab, SimCLR (2), SimCSE (4).
    expect(charts.length >= 10, `only ${charts.length} charts measured at ${width} px`);
    expect(problems.length === 0, problems.join('\n'));
  });
}
