// Layout checks for the e2e tests: what on a page is wider than its column without a scroll box of
// its own (formulas, tables, charts), and the on-screen size of the charts' tick labels.
import type { Page } from '@playwright/test';

/** One formula, table or chart that does not fit its column as it should. */
export interface OverflowProblem {
  /** `formula`, `inline formula`, `table` or `chart`. */
  kind: string;
  /** The start of its text, to find it on the page. */
  text: string;
  /** Its width and the column's, in CSS px. */
  width: number;
  column: number;
  /** What is wrong with it. */
  why: string;
}

/** What `overflowReport` found on one page. */
export interface OverflowReport {
  problems: OverflowProblem[];
  /** Boxes that scroll sideways because what they hold is wider than the column. */
  scrolling: number;
  /** Whether the page itself scrolls sideways. */
  pageScrollsSideways: boolean;
}

/**
 * Checks every display formula (`.katex-display`), inline formula (`.katex`), table and chart
 * (`svg`) in the page's text column: each must fit the column, or sit in a box of its own that
 * scrolls sideways, fits the column, is keyboard-focusable with an accessible name and shows
 * a cue at the edge it scrolls to (`data-overflow` on its `.scroll-box`). Content cut by a box
 * that hides its overflow is a problem too, and so is a figure's read-out label cut by its height.
 */
export function overflowReport(page: Page): Promise<OverflowReport> {
  return page.evaluate(() => {
    const column = document.querySelector<HTMLElement>('[vp-content] > #content');
    if (!column) throw new Error('no [vp-content] > #content on the page');
    const style = getComputedStyle(column);
    const rect = column.getBoundingClientRect();
    const left = rect.left + parseFloat(style.paddingLeft);
    const right = rect.right - parseFloat(style.paddingRight);
    const slack = 1;
    const targets: [string, Element][] = [
      ...[...column.querySelectorAll('.katex-display')].map((e): [string, Element] => [
        'formula',
        e,
      ]),
      ...[...column.querySelectorAll('.katex')]
        .filter((e) => !e.closest('.katex-display'))
        .map((e): [string, Element] => ['inline formula', e]),
      ...[...column.querySelectorAll('table')].map((e): [string, Element] => ['table', e]),
      ...[...column.querySelectorAll('svg')]
        .filter((e) => !e.closest('.katex') && !e.parentElement?.closest('svg'))
        .map((e): [string, Element] => ['chart', e]),
    ];
    const problems: OverflowProblem[] = [];
    const scrolling = new Set<Element>();
    for (const [kind, el] of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const report = (why: string) =>
        problems.push({
          kind,
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
          width: Math.round(r.width),
          column: Math.round(right - left),
          why,
        });
      // The nearest box between the element and the column that does not let it overflow.
      let box: HTMLElement | null = null;
      for (let a: Element | null = el; a && a !== column; a = a.parentElement) {
        if (a instanceof HTMLElement && getComputedStyle(a).overflowX !== 'visible') {
          box = a;
          break;
        }
      }
      if (!box) {
        if (r.left < left - slack || r.right > right + slack) report('wider than its column');
        continue;
      }
      const b = box.getBoundingClientRect();
      const scrolls = /auto|scroll/.test(getComputedStyle(box).overflowX);
      if (!scrolls) {
        if (r.left < b.left - slack || r.right > b.right + slack) report('cut off by its box');
        continue;
      }
      if (b.left < left - slack || b.right > right + slack) {
        report('its scroll box is wider than the column');
        continue;
      }
      if (box.scrollWidth <= box.clientWidth + slack) continue;
      scrolling.add(box);
      const cue = box.closest('.scroll-box')?.getAttribute('data-overflow') ?? '';
      const named = box.getAttribute('aria-label') ?? box.getAttribute('aria-labelledby') ?? '';
      if (box.tabIndex < 0) report('scrolls, but is not keyboard-focusable');
      else if (!named) report('scrolls, but its box has no accessible name');
      else if (!/start|end/.test(cue)) report('scrolls, with no cue at its edge');
    }
    // Read-out labels keep a fixed height (components/ui/live-layout.css): one that needs more
    // lines than it has is cut off mid-sentence, e.g. a chance level that never shows.
    for (const label of column.querySelectorAll<HTMLElement>('.live__readouts dt')) {
      if (label.scrollHeight > label.clientHeight + slack) {
        const r = label.getBoundingClientRect();
        problems.push({
          kind: 'read-out label',
          text: (label.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
          width: Math.round(r.width),
          column: Math.round(right - left),
          why: `cut off: ${label.scrollHeight} px of text in ${label.clientHeight} px`,
        });
      }
    }
    return {
      problems,
      scrolling: scrolling.size,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth + slack,
    };
  });
}

/** Each chart's smallest tick label (axis text included) as it appears on screen, in CSS px. */
export interface TickSize {
  chart: string;
  /** Rendered font size × the SVG's on-screen scale. */
  smallest: number;
}

/** The on-screen size of the smallest tick or axis label of every chart (line charts, spectra, metric planes) on the page. */
export function chartTextSizes(page: Page): Promise<TickSize[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('.line-chart svg, svg.spectrum, svg.metric-plane')]
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .map((svg) => {
        const box = svg.viewBox.baseVal;
        const shown = svg.getBoundingClientRect();
        // With a viewBox, the SVG's user unit is scaled to its on-screen size.
        const scale =
          box && box.width > 0 ? Math.min(shown.width / box.width, shown.height / box.height) : 1;
        const sizes = [...svg.querySelectorAll('text')]
          .filter((t) => (t.textContent ?? '').trim())
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return {
          chart: svg.getAttribute('aria-label')?.split('.')[0] ?? '?',
          smallest: sizes.length ? Math.min(...sizes) : Number.NaN,
        };
      }),
  );
}

/** A formula whose punctuation ended up on another line than the formula's end (or start). */
export interface StrandedPunctuation {
  punctuation: string;
  formula: string;
}

/**
 * Punctuation split from the formula it touches: for every `.math-nowrap` span
 * (docs/.vuepress/markdownLayout.ts), whether the text before the formula shares a line with its
 * first box and the text after it with its last.
 */
export function strandedPunctuation(page: Page): Promise<StrandedPunctuation[]> {
  return page.evaluate(() => {
    const found: StrandedPunctuation[] = [];
    const sameLine = (a: DOMRect, b: DOMRect) => a.top < b.bottom && a.bottom > b.top;
    for (const span of document.querySelectorAll('.math-nowrap')) {
      const bases = [...span.querySelectorAll('.katex-html > .base')];
      if (!bases.length || span.getBoundingClientRect().width === 0) continue;
      const formula = span.querySelector('annotation')?.textContent ?? '';
      for (const node of span.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = range.getBoundingClientRect();
        const before = node.compareDocumentPosition(bases[0]) & Node.DOCUMENT_POSITION_FOLLOWING;
        const neighbour = (before ? bases[0] : bases[bases.length - 1]).getBoundingClientRect();
        if (!sameLine(text, neighbour)) found.push({ punctuation: node.textContent, formula });
      }
    }
    return found;
  });
}
