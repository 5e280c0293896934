// `npm run bench:simclr`: the SimCLR chapter's live trainer with its default settings, trained for a
// fixed time in headless Chromium on each backend. Serves the BUILT site (run `npm run build`
// first), opens simclr.html?backend=<name>, presses Play and samples the trainer's readouts until
// the time is up: steps, steps per second, and the k-NN accuracy of the trained encoder next to the
// same encoder at random initialisation (the figure re-measures every 20 steps). A report, not a
// test: nothing here fails on a low number.
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

async function measure(browser, url, backend) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
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
  return { backend: trainBackend, baseline: last.baseline, marks, best };
}

const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');
console.log(`SimCLR trainer, default settings, ${SECONDS} s of training per backend\n`);
for (const backend of BACKENDS) {
  const { browser, url, close } = await openBench(
    backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [],
  );
  try {
    const r = await measure(browser, url, backend);
    const end = r.marks.at(-1);
    console.log(
      `${backend} (worker ran ${r.backend}): random init ${pct(r.baseline)} · ` +
        r.marks.map((m) => `${m.seconds} s: ${pct(m.knn)} @ ${m.step} steps`).join(' · ') +
        ` · best ${pct(r.best)} · ${(end.step / SECONDS).toFixed(2)} steps/s · ` +
        `gain ${(100 * (end.knn - r.baseline)).toFixed(1)} points`,
    );
  } catch (error) {
    console.log(`${backend}: failed (${error instanceof Error ? error.message : error})`);
  } finally {
    await close();
  }
}
