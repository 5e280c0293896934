// `npm run bench:lighthouse`: Lighthouse's mobile preset (its default config: a mid-range phone,
// simulated slow 4G, 4× CPU slowdown) on every page of the BUILT site (run `npm run build` first),
// performance and accessibility only, in Debian's Chromium with the e2e tests' headless flags.
// Each page runs several times; the table shows the median of each column, then what holds each
// page down (failing audits, with how many runs they failed in) and the LCP element.
// Budgets: performance ≥ 0.9, accessibility ≥ 0.95. A report, not a test: only a crash fails it.
// Expect ±0.05 between runs on a busy machine: the network is simulated, but the CPU time is the
// one measured here, times four. And Chromium sometimes holds the first frame of the page for up
// to a second after Lighthouse's about:blank step (paint holding); all the page did until then
// then counts towards its FCP and LCP.
// Usage: node scripts/bench-lighthouse.mjs [runs per page, default 3] [page name filter]
// Set DIST=/path to serve another copy of the build (e.g. while someone rebuilds the shared one).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { HEADLESS_FLAGS, chromiumOrExit, requireBuild } from './chromium.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.DIST ?? join(root, 'docs/.vuepress/dist');
const RUNS = Number(process.argv[2] ?? 3);
const FILTER = process.argv[3] ?? '';
const BUDGET = { performance: 0.9, accessibility: 0.95 };
const METRICS = [
  ['FCP s', 'first-contentful-paint', (ms) => (ms / 1000).toFixed(2)],
  ['LCP s', 'largest-contentful-paint', (ms) => (ms / 1000).toFixed(2)],
  ['TBT ms', 'total-blocking-time', (ms) => ms.toFixed(0)],
  ['CLS', 'cumulative-layout-shift', (v) => v.toFixed(3)],
];

requireBuild(dist);
const chromePath = chromiumOrExit();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Every page of the build, the home page first; 404.html is not a page a reader opens. */
const pages = readdirSync(dist)
  .filter((f) => f.endsWith('.html') && f !== '404.html' && f.includes(FILTER))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));

/**
 * What holds a report's scores down: the performance metrics and accessibility checks below 0.9,
 * and the performance diagnostics that estimate a saving of at least 100 ms on FCP or LCP.
 */
function failingAudits(lhr) {
  return Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.map((ref) => ({ ...ref, category: category.id })))
    .filter((ref) => {
      const audit = lhr.audits[ref.id];
      if (audit.score === null || audit.score >= 0.9) return false;
      const saving = Math.max(audit.metricSavings?.FCP ?? 0, audit.metricSavings?.LCP ?? 0);
      return ref.weight > 0 || ref.category === 'accessibility' || saving >= 100;
    })
    .map((ref) => ref.id);
}

/** The LCP element's selector and text snippet, as Lighthouse reports it. */
function lcpElement(lhr) {
  const node =
    lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.selector} "${(node.snippet ?? '').slice(0, 80)}"` : 'none';
}

const server = await startServer({ dir: dist, base: process.env.BASE });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: HEADLESS_FLAGS,
  logLevel: 'silent',
});
const rows = [];
try {
  for (const page of pages) {
    const url = server.url + (page === 'index.html' ? '' : page);
    const reports = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(BUDGET),
      });
      if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.message}`);
      reports.push(result.lhr);
    }
    rows.push({ page, reports });
  }
} finally {
  await chrome.kill();
  await server.close();
}

console.log(
  `Lighthouse ${rows[0]?.reports[0].lighthouseVersion}, mobile preset, median of ${RUNS} run(s) per page; budget: performance ≥ ${BUDGET.performance}, accessibility ≥ ${BUDGET.accessibility}\n`,
);
const header = ['page', 'perf', 'a11y', ...METRICS.map(([label]) => label)];
const table = rows.map(({ page, reports }) => {
  const score = (id) => median(reports.map((r) => r.categories[id].score));
  const marked = (id) => `${score(id).toFixed(2)}${score(id) < BUDGET[id] ? '✗' : ' '}`;
  return [
    page.replace(/\.html$/, ''),
    marked('performance'),
    marked('accessibility'),
    ...METRICS.map(([, id, format]) =>
      format(median(reports.map((r) => r.audits[id].numericValue))),
    ),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
for (const row of [header, ...table]) {
  console.log(
    row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '),
  );
}
console.log('\nAudits below 0.9 (runs failed / runs), and the LCP element');
for (const { page, reports } of rows) {
  const counts = new Map();
  for (const id of reports.flatMap(failingAudits)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const list = [...counts].map(([id, n]) => `${id} (${n}/${reports.length})`).join(', ');
  console.log(`${page.replace(/\.html$/, '')}: ${list || 'none'}`);
  console.log(`  LCP: ${lcpElement(reports[0])}`);
}
