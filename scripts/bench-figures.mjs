// `npm run bench:figures`: how long the per-slider figures take to update in headless Chromium.
// Serves the BUILT site (run `npm run build` first), opens the loss explorer and the hardness-weights
// figure on each backend, and times each update from the input event (a key press on a slider, or a
// pointer move while dragging a point) to the figure's DOM being patched and laid out: the time the
// main thread is busy before the browser can paint. Prints the median, 95th percentile and maximum.
// A report, not a test: nothing here fails on a slow number.
// Usage: node scripts/bench-figures.mjs [samples per measurement, default 150]
// DIST= and BASE= as in scripts/bench-browser.mjs.
import { openBench } from './bench-browser.mjs';

const SAMPLES = Number(process.argv[2] ?? 150);
const BACKENDS = ['auto', 'wasm', 'webgl', 'cpu'];

/**
 * Installs the timer in the page: a capturing listener notes when an input event starts, and a
 * MutationObserver on the figure (its callback runs right after Vue's patch) forces layout and
 * records the elapsed time.
 */
function installTimer(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    const timer = { start: 0, samples: [] };
    window.__figureTimer = timer;
    const begin = () => (timer.start = performance.now());
    for (const type of ['keydown', 'pointermove']) addEventListener(type, begin, true);
    new MutationObserver(() => {
      if (!timer.start) return;
      void document.body.offsetHeight;
      timer.samples.push(performance.now() - timer.start);
      timer.start = 0;
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }, selector);
}

function takeSamples(page) {
  return page.evaluate(() => {
    const samples = window.__figureTimer.samples;
    window.__figureTimer.samples = [];
    return samples;
  });
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function openFigure(context, url, name) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  const frame = page.locator(`[data-demo="${name}"]`);
  await frame.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-demo="${name}"][data-state="ready"]`, { timeout: 60_000 });
  await installTimer(page, `[data-demo="${name}"]`);
  return { page, errors, backend: await frame.getAttribute('data-backend') };
}

/** Alternates two keys on a focused slider, one press per frame. */
async function keySweep(page, slider, keys) {
  await slider.focus();
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.press(keys[Math.floor(i / 20) % 2]);
    await page.waitForTimeout(16);
  }
  return takeSamples(page);
}

/** Drags a loss-explorer point round the circle with the mouse, one move per frame. */
async function dragSweep(page) {
  const frame = '[data-demo="loss-explorer"]';
  const dot = await page.locator(`${frame} [data-handle="n3"] .loss-explorer__dot`).boundingBox();
  const box = await page.locator(`${frame} svg.loss-explorer__circle`).boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = (box.width / 300) * 100;
  await page.mouse.move(dot.x + dot.width / 2, dot.y + dot.height / 2);
  await page.mouse.down();
  for (let i = 0; i < SAMPLES; i++) {
    // 3° per move: every move changes the angle, so every move updates the figure.
    const rad = ((180 + 3 * (i + 1)) * Math.PI) / 180;
    await page.mouse.move(cx + r * Math.cos(rad), cy - r * Math.sin(rad));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return takeSamples(page);
}

const { browser, url, close } = await openBench();
const rows = [];
try {
  for (const backend of BACKENDS) {
    const query = backend === 'auto' ? '' : `?backend=${backend}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

    const loss = await openFigure(
      context,
      `${url}what-is-contrastive-learning.html${query}`,
      'loss-explorer',
    );
    const tau = loss.page.locator('[data-demo="loss-explorer"]').getByRole('slider', {
      name: 'Temperature τ',
      exact: true,
    });
    rows.push({
      figure: 'loss explorer',
      input: 'τ slider key',
      backend: loss.backend,
      ...summary(await keySweep(loss.page, tau, ['ArrowLeft', 'ArrowRight'])),
    });
    rows.push({
      figure: 'loss explorer',
      input: 'point drag',
      backend: loss.backend,
      ...summary(await dragSweep(loss.page)),
    });

    const temp = await openFigure(context, `${url}temperature.html${query}`, 'temperature-weights');
    const frame = temp.page.locator('[data-demo="temperature-weights"]');
    rows.push({
      figure: 'temperature weights',
      input: 'τ slider key',
      backend: temp.backend,
      ...summary(
        await keySweep(
          temp.page,
          frame.getByRole('slider', { name: 'Temperature τ', exact: true }),
          ['ArrowLeft', 'ArrowRight'],
        ),
      ),
    });
    rows.push({
      figure: 'temperature weights',
      input: 'similarity slider key',
      backend: temp.backend,
      ...summary(
        await keySweep(temp.page, frame.getByRole('slider', { name: 'Negative 2', exact: true }), [
          'ArrowRight',
          'ArrowLeft',
        ]),
      ),
    });
    for (const { errors } of [loss, temp]) {
      if (errors.length) console.warn(`page errors on ${backend}: ${errors.join('; ')}`);
    }
    await context.close();
  }
} finally {
  await close();
}

const ms = (v) => `${v.toFixed(2)} ms`.padStart(9);
console.log(
  `Update time after an input event, to the DOM patched and laid out (${SAMPLES} samples)`,
);
console.log('figure               input                   backend  p50        p95        max');
for (const r of rows) {
  console.log(
    `${r.figure.padEnd(20)} ${r.input.padEnd(23)} ${String(r.backend).padEnd(8)} ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.max)}  (n=${r.n})`,
  );
}
