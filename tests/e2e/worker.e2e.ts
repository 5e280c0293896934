// Training in a Web Worker (the sphere lab as the example): the page stays responsive while it
// trains, a crashed worker turns into a visible message and training on the main thread,
// navigating away terminates the worker, and the worker and the main thread give the same numbers.
import type { Page } from '@playwright/test';
import {
  dragSliderLeft,
  openSphereLab,
  percentile,
  readLatency,
  SPHERE_FRAME,
  SPHERE_LAB,
  watchLatency,
} from './figures';
import { expect, test } from './fixtures';

const PAGE = 'uniformity.html';
const FRAME = SPHERE_FRAME;
const LAB = SPHERE_LAB;
const WORKER_URL = /training-worker-[\w-]+\.js/;

interface Hooks {
  __contrastiveTraining: { workers(): number; mainThreadTensors(): number | null };
}

const step = async (page: Page) => Number(await page.locator(LAB).getAttribute('data-step'));
const playButton = (page: Page) => page.locator(FRAME).getByRole('button', { name: 'Play' });

test('worker: a slider drag and typing respond while training keeps stepping', async ({
  open,
  note,
}) => {
  test.setTimeout(180_000);
  const { page } = await open(PAGE);
  await openSphereLab(page);
  await watchLatency(page);
  await playButton(page).click();
  await page.waitForFunction(
    (s) => Number(document.querySelector(s)?.getAttribute('data-step')) > 20,
    LAB,
  );
  const started = Date.now();
  const before = await step(page);

  const slider = page.locator(FRAME).getByRole('slider', { name: 'Temperature τ' });
  const tau0 = Number(await slider.getAttribute('aria-valuetext'));
  await dragSliderLeft(page, slider, 40);
  const tau1 = Number(await slider.getAttribute('aria-valuetext'));
  expect(tau1 < tau0, `dragging τ left did not lower it (${tau0} → ${tau1})`);

  const seed = page.locator(FRAME).getByLabel('Seed');
  await seed.click();
  await page.keyboard.press('End');
  await page.keyboard.type('23', { delay: 30 });
  expect((await seed.inputValue()).endsWith('23'), 'typing did not reach the seed field');

  await page.waitForTimeout(1000);
  const after = await step(page);
  const seconds = (Date.now() - started) / 1000;
  expect(after > before + 10, `training stalled during the interaction (${before} → ${after})`);
  const { latency, long } = await readLatency(page);
  await playButton(page).click();
  const p95 = percentile(latency, 95);
  expect(latency.length >= 20, `only ${latency.length} input events were measured`);
  // The budget is 16 ms; on the shared, loaded 2-core machine the worker run measured 28–58 ms
  // and the same drag with training on the main thread ~200 ms. Above 100 ms the page froze.
  expect(p95 < 100, `input to next frame: p95 ${p95.toFixed(1)} ms`);
  note(
    `while training: ${latency.length} inputs, input→frame p95 ${p95.toFixed(1)} ms; ${long} long tasks in ${seconds.toFixed(1)} s; ${after - before} steps`,
  );
});

test('worker: a crashing worker shows the fallback message and training continues', async ({
  open,
}) => {
  test.setTimeout(120_000);
  const { page } = await open(PAGE);
  await openSphereLab(page);
  // A crash as the page sees one: an uncaught error inside the worker fires the Worker's
  // `error` event. Thrown from a timer, so the evaluate call itself returns normally.
  const workers = page.workers().filter((w) => WORKER_URL.test(w.url()));
  expect(workers.length === 1, `${workers.length} training workers`);
  await workers[0]!.evaluate('setTimeout(() => { throw new Error("crashed by the test"); }); 0');
  const alert = page.locator(FRAME).getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  const text = (await alert.textContent()) ?? '';
  expect(/background worker stopped/.test(text), `the message says "${text}"`);
  expect(/main thread/.test(text), 'the message does not say where training continues');
  await openSphereLab(page, 'main');
  await playButton(page).click();
  await page.waitForFunction(
    (s) => Number(document.querySelector(s)?.getAttribute('data-step')) >= 10,
    LAB,
    {
      timeout: 60_000,
    },
  );
  await playButton(page).click();
  expect(
    (await page.locator(FRAME).getAttribute('data-state')) !== 'error',
    'the frame shows an error',
  );
});

test('worker: a worker that closes itself without an error is reported within seconds, and training goes on from its step', async ({
  open,
  note,
}) => {
  test.setTimeout(120_000);
  const { page } = await open(PAGE);
  await openSphereLab(page);
  await playButton(page).click();
  await page.waitForFunction(
    (s) => Number(document.querySelector(s)?.getAttribute('data-step')) > 20,
    LAB,
  );
  const workers = page.workers().filter((w) => WORKER_URL.test(w.url()));
  expect(workers.length === 1, `${workers.length} training workers`);
  // self.close() ends the worker's event loop: no error event, no answer, just silence.
  await workers[0]!.evaluate('setTimeout(() => self.close()); 0');
  const closed = Date.now();
  const reached = await step(page);
  const alert = page.locator(FRAME).getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  const seconds = (Date.now() - closed) / 1000;
  const text = (await alert.textContent()) ?? '';
  expect(seconds < 8, `the silent worker was reported after ${seconds.toFixed(1)} s`);
  expect(/did not answer within \d+ s/.test(text), `the message says "${text}"`);
  expect(/main thread, from step \d+/.test(text), `the message does not say where: "${text}"`);
  await openSphereLab(page, 'main');
  const resumed = await step(page);
  expect(resumed >= reached, `training restarted at step ${resumed}, not ${reached}`);
  await page.waitForFunction(
    ([s, n]) => Number(document.querySelector(s)?.getAttribute('data-step')) > n,
    [LAB, resumed + 10] as const,
    { timeout: 60_000 },
  );
  await playButton(page).click();
  note(
    `reported ${seconds.toFixed(1)} s after self.close(); resumed at step ${resumed} of ${reached}`,
  );
});

test('worker: navigating away terminates it, and leaves no tensors on the main thread', async ({
  open,
}) => {
  test.setTimeout(120_000);
  const { page } = await open(PAGE);
  await openSphereLab(page);
  const hooks = () =>
    page.evaluate(() => {
      const h = (window as unknown as Hooks).__contrastiveTraining;
      return { workers: h.workers(), tensors: h.mainThreadTensors() };
    });
  const live = () => page.workers().filter((w) => WORKER_URL.test(w.url())).length;
  expect(live() === 1, `${live()} training workers before navigating`);
  await playButton(page).click();
  await page.waitForTimeout(1000);
  const before = await hooks();

  await page.locator('.vp-sidebar a[href$="temperature.html"]').first().click();
  await page.waitForURL(/temperature\.html/, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (window as unknown as Hooks).__contrastiveTraining.workers() === 0,
  );
  for (let i = 0; i < 50 && live() > 0; i++) await page.waitForTimeout(100);
  expect(live() === 0, 'the training worker is still running after navigating away');
  const away = await hooks();
  expect(
    away.tensors === before.tensors,
    `main-thread tensors ${before.tensors} → ${away.tensors}`,
  );

  await page.locator('.vp-sidebar a[href$="uniformity.html"]').first().click();
  await page.waitForURL(/uniformity\.html/, { waitUntil: 'commit' });
  await openSphereLab(page);
  expect(live() === 1, `${live()} training workers after coming back`);
  expect((await step(page)) === 0, 'the lab did not start afresh');
});

test('worker: the same seed gives the same numbers in the worker and on the main thread', async ({
  open,
}) => {
  test.setTimeout(180_000);
  const read = async (extra: string, mode: string) => {
    const { page } = await open(`${PAGE}?backend=wasm&sphere.seed=3${extra}`);
    await openSphereLab(page, mode);
    const backend = await page.locator(LAB).getAttribute('data-train-backend');
    for (let i = 1; i <= 5; i++) {
      await page.locator(FRAME).getByRole('button', { name: 'Step once' }).click();
      await page.waitForSelector(`${LAB}[data-step="${i}"]`);
    }
    const lab = page.locator(LAB);
    return {
      backend,
      alignment: await lab.getAttribute('data-alignment'),
      uniformity: await lab.getAttribute('data-uniformity'),
    };
  };
  const worker = await read('', 'worker');
  const main = await read('&training=main', 'main');
  expect(
    worker.backend === 'wasm' && main.backend === 'wasm',
    `backends ${worker.backend}, ${main.backend}`,
  );
  expect(
    worker.alignment === main.alignment && worker.uniformity === main.uniformity,
    `worker ${JSON.stringify(worker)} vs main thread ${JSON.stringify(main)}`,
  );
});
