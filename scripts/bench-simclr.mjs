// `npm run bench:simclr`: the SimCLR chapter's live trainer with its default settings, trained for a
// fixed time in headless Chromium on each backend. Serves the BUILT site (run `npm run build`
// first), opens simclr.html?backend=<name>, presses Play and samples the trainer's readouts until
// the time is up: steps, steps per second, and the k-NN accuracy of the trained encoder next to the
// same encoder at random initialisation (the figure re-measures every 20 steps). A report, not a
// test: nothing here fails on a low number. WebAssembly runs twice: on a page served without
// cross-origin isolation (one thread, as on a host that sets no headers) and on an isolated page
// (threaded, as `npm start` serves it), and the ratio of their steps per second is printed; then
// the same two pages time the training step alone (Under the hood's benchmark, step "SimCLR, 64
// images": the trainer's model on a fixed batch, no augmentation), to separate how the step's own
// kernels scale with threads from what the trainer does around them.
// Usage: node scripts/bench-simclr.mjs [seconds, default 120] [backends, default wasm,webgl,cpu]
// (webgpu runs in its own browser with --enable-unsafe-webgpu). DIST= and BASE= as in
// scripts/bench-browser.mjs.
import { openBench } from './bench-browser.mjs';

const SECONDS = Number(process.argv[2] ?? 120);
const BACKENDS = (process.argv[3] ?? 'wasm,webgl,cpu').split(',');
const FRAME = '[data-demo="simclr-trainer"]';
const LAB = `${FRAME} .simclr`;
/** Seconds at which the accuracy is reported (plus the end). */
const MARKS = [30, 60, 90];

/** The trainer's step and its two k-NN readouts (NaN while unset). */
function readouts(page) {
  return page.evaluate(
    ([frame, lab]) => {
      const metric = (name) =>
        Number(
          document.querySelector(`${frame} [data-metric="${name}"]`)?.getAttribute('data-value') ??
            NaN,
        );
      return {
        step: Number(document.querySelector(lab)?.getAttribute('data-step')),
        knn: metric('knn-accuracy'),
        baseline: metric('knn-baseline'),
      };
    },
    [FRAME, LAB],
  );
}

/** Serves the context's pages without the cross-origin isolation headers the server sends. */
async function withoutIsolation(context) {
  await context.route(
    (url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    },
  );
}

async function measure(browser, url, backend, { isolated = true } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  if (!isolated) await withoutIsolation(context);
  const page = await context.newPage();
  await page.goto(`${url}simclr.html?backend=${backend}`);
  await page.locator(FRAME).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (frame) =>
      document.querySelector(`${frame} .simclr`)?.getAttribute('data-mode') === 'worker' &&
      document.querySelector(`${frame} [data-metric="knn-baseline"]`)?.hasAttribute('data-value'),
    FRAME,
    { timeout: 180_000, polling: 250 },
  );
  const trainBackend = await page.locator(LAB).getAttribute('data-train-backend');
  // The frame's footer names the backend and its threads ("WebAssembly, 2 threads").
  const label = (await page.locator(`${FRAME} .demo-frame__backend strong`).textContent())?.trim();
  const crossOriginIsolated = await page.evaluate(() => self.crossOriginIsolated);
  await page.locator(FRAME).getByRole('button', { name: 'Play' }).click();
  const start = Date.now();
  const marks = [];
  let best = 0;
  let last = await readouts(page);
  for (const mark of [...MARKS.filter((m) => m < SECONDS), SECONDS]) {
    while (Date.now() - start < mark * 1000) {
      await page.waitForTimeout(500);
      last = await readouts(page);
      if (last.knn > best) best = last.knn;
    }
    marks.push({ seconds: mark, ...last });
  }
  await context.close();
  return {
    backend: trainBackend,
    label,
    crossOriginIsolated,
    baseline: last.baseline,
    marks,
    best,
  };
}

/**
 * Times the benchmark figure's SimCLR step on WebAssembly on a page with or without isolation:
 * the median ms per step, the cell's text ("25.7 ms" or "failed: …") and the page's backend label.
 */
async function stepOnWasm(browser, url, { isolated }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  if (!isolated) await withoutIsolation(context);
  const page = await context.newPage();
  const bench = '[data-demo="ntxent-benchmark"]';
  await page.goto(`${url}under-the-hood.html`);
  await page.locator(bench).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${bench}[data-state="ready"]`, { timeout: 120_000 });
  await page.locator(bench).getByLabel('Step').selectOption({ label: 'SimCLR, 64 images' });
  await page.locator(bench).getByRole('button', { name: 'Run benchmark' }).click();
  const wasm = page.locator(`${bench} tr[data-benchmark-row="wasm"] td`).first();
  await page.waitForFunction(
    (cell) => /ms$|^failed/.test(document.querySelector(cell)?.textContent?.trim() ?? ''),
    `${bench} tr[data-benchmark-row="wasm"] td`,
    { timeout: 600_000, polling: 500 },
  );
  const text = (await wasm.textContent())?.trim() ?? '';
  const threads = (
    await page.locator(`${bench} .demo-frame__backend strong`).textContent()
  )?.trim();
  await context.close();
  return { ms: Number.parseFloat(text), text, threads };
}

const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');
console.log(`SimCLR trainer, default settings, ${SECONDS} s of training per backend\n`);
/** Each run: the backend asked for, and for WebAssembly whether the page is isolated. */
const RUNS = BACKENDS.flatMap((backend) =>
  backend === 'wasm'
    ? [
        { backend, isolated: false },
        { backend, isolated: true },
      ]
    : [{ backend, isolated: true }],
);
/** Steps per second of the WebAssembly runs, by isolation. */
const wasmRates = {};
for (const { backend, isolated } of RUNS) {
  const name = backend === 'wasm' ? `${backend} (${isolated ? '' : 'not '}isolated)` : backend;
  const { browser, url, close } = await openBench(
    backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [],
  );
  try {
    const r = await measure(browser, url, backend, { isolated });
    const end = r.marks.at(-1);
    const rate = end.step / SECONDS;
    if (backend === 'wasm') wasmRates[isolated] = { rate, label: r.label };
    console.log(
      `${name} (worker ran ${r.label}; crossOriginIsolated ${r.crossOriginIsolated}): ` +
        `random init ${pct(r.baseline)} · ` +
        r.marks.map((m) => `${m.seconds} s: ${pct(m.knn)} @ ${m.step} steps`).join(' · ') +
        ` · best ${pct(r.best)} · ${rate.toFixed(2)} steps/s · ` +
        `gain ${(100 * (end.knn - r.baseline)).toFixed(1)} points`,
    );
  } catch (error) {
    console.log(`${name}: failed (${error instanceof Error ? error.message : error})`);
  } finally {
    await close();
  }
}
const [single, threaded] = [wasmRates[false], wasmRates[true]];
if (single && threaded) {
  console.log(
    `\nWebAssembly threads: ${threaded.label} ${threaded.rate.toFixed(2)} steps/s vs ` +
      `${single.label} ${single.rate.toFixed(2)} steps/s → ${(threaded.rate / single.rate).toFixed(2)}×`,
  );
}

if (BACKENDS.includes('wasm')) {
  const steps = {};
  for (const isolated of [false, true]) {
    const { browser, url, close } = await openBench();
    try {
      steps[isolated] = await stepOnWasm(browser, url, { isolated });
    } catch (error) {
      console.log(`step benchmark failed (${error instanceof Error ? error.message : error})`);
    } finally {
      await close();
    }
  }
  const [one, many] = [steps[false], steps[true]];
  if (one && many) {
    console.log(
      `The training step alone (fixed batch of 2 × 64 views, no augmentation), median on ` +
        `WebAssembly: not isolated ${one.text}, isolated ${many.text} (page on ${many.threads}) → ` +
        `${(one.ms / many.ms).toFixed(2)}×`,
    );
  }
}
