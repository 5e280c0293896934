// Figures that keep their size: on every page, at 1280 px and at 390 px, each figure (its root
// element: the demo frame, or the SimCLR samples grid) is as tall from its first frame on (the
// server-rendered placeholder, whose reserved height must be the loaded figure's) through
// loading and 10 s of its own animation (Play pressed where it has a Play button), within 2 px;
// and nothing on the page shifts: the cumulative layout shift (the 'layout-shift' entries not
// caused by recent input) stays at 0.000, typeset math reflowing as KaTeX's fonts arrive included
// (its faces display `optional`: docs/.vuepress/katexFontDisplay.ts), and its share is reported
// with the web fonts the page loaded. Once its figures have run, the same visit checks that
// the page fits its width: no formula, table or chart is wider than the text column unless it
// scrolls inside a box of its own (focusable, labelled, with a fade at the edge it scrolls to),
// nothing is cut off, the page itself never scrolls sideways, no punctuation is split from the
// inline formula it touches, and the charts' tick labels and axis titles are at least 11 CSS px on
// screen. The pages of one width are read in parallel, each in its own context, a reader's viewport
// scrolled down figure by figure.
import type { BrowserContext, Page } from '@playwright/test';
import { SITE_PAGES, expect, scrollThrough, test, type WatchedPage } from './fixtures';
import { chartTextSizes, overflowReport, strandedPunctuation } from './layout';

/** Widths checked: a laptop and a phone (the page's own layout switches in between). */
const SCREENS = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  // A phone: its scrollbars overlay the page, as on a real one, so the text column is 390 px wide.
  {
    name: 'phone',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
] as const;

/** How long each figure runs on screen. */
const RUN_MS = 10_000;
/** Largest change of a figure's height after its first frame, in CSS pixels. */
const HEIGHT_TOLERANCE = 2;
/** The cumulative layout shift must read 0.000. */
const CLS_LIMIT = 0.0005;
/** The smallest chart text allowed on screen, in CSS px. */
const MIN_CHART_TEXT_PX = 11;
/** Pages read at once (a context each); LAYOUT_PAGES=1 reads them one after another. */
const CONCURRENCY = Number(process.env.LAYOUT_PAGES ?? 4);

/** Every figure's root, by the hook it carries. */
const FIGURES = '[data-demo], [data-figure]';

/**
 * Installed before the page's own scripts (a string, so the test compiler adds nothing the page
 * lacks): records every layout shift, and every figure's height on every animation frame from
 * the first one after the HTML is parsed.
 */
const RECORDER = `(() => {
  window.__layout = { shifts: [], figures: {}, fonts: [] };
  document.fonts.addEventListener('loadingdone', (event) => {
    window.__layout.fonts.push({ at: Math.round(performance.now()), families: event.fontfaces.map((f) => f.family) });
  });
  const describe = (node) => {
    if (!node || !node.nodeType) return '?';
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (!el) return '#text';
    const figure = el.closest('[data-demo], [data-figure]');
    const where = figure ? (figure.getAttribute('data-demo') || figure.getAttribute('data-figure')) + ' ' : '';
    return where + el.tagName.toLowerCase() + (el.classList[0] ? '.' + el.classList[0] : '');
  };
  const box = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + '×' + Math.round(r.height);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const sources = entry.sources || [];
      window.__layout.shifts.push({
        value: entry.value,
        input: entry.hadRecentInput,
        at: Math.round(entry.startTime),
        inFigure: sources.some((s) => s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement)?.closest('${FIGURES}')),
        inMath: sources.some((s) => s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement)?.closest('.katex')),
        sources: sources.map((s) => describe(s.node) + ' ' + box(s.previousRect) + ' → ' + box(s.currentRect)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const measure = () => {
    // While the HTML is still being parsed, a figure can be painted before its caption has
    // arrived: that is the page streaming in, not a figure changing height.
    if (document.readyState === 'loading') {
      requestAnimationFrame(measure);
      return;
    }
    for (const el of document.querySelectorAll('${FIGURES}')) {
      const name = el.getAttribute('data-demo') || el.getAttribute('data-figure');
      const height = el.getBoundingClientRect().height;
      const state = el.getAttribute('data-state') || 'static';
      const seen = window.__layout.figures[name];
      if (!seen) {
        window.__layout.figures[name] = { first: height, min: height, max: height, last: height, changes: [] };
        continue;
      }
      if (Math.abs(height - seen.last) > 0.5 && seen.changes.length < 20) {
        seen.changes.push(Math.round(performance.now()) + ' ms: ' + height.toFixed(1) + ' (' + state + ')');
      }
      seen.min = Math.min(seen.min, height);
      seen.max = Math.max(seen.max, height);
      seen.last = height;
    }
    requestAnimationFrame(measure);
  };
  requestAnimationFrame(measure);
})();`;

interface FigureRecord {
  first: number;
  min: number;
  max: number;
  last: number;
  changes: string[];
}

interface ShiftRecord {
  value: number;
  input: boolean;
  /** ms since the page's start. */
  at: number;
  /** Whether it moved anything inside a figure. */
  inFigure: boolean;
  /** Whether it moved typeset math (KaTeX's output). */
  inMath: boolean;
  sources: string[];
}

/** Web fonts that finished loading at `at` ms. */
interface FontLoad {
  at: number;
  families: string[];
}

interface PageReport {
  path: string;
  figures: Record<string, FigureRecord>;
  shifts: ShiftRecord[];
  fonts: FontLoad[];
  /** The layout shift not caused by recent input. */
  cls: number;
  /** The part of `cls` that moved math outside the figures, and the web fonts the page loaded. */
  mathCls: number;
  fontFamilies: string[];
  /** What does not fit the page's width, and how many boxes scroll sideways in it. */
  misfits: string[];
  scrolling: number;
  /** Each chart's smallest text on screen. */
  charts: { chart: string; smallest: number }[];
}

/** Runs `work` on every item, at most `size` at a time; results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, size) }, worker));
  return results;
}

/**
 * Scrolls down in half-screen steps, as a reader does (blocks render as they near the screen),
 * until the top of `selector` sits just under the navbar, or the page ends.
 */
async function scrollTo(page: Page, selector: string): Promise<void> {
  for (let step = 0; step < 400; step++) {
    const { top, remaining, screen } = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const max = document.documentElement.scrollHeight - innerHeight;
      return {
        top: el ? el.getBoundingClientRect().top - 80 : 0,
        remaining: max - scrollY,
        screen: innerHeight,
      };
    }, selector);
    const by = Math.min(top, remaining, screen / 2);
    if (by < 1) return;
    await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), by);
    await page.waitForTimeout(60);
  }
}

/** Reads one page at one size: every figure scrolled to, loaded and run; what was recorded. */
async function readPage(
  path: string,
  context: BrowserContext,
  open: (path: string, context?: BrowserContext) => Promise<WatchedPage>,
): Promise<PageReport> {
  const { page } = await open(path, context);
  const selectors = await page.$$eval(FIGURES, (els) =>
    els.map((el) =>
      el.hasAttribute('data-demo')
        ? `[data-demo="${el.getAttribute('data-demo')}"]`
        : `[data-figure="${el.getAttribute('data-figure')}"]`,
    ),
  );
  for (const selector of selectors) {
    await scrollTo(page, selector);
    const demo = selector.startsWith('[data-demo');
    if (demo) {
      await page.waitForSelector(`${selector}:not([data-state="loading"])`, { timeout: 120_000 });
      const play = page.locator(`${selector} button[aria-label="Play"][aria-pressed="false"]`);
      if ((await play.count()) > 0) await play.first().click();
    }
    await page.waitForTimeout(demo ? RUN_MS : 1_000);
  }
  const recorded = (await page.evaluate('window.__layout')) as Pick<
    PageReport,
    'figures' | 'shifts' | 'fonts'
  >;
  const fit = await checkFit(page);
  await page.close();
  let cls = 0;
  let mathCls = 0;
  for (const shift of recorded.shifts) {
    if (shift.input) continue;
    cls += shift.value;
    if (isMathReflow(shift)) mathCls += shift.value;
  }
  const fontFamilies = [...new Set(recorded.fonts.flatMap((font) => font.families))];
  return { path, ...recorded, cls, mathCls, fontFamilies, ...fit };
}

/** The page's fit to its width, read once its figures have run (see the top of the file). */
async function checkFit(page: Page): Promise<Pick<PageReport, 'misfits' | 'scrolling' | 'charts'>> {
  // Formulas far down get laid out.
  await scrollThrough(page);
  await page.evaluate(() => document.fonts.ready);
  const report = await overflowReport(page);
  const misfits = report.problems.map(
    (p) => `${p.kind} "${p.text}" (${p.width} px, column ${p.column} px) ${p.why}`,
  );
  if (report.pageScrollsSideways) misfits.push('the page scrolls sideways');
  for (const s of await strandedPunctuation(page)) {
    misfits.push(`"${s.punctuation}" on another line than the formula ${s.formula}`);
  }
  const charts = await chartTextSizes(page);
  for (const chart of charts) {
    if (!(chart.smallest >= MIN_CHART_TEXT_PX)) {
      misfits.push(`chart "${chart.chart}" has text of ${chart.smallest.toFixed(1)} px on screen`);
    }
  }
  return { misfits, scrolling: report.scrolling, charts };
}

/**
 * Typeset math outside the figures reflowing: KaTeX's text laid out in a fallback font until its
 * own fonts arrive, which `font-display: optional` exists to prevent. Reported as a share of the CLS.
 */
function isMathReflow(shift: ShiftRecord): boolean {
  return shift.inMath && !shift.inFigure;
}

for (const screen of SCREENS) {
  test(`layout: every figure keeps its height, no page shifts, and formulas, tables and charts fit or scroll in their own box, at ${screen.options.viewport.width} px (${screen.name})`, async ({
    newContext,
    open,
    note,
  }) => {
    test.setTimeout(360_000);
    const reports = await inPool(SITE_PAGES, CONCURRENCY, async (path) => {
      const context = await newContext(screen.options);
      await context.addInitScript(RECORDER);
      return readPage(path, context, open);
    });

    const problems: string[] = [];
    const charts: string[] = [];
    let scrolling = 0;
    for (const report of reports) {
      const page = report.path || 'Home';
      problems.push(...report.misfits.map((m) => `${page}: ${m}`));
      charts.push(...report.charts.map((c) => `${c.chart} ${c.smallest.toFixed(1)} px`));
      scrolling += report.scrolling;
      const heights = Object.entries(report.figures).map(([name, r]) => {
        const drift = Math.max(r.max - r.first, r.first - r.min);
        if (drift > HEIGHT_TOLERANCE) {
          problems.push(
            `${page} ${name}: ${r.first.toFixed(1)} px at first, then ${r.min.toFixed(1)}–${r.max.toFixed(1)} px (${r.changes.join('; ')})`,
          );
        }
        return `${name} ${r.first.toFixed(0)} → ${r.min.toFixed(0)}–${r.max.toFixed(0)} px`;
      });
      const fonts =
        report.mathCls > 0
          ? ` (${report.mathCls.toFixed(3)} of it math reflowing as its fonts arrived: ${report.fontFamilies.join(', ')})`
          : '';
      note(
        `${screen.options.viewport.width} px ${page}: CLS ${report.cls.toFixed(3)}${fonts}; ${heights.join(', ')}`,
      );
      if (report.cls >= CLS_LIMIT) {
        const worst = report.shifts
          .filter((s) => !s.input)
          .sort((a, b) => b.value - a.value)
          .slice(0, 3)
          .map((s) => `${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join(', ')}`);
        problems.push(`${page}: CLS ${report.cls.toFixed(4)} (${worst.join(' | ')})`);
      }
    }
    note(
      `${screen.options.viewport.width} px: ${scrolling} boxes scroll sideways; chart text: ${charts.join(', ')}`,
    );
    // The figures with charts: the sphere lab (3), the MI bound (2), the metric lab, SimCLR (2),
    // SimCSE (4), MoCo, the collapse lab, CLIP (2).
    expect(charts.length >= 10, `only ${charts.length} charts measured`);
    expect(problems.length === 0, `layout moved or does not fit:\n${problems.join('\n')}`);
  });
}
