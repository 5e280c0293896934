// `npm run screenshots`: a picture of every figure of the BUILT site (run `npm run build` first)
// on a 390 px phone and a 1280 px desktop, in light and in dark mode, to compare the look of two
// builds side by side. Each figure is shot once it has loaded (or after 30 s in whatever state it
// is in, which the file name then says), before it trains, so two builds show the same state.
// Writes <out>/<width>-<scheme>/<page>--<figure>.png, a gallery <out>/index.html and one contact
// sheet per width and mode, <out>/sheet-<width>-<scheme>.jpg.
// Usage: node scripts/screenshots.mjs [out, default screenshots] [page name filter]
// Set DIST=/path to shoot another copy of the build (e.g. an older commit's, for "before").
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HEADLESS_FLAGS, chromiumOrExit, requireBuild } from './chromium.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.DIST ?? join(root, 'docs/.vuepress/dist');
const out = resolve(process.argv[2] ?? join(root, 'screenshots'));
const FILTER = process.argv[3] ?? '';
const WIDTHS = [390, 1280];
const SCHEMES = ['light', 'dark'];
/** Live figures carry data-demo, static diagrams data-figure. */
const FIGURES = '[data-demo], figure[data-figure]';
const READY_MS = 30_000;
/** The page's fixed bars, kept out of the pictures. */
const FIXED_CHROME = '.vp-navbar, .vp-back-to-top-button { visibility: hidden !important; }';
/** The states of a live figure that has loaded (src: components/composables/useDemoFrame.ts). */
const LOADED = ['ready', 'running', 'paused'];
/** Time for a figure's first frame, fonts and first read-outs (the MI sweep) to settle once loaded. */
const SETTLE_MS = 3_000;

requireBuild(dist);
const executablePath = chromiumOrExit();

const pages = readdirSync(dist)
  .filter((f) => f.endsWith('.html') && f !== '404.html' && f.includes(FILTER))
  .sort();

/** Shoots every figure of one page; returns the files written, relative to `out`. */
async function shootPage(page, url, dir) {
  await page.goto(url, { waitUntil: 'load' });
  // A figure taller than the screen is shot in parts while scrolled; fixed bars would land on it.
  await page.addStyleTag({ content: FIXED_CHROME });
  const names = await page
    .locator(FIGURES)
    .evaluateAll((els) => els.map((el) => el.dataset.demo ?? el.dataset.figure));
  const files = [];
  for (const [index, name] of names.entries()) {
    const figure = page.locator(FIGURES).nth(index);
    await figure.scrollIntoViewIfNeeded();
    const live = (await figure.getAttribute('data-demo')) !== null;
    const ready = live
      ? await figure
          .evaluate(
            (el, [ms, loaded]) =>
              new Promise((done) => {
                const start = performance.now();
                const poll = () =>
                  loaded.includes(el.dataset.state) || performance.now() - start > ms
                    ? done(loaded.includes(el.dataset.state))
                    : setTimeout(poll, 100);
                poll();
              }),
            [READY_MS, LOADED],
          )
          .catch(() => false)
      : true;
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(SETTLE_MS);
    const state = ready ? '' : `--${(await figure.getAttribute('data-state')) ?? 'unknown'}`;
    const file = join(dir, `${url.split('/').pop() || 'index'}--${name}${state}.png`);
    await figure.screenshot({ path: file });
    files.push(relative(out, file));
  }
  return files;
}

/** The gallery of one width and mode: each figure under its file name. */
const gallery = (
  title,
  files,
  width,
) => `<!doctype html><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px sans-serif;margin:16px;background:#888}figure{display:inline-block;
vertical-align:top;margin:8px;width:${Math.min(width, 640)}px}img{width:100%;background:#fff}
figcaption{color:#fff}</style><h1>${title}</h1>
${files.map((f) => `<figure><img src="${f}" alt=""><figcaption>${f}</figcaption></figure>`).join('\n')}`;

rmSync(out, { recursive: true, force: true });
const server = await startServer({ dir: dist, base: process.env.BASE });
const browser = await chromium.launch({ executablePath, args: HEADLESS_FLAGS });
const sections = [];
try {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      const key = `${width}-${scheme}`;
      const dir = join(out, key);
      mkdirSync(dir, { recursive: true });
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      const files = [];
      for (const name of pages) {
        files.push(...(await shootPage(page, server.url + name, dir)));
      }
      await context.close();
      writeFileSync(join(out, `${key}.html`), gallery(key, files, width));
      const sheet = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await sheet.goto(`file://${join(out, `${key}.html`)}`);
      await sheet.screenshot({ path: join(out, `sheet-${key}.jpg`), fullPage: true, quality: 60 });
      await sheet.close();
      sections.push({ key, files });
      console.log(`${key}: ${files.length} figures`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Figures</title><ul>${sections
    .map((s) => `<li><a href="${s.key}.html">${s.key}</a> (${s.files.length} figures)`)
    .join('')}</ul>`,
);
console.log(`Wrote ${out}/index.html`);
