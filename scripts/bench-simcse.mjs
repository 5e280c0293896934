// `npm run bench:simcse`: the SimCSE chapter's trainer with its default settings (unsupervised,
// τ = 0.05, p = 0.5, seed 0), trained for a fixed time in headless Chromium on WebAssembly. Serves
// the BUILT site (run `npm run build` first), opens simcse.html?backend=wasm, waits for the
// pretrained encoder, presses Play and prints the figure's own read-outs when the time is up:
// Spearman of the fine-tuned encoder on the 440 held-out pairs beside the pretrained encoder and
// TF-IDF, anisotropy, and top-5 topic agreement before and after. A report, not a test.
// Usage: node scripts/bench-simcse.mjs [seconds, default 60]. DIST= and BASE= as in
// scripts/bench-browser.mjs.
import { openBench } from './bench-browser.mjs';

const SECONDS = Number(process.argv[2] ?? 60);
const FRAME = '[data-demo="simcse-trainer"]';
const LAB = `${FRAME} .simcse-trainer`;
const METRICS = [
  'spearman',
  'spearman-pretrained',
  'spearman-bow',
  'anisotropy',
  'topic-agreement-pretrained',
  'topic-agreement',
];

/** The trainer's step, the step its read-outs were evaluated at, and the read-outs (NaN unset). */
function readouts(page) {
  return page.evaluate(
    ([lab, frame, names]) => {
      const root = document.querySelector(lab);
      const value = (name) => {
        const cell = document.querySelector(`${frame} [data-metric="${name}"]`);
        const raw = cell?.getAttribute('data-value') ?? cell?.textContent ?? '';
        return Number.parseFloat(raw);
      };
      return {
        step: Number(root?.getAttribute('data-step')),
        evaluatedAt: Number(root?.getAttribute('data-evaluated-at')),
        ...Object.fromEntries(names.map((n) => [n, value(n)])),
      };
    },
    [LAB, FRAME, METRICS],
  );
}

const { browser, url, close } = await openBench();
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${url}simcse.html?backend=wasm`);
  await page.locator(FRAME).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (frame) =>
      document.querySelector(`${frame} .simcse-trainer`)?.getAttribute('data-mode') === 'worker' &&
      Number.isFinite(
        Number.parseFloat(
          document.querySelector(`${frame} [data-metric="spearman-pretrained"]`)?.textContent ?? '',
        ),
      ),
    FRAME,
    { timeout: 300_000, polling: 250 },
  );
  const backend = await page.locator(LAB).getAttribute('data-train-backend');
  const before = await readouts(page);
  await page.locator(FRAME).getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(SECONDS * 1000);
  // The Play button toggles (aria-pressed); pressing it again pauses.
  await page.locator(FRAME).getByRole('button', { name: 'Play' }).click();
  // Paused, the figure evaluates the encoder it stopped at; give it up to a minute, then report
  // whichever step the read-outs are from.
  await page
    .waitForFunction(
      (lab) => {
        const root = document.querySelector(lab);
        return root?.getAttribute('data-evaluated-at') === root?.getAttribute('data-step');
      },
      LAB,
      { timeout: 60_000, polling: 250 },
    )
    .catch(() => undefined);
  const after = await readouts(page);
  await context.close();
  const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  const pct = (x) => (Number.isFinite(x) ? `${(100 * (x > 1 ? x / 100 : x)).toFixed(1)} %` : '–');
  console.log(`SimCSE trainer, default settings, ${SECONDS} s of training (worker on ${backend})`);
  console.log(
    `steps: ${after.step} (${(after.step / SECONDS).toFixed(2)} steps/s); read-outs from step ${after.evaluatedAt}`,
  );
  console.log(
    `Spearman on the held-out pairs: fine-tuned ${f3(after.spearman)} · pretrained ` +
      `${f3(after['spearman-pretrained'])} (gain ${f3(after.spearman - after['spearman-pretrained'])}) · ` +
      `TF-IDF ${f3(after['spearman-bow'])} (margin ${f3(after.spearman - after['spearman-bow'])})`,
  );
  console.log(`anisotropy: ${f3(before.anisotropy)} → ${f3(after.anisotropy)}`);
  console.log(
    `top-5 topic agreement: ${pct(after['topic-agreement-pretrained'])} → ${pct(after['topic-agreement'])}`,
  );
} finally {
  await close();
}
