// What the browser benchmarks share: the built site served locally and Debian's Chromium with the
// guide's headless flags. Set DIST=/path to serve another copy of the build (e.g. while someone
// rebuilds the shared one), and BASE=/prefix/ for a build made under a base path.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HEADLESS_FLAGS, chromiumOrExit, requireBuild } from './chromium.mjs';
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
  requireBuild(dist);
  const executablePath = chromiumOrExit();
  const server = await startServer({ dir: dist, base: process.env.BASE });
  const browser = await chromium.launch({
    executablePath,
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
