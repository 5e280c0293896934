// `npm run test:e2e`: end-to-end tests of the BUILT site in headless Chromium.
// Serves docs/.vuepress/dist on a free port, then runs every test in tests/e2e/*.e2e.ts in two
// browser passes: the default flags, and once more with --enable-unsafe-webgpu for the tests that
// ask for it. Each test gets a fresh browser context that fails it on any console error, page
// error or request to another host. Ends with "N passed, N failed".
// Usage: node scripts/e2e.mjs [name filter]   (e.g. `node scripts/e2e.mjs search`)
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { HEADLESS_FLAGS, chromiumOrExit, requireBuild } from './chromium.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// DIST=<folder> tests another build (e.g. a private one while someone else rebuilds the default).
const dist = process.env.DIST ? resolve(process.env.DIST) : join(root, 'docs/.vuepress/dist');
const testDir = join(root, 'tests/e2e');
const filter = process.argv[2] ?? '';

const PASSES = [
  { name: 'default', args: [] },
  { name: 'webgpu', args: ['--enable-unsafe-webgpu'] },
];

requireBuild(dist);
const executablePath = chromiumOrExit();

register();
/** @type {{ file: string, test: import('../tests/e2e/harness').E2eTest }[]} */
const tests = [];
for (const file of (await readdir(testDir)).filter((f) => f.endsWith('.e2e.ts')).sort()) {
  const module = await import(pathToFileURL(join(testDir, file)).href);
  for (const test of module.tests) tests.push({ file, test });
}

const server = await startServer({ dir: dist, base: process.env.BASE });
const { createHarness } = await import(pathToFileURL(join(testDir, 'harness.ts')).href);
const started = Date.now();
let passed = 0;
let failed = 0;
console.log(`Serving ${dist} at ${server.url}`);

for (const pass of PASSES) {
  const selected = tests.filter(
    ({ test }) => (test.passes ?? ['default']).includes(pass.name) && test.name.includes(filter),
  );
  if (selected.length === 0) continue;
  console.log(`\n${pass.name} pass (${[...HEADLESS_FLAGS, ...pass.args].join(' ')})`);
  const browser = await chromium.launch({
    executablePath,
    args: [...HEADLESS_FLAGS, ...pass.args],
  });
  for (const { file, test } of selected) {
    const start = Date.now();
    const harness = createHarness(browser, server.url);
    try {
      await withTimeout(test.run(harness), test.timeoutMs ?? 120_000);
      harness.assertClean();
      passed += 1;
      console.log(`  ✔ ${test.name} (${seconds(start)})`);
    } catch (error) {
      failed += 1;
      console.log(`  ✖ ${test.name} (${seconds(start)}) [${file}]`);
      console.log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    } finally {
      for (const line of harness.notes) console.log(`      ${line}`);
      await harness.close();
    }
  }
  await browser.close();
}
await server.close();

console.log(`\nend-to-end tests took ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function indent(text) {
  return text
    .split('\n')
    .slice(0, 12)
    .map((line) => `      ${line}`)
    .join('\n');
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
