// What the browser benchmarks share: the built site served locally and Debian's Chromium with the
// guide's headless flags. Set DIST=/path to serve another copy of the build (e.g. while someone
// rebuilds the shared one), and BASE=/prefix/ for a build made under a base path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HEADLESS_FLAGS, ensureChromium } from './chromium.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Serves the built site and launches Chromium; exits with a message when either is missing.
 *
 * @param {string[]} [extraFlags] - Chromium flags on top of the headless ones.
 * @returns {Promise<{ browser: import('playwright-core').Browser, url: string, close: () => Promise<void> }>}
 */
export async function openBench(extraFlags = []) {
  const dist = process.env.DIST ?? join(root, 'docs/.vuepress/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`No built site in ${dist}: run "npm run build" first.`);
    process.exit(1);
  }
  const check = ensureChromium();
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  const server = await startServer({ dir: dist, base: process.env.BASE });
  const browser = await chromium.launch({
    executablePath: check.path,
    args: [...HEADLESS_FLAGS, ...extraFlags],
  });
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
