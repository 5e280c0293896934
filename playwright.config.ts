// `npm run test:e2e` (`playwright test`): the end-to-end tests, tests/e2e/*.e2e.ts, against the
// BUILT site (`npm run build` first) in Debian's Chromium with the guide's headless flags. The global
// setup serves docs/.vuepress/dist, or DIST=<folder>, under BASE (default /) on a free port. Every
// test gets fresh contexts whose pages fail it on a console error, a page error or a request to
// another host (tests/e2e/fixtures.ts). Three projects: `default`, two tests at a time; then, one at a
// time, `timing` (the files that measure frame rates and latency) and `webgpu`, which adds
// --enable-unsafe-webgpu and runs only the tests tagged @webgpu (the others skip them).
// One test or file: `npm run test:e2e -- -g search`, `npm run test:e2e -- site`; add `--no-deps`
// for one in the timing files, or the whole default project runs first.
import { defineConfig } from '@playwright/test';
import { HEADLESS_FLAGS, chromiumOrExit } from './scripts/chromium.mjs';

/** Debian's Chromium; installed with apt-get when missing and running as root, else exits. */
const executablePath = chromiumOrExit();

/** The files whose tests measure frame rates, long tasks or input latency on the 2 cores. */
const TIMING = /(worker|sphere-lab|simclr|mutual-information)\.e2e\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // Two tests at a time: most of the suite waits on pages (training for a while, figures loading),
  // leaving the 2 cores half idle. The files that measure frame rates and input latency run after
  // the rest, one at a time (the `timing` project).
  workers: 2,
  fullyParallel: false,
  // No retries, in CI either: a test that only passes on a second try hides a race or a budget the
  // page misses now and then. It must fail, visibly, and be fixed.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Per test; the long ones (training runs, 20 mounts and unmounts) set their own.
  timeout: 120_000,
  // The tests are long by design: no "slow test file" advice after the summary.
  reportSlowTests: null,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    // Waits and actions give up after 30 s unless a test says otherwise, as in plain Playwright.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    // A failed test keeps its trace (`npx playwright show-trace`): actions with their logs, console
    // messages, errors. DOM snapshots, screenshots and the network only with E2E_TRACE=full: taken
    // at every action, they tripled the time of the mount-and-unmount tests and load the 2 cores
    // the frame-time budgets are measured on.
    trace:
      process.env.E2E_TRACE === 'full'
        ? 'retain-on-failure'
        : { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    launchOptions: { executablePath, args: HEADLESS_FLAGS },
  },
  projects: [
    { name: 'default', grepInvert: /@webgpu/, testIgnore: TIMING },
    {
      name: 'timing',
      grepInvert: /@webgpu/,
      testMatch: TIMING,
      workers: 1,
      dependencies: ['default'],
    },
    {
      name: 'webgpu',
      grep: /@webgpu/,
      workers: 1,
      dependencies: ['timing'],
      use: {
        launchOptions: { executablePath, args: [...HEADLESS_FLAGS, '--enable-unsafe-webgpu'] },
      },
    },
  ],
});
