// `npm run bench:worker`: how the page behaves while the sphere lab trains 256 points, with the
// training in its Web Worker and, for comparison, on the main thread (`?training=main`).
// Serves the BUILT site (run `npm run build` first), starts training, then drags the τ slider back
// and forth for the measuring window and reports: page frames per second (requestAnimationFrame),
// figure updates and training steps per second, main-thread long tasks (> 50 ms) per second, and
// the time from each slider `input` event to the next animation frame (p50 / p95 / max), i.e. how
// soon the drag can be redrawn. A report, not a test: nothing here fails on a slow number.
// Usage: node scripts/bench-worker.mjs [seconds per measurement, default 10]
// DIST= and BASE= as in scripts/bench-browser.mjs.
import { openBench } from './bench-browser.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const FRAME = '[data-demo="sphere-lab"]';
const LAB = `${FRAME} .sphere-lab`;
const MODES = [
  { name: 'worker', query: '' },
  { name: 'main thread', query: '&training=main' },
];

/** Page-side probes: frames, long tasks and input-to-next-frame latency (reset by `zero`). */
const PROBES = `
  window.__bench = { frames: 0, long: 0, latency: [] };
  (function tick() { window.__bench.frames += 1; requestAnimationFrame(tick); })();
  new PerformanceObserver((list) => (window.__bench.long += list.getEntries().length))
    .observe({ type: 'longtask' });
  document.addEventListener('input', (event) => {
    const at = event.timeStamp;
    requestAnimationFrame(() => window.__bench.latency.push(performance.now() - at));
  }, true);
`;

const labNumber = async (page, name) =>
  Number(await page.locator(LAB).getAttribute(`data-${name}`));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Drags the τ slider back and forth until `ms` have passed. */
async function dragFor(page, ms) {
  const box = await page
    .locator(FRAME)
    .getByRole('slider', { name: 'Temperature τ' })
    .boundingBox();
  const y = box.y + box.height / 2;
  const end = Date.now() + ms;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  for (let i = 0; Date.now() < end; i++) {
    const phase = (i % 60) / 60;
    const t = phase < 0.5 ? phase * 2 : 2 - phase * 2;
    await page.mouse.move(box.x + box.width * (0.2 + 0.6 * t), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function measure(browser, url, mode) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${url}uniformity.html?sphere.points=256${mode.query}`);
  await page.locator(FRAME).scrollIntoViewIfNeeded();
  const expected = mode.query ? 'main' : 'worker';
  await page.waitForSelector(`${LAB}[data-mode="${expected}"]:not([data-updates="0"])`, {
    timeout: 120_000,
  });
  await page.evaluate(PROBES);
  await page.locator(FRAME).getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2000); // warm-up: first steps compile kernels
  await page.evaluate(
    'window.__bench.frames = 0; window.__bench.long = 0; window.__bench.latency = [];',
  );
  const steps0 = await labNumber(page, 'step');
  const updates0 = await labNumber(page, 'updates');
  const start = Date.now();
  await dragFor(page, SECONDS * 1000);
  const seconds = (Date.now() - start) / 1000;
  const bench = await page.evaluate('window.__bench');
  const row = {
    mode: mode.name,
    backend: await page.locator(LAB).getAttribute('data-train-backend'),
    fps: bench.frames / seconds,
    updates: ((await labNumber(page, 'updates')) - updates0) / seconds,
    steps: ((await labNumber(page, 'step')) - steps0) / seconds,
    longPerSecond: bench.long / seconds,
    inputs: bench.latency.length,
    p50: percentile(bench.latency, 50),
    p95: percentile(bench.latency, 95),
    max: Math.max(...bench.latency),
  };
  await context.close();
  return row;
}

const { browser, url, close } = await openBench();
console.log(`Sphere lab, 256 points, InfoNCE, dragging τ for ${SECONDS} s while it trains\n`);
console.log(
  'mode         backend  page fps  updates/s  steps/s  long tasks/s  τ inputs  input→frame p50 / p95 / max (ms)',
);
for (const mode of MODES) {
  const r = await measure(browser, url, mode);
  const f = (v, d = 1) => v.toFixed(d);
  console.log(
    `${r.mode.padEnd(12)} ${String(r.backend).padEnd(8)} ${f(r.fps).padStart(8)} ${f(r.updates).padStart(10)} ${f(r.steps).padStart(8)} ${f(r.longPerSecond, 2).padStart(13)} ${String(r.inputs).padStart(9)}  ${f(r.p50)} / ${f(r.p95)} / ${f(r.max)}`,
  );
}
await close();
