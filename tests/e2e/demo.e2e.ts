// The demo frame on "Under the hood": lazy loading, backend choice, overrides, the bogus notice.
import type { Page } from '@playwright/test';
import { expect, tfjsRequests, test } from './fixtures';

const PAGE = 'under-the-hood.html';
const FRAME = '[data-demo="backend-report"]';
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

async function scrollToReady(page: Page): Promise<string> {
  const frame = page.locator(FRAME);
  await frame.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${FRAME}[data-state="ready"]`, { timeout: 60_000 });
  return (await frame.getAttribute('data-backend')) ?? '';
}

/** The report's row for a backend: the cells' text, in column order. */
async function reportRow(page: Page, backend: string): Promise<string[]> {
  return page.locator(`${FRAME} tr[data-backend-row="${backend}"] > *`).allTextContents();
}

test('a demo frame waits off screen, mounts on scroll, reaches ready and reports its backend', async ({
  open,
  note,
}) => {
  const watched = await open(PAGE);
  const { page } = watched;
  const frame = page.locator(FRAME);
  await page.waitForTimeout(1000);
  expect((await frame.getAttribute('data-state')) === 'loading', 'frame not loading before scroll');
  expect((await frame.getAttribute('data-backend')) === null, 'backend reported before loading');
  expect(tfjsRequests(watched).length === 0, `tfjs fetched early: ${tfjsRequests(watched)[0]}`);

  const backend = await scrollToReady(page);
  expect(BACKENDS.includes(backend), `data-backend is "${backend}"`);
  expect(tfjsRequests(watched).length > 0, 'no tfjs chunk was fetched, yet the demo is ready');
  const footer = await frame.locator('footer').textContent();
  expect(footer?.includes('Running on'), 'the frame does not show its backend');
  const chosen = await frame.locator('tr.backend-report__chosen').getAttribute('data-backend-row');
  expect(chosen === backend, `the report marks ${chosen}, the frame says ${backend}`);

  // Headless Chromium here renders WebGL in software: the site must prefer WASM over it.
  const webgl = await reportRow(page, 'webgl');
  if (webgl[2] === 'software') expect(backend === 'wasm', `software WebGL, yet chose ${backend}`);
  note(`auto backend: ${backend}; WebGL: ${webgl[1]}`);
});

test('?backend=bogus shows a notice and still runs', async ({ open }) => {
  const { page } = await open(`${PAGE}?backend=bogus`);
  const backend = await scrollToReady(page);
  expect(BACKENDS.includes(backend), `data-backend is "${backend}"`);
  const notice = page
    .locator(FRAME)
    .getByRole('status')
    .filter({ hasText: /Unknown backend/ });
  expect(await notice.isVisible(), 'no visible notice about the unknown backend');
  expect((await notice.textContent())?.includes('bogus'), 'the notice does not name the value');
});

test('?backend=cpu is honoured, and the frame control switches backend', async ({ open }) => {
  const { page } = await open(`${PAGE}?backend=cpu`);
  expect((await scrollToReady(page)) === 'cpu', 'the URL parameter was ignored');
  await page.locator(FRAME).getByRole('combobox', { name: 'Backend' }).selectOption('wasm');
  await page.waitForSelector(`${FRAME}[data-state="ready"][data-backend="wasm"]`, {
    timeout: 60_000,
  });
  const row = await reportRow(page, 'wasm');
  expect(row[3]?.startsWith('passed'), `the WASM check says "${row[3]}"`);
});

test('the report calls a backend offered when it passed its check, though its probe found none', async ({
  newContext,
  open,
}) => {
  // As a privacy extension does: no WebGL on page canvases. TensorFlow.js draws on an
  // OffscreenCanvas, so WebGL still starts when asked for.
  const context = await newContext();
  await context.addInitScript(() => {
    type GetContext = (this: HTMLCanvasElement, type: string, options?: unknown) => unknown;
    const getContext = HTMLCanvasElement.prototype.getContext as GetContext;
    const blocked: GetContext = function (type, options) {
      return type.startsWith('webgl') ? null : getContext.call(this, type, options);
    };
    HTMLCanvasElement.prototype.getContext =
      blocked as typeof HTMLCanvasElement.prototype.getContext;
  });
  const { page } = await open(`${PAGE}?backend=webgl`, context);
  const backend = await scrollToReady(page);
  const [label, offered, kind, check] = await reportRow(page, 'webgl');
  const row = `${label} | ${offered} | ${kind} | ${check}`;
  expect(backend === 'webgl', `WebGL did not start from an OffscreenCanvas: ${row}`);
  expect(check?.startsWith('passed') && label?.includes('(in use)'), `WebGL row: ${row}`);
  expect(offered?.startsWith('yes — its check passed'), `WebGL in use, yet offered: ${row}`);
});

test(
  'with WebGPU enabled: software WebGPU is detected, skipped by default, usable on request',
  { tag: '@webgpu' },
  async ({ open, note }) => {
    const auto = await open(PAGE);
    const backend = await scrollToReady(auto.page);
    const webgpu = await reportRow(auto.page, 'webgpu');
    note(`WebGPU: ${webgpu[1]} (${webgpu[2]}); auto chose ${backend}`);
    if (webgpu[2] !== 'software') return;
    expect(backend !== 'webgpu', 'auto chose software WebGPU, the slowest backend');

    const forced = await open(`${PAGE}?backend=webgpu`);
    expect(
      (await scrollToReady(forced.page)) === 'webgpu',
      '?backend=webgpu did not run on WebGPU',
    );
  },
);

/** Runs the NT-Xent benchmark on Under the hood and returns "backend: time" per row. */
async function runBenchmark(page: Page): Promise<string[]> {
  const frame = page.locator('[data-demo="ntxent-benchmark"]');
  await frame.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-demo="ntxent-benchmark"][data-state="ready"]', {
    timeout: 60_000,
  });
  await frame.getByRole('button', { name: 'Run benchmark' }).click();
  await page.waitForSelector('[data-demo="ntxent-benchmark"][data-state="running"]');
  await page.waitForSelector('[data-demo="ntxent-benchmark"][data-state="ready"]', {
    timeout: 120_000,
  });
  const rows = frame.locator('tr[data-benchmark-row]');
  const results: string[] = [];
  for (const row of await rows.all()) {
    const name = await row.getAttribute('data-benchmark-row');
    const time = (await row.locator('td').first().textContent()) ?? '';
    expect(/^\d+(\.\d)? ms$/.test(time), `benchmark on ${name}: "${time}"`);
    results.push(`${name}: ${time}`);
  }
  return results;
}

test('the NT-Xent benchmark times every backend the browser offers', async ({ open, note }) => {
  // Not in the webgpu project: software WebGPU takes seconds per step, and that one checks WebGPU.
  test.setTimeout(240_000);
  const { page } = await open(PAGE);
  await scrollToReady(page);
  const results = await runBenchmark(page);
  expect(
    results.some((r) => r.startsWith('wasm:')),
    'WASM was not benchmarked',
  );
  expect(
    results.some((r) => r.startsWith('cpu:')),
    'CPU was not benchmarked',
  );
  note(`NT-Xent step, N = 256: ${results.join(', ')}`);
});
