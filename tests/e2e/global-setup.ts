// Global setup of the end-to-end tests (playwright.config.ts): checks that the site is built, serves
// it with scripts/server.mjs (gzip included) on a free port, and hands its address to the test
// workers in E2E_BASE_URL. DIST=<folder> tests another build (e.g. a private one while someone else
// rebuilds the default); BASE=/sub/path/ serves it under a sub-path, as it was built.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBuild } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dist = process.env.DIST ? resolve(process.env.DIST) : join(root, 'docs/.vuepress/dist');
  requireBuild(dist);
  const server = await startServer({ dir: dist, base: process.env.BASE });
  process.env.E2E_BASE_URL = server.url;
  console.log(`Serving ${dist} at ${server.url}`);
  return server.close;
}
