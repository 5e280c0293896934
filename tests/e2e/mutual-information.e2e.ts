// The figure of "InfoNCE and mutual information": no estimate passes log N, the optimal critic's
// sweep stays under the true value, and the learned critic saturates under log N.
import { numberAt, playUntil } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'mutual-information.html';
const MI_FRAME = '[data-demo="mutual-info-bound"]';
const MI = `${MI_FRAME} .mi-bound`;

test('mutual information, the InfoNCE bound: no estimate exceeds log N, and the learned critic saturates', async ({
  open,
  note,
}) => {
  test.setTimeout(240_000);
  // ρ = 0.99 in 4 dimensions: 7.8 nats of true mutual information, far above log 8.
  const { page } = await open(`${PAGE}?mi.n=8&mi.rho=0.99`);
  await page.locator(MI_FRAME).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${MI}[data-sweep-count="10"]`, { timeout: 120_000 });
  const table = page.locator(MI_FRAME).getByRole('table');
  expect(await table.isVisible(), 'no table of the sweep');
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        Number(tr.getAttribute('data-n')),
        Number(tr.getAttribute('data-estimate')),
      ]),
    );
  expect(rows.length === 10, `${rows.length} sweep rows`);
  const truth = await numberAt(page, MI, 'true-mi');
  for (const [n, estimate] of rows as [number, number][]) {
    expect(estimate <= Math.fround(Math.log(n)) + 1e-6, `N = ${n}: estimate ${estimate} > log N`);
    expect(estimate < truth, `N = ${n}: estimate ${estimate} above the true ${truth}`);
  }
  const [, at8] = rows[2] as [number, number];
  expect(at8 > Math.log(8) - 0.1, `at N = 8 the optimal critic gives ${at8}, not ~log 8`);
  await playUntil(page, MI_FRAME, MI, 300);
  await page.waitForTimeout(300);
  const learned = await numberAt(page, MI, 'estimate');
  const logN = await numberAt(page, MI, 'log-n');
  expect(learned <= Math.fround(logN) + 1e-6, `learned estimate ${learned} > log N ${logN}`);
  expect(learned > logN - 0.35, `learned estimate ${learned} far below log N ${logN}`);
  note(
    `true MI ${truth.toFixed(2)} nats; optimal critic ${rows.map(([n, e]) => `N=${n}: ${e.toFixed(2)}`).join(', ')}; learned critic at N = 8 after 300 steps (mean of the last 20 batches): ${learned.toFixed(3)} (log 8 = ${logN.toFixed(3)})`,
  );
});

test('mutual information: training at N = 1024 in 8 dimensions leaves no task over 200 ms on the page', async ({
  open,
  note,
}) => {
  test.setTimeout(240_000);
  const { page } = await open(`${PAGE}?mi.n=1024&mi.dim=8`);
  await page.locator(MI_FRAME).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${MI_FRAME}[data-state="ready"]`, { timeout: 60_000 });
  // A string, so the test compiler adds no helpers the page does not have.
  await page.evaluate(`
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  `);
  await page.waitForSelector(`${MI}[data-sweep-count="10"]`, { timeout: 120_000 });
  await playUntil(page, MI_FRAME, MI, 20);
  const mode = await page.locator(MI).getAttribute('data-mode');
  expect(mode === 'worker', `the critic trains in mode ${mode}`);
  const long = (await page.evaluate('window.__longTasks')) as number[];
  const worst = Math.max(0, ...long);
  expect(worst <= 200, `a task of ${worst.toFixed(0)} ms (long tasks: ${long.length})`);
  note(`N = 1024, d = 8: ${long.length} long tasks, the longest ${worst.toFixed(0)} ms`);
});

test('mutual information: the worker and the main thread give the same numbers for a seed', async ({
  open,
}) => {
  test.setTimeout(240_000);
  const read = async (extra: string, mode: string) => {
    const { page } = await open(`${PAGE}?backend=wasm&mi.seed=3&mi.dim=2${extra}`);
    await page.locator(MI_FRAME).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${MI}[data-mode="${mode}"][data-sweep-count="10"]`, {
      timeout: 120_000,
    });
    for (let i = 1; i <= 5; i++) {
      await page.locator(MI_FRAME).getByRole('button', { name: 'Step once' }).click();
      await page.waitForSelector(`${MI}[data-step="${i}"]`);
    }
    const root = page.locator(MI);
    return {
      backend: await root.getAttribute('data-train-backend'),
      estimate: await root.getAttribute('data-estimate'),
      sweep: await page
        .locator(`${MI_FRAME} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-estimate'))),
    };
  };
  const worker = await read('', 'worker');
  const main = await read('&training=main', 'main');
  expect(Number.isFinite(Number(worker.estimate)), `the estimate reads ${worker.estimate}`);
  expect(
    worker.backend === 'wasm' && main.backend === 'wasm',
    `backends ${worker.backend}, ${main.backend}`,
  );
  expect(
    JSON.stringify(worker) === JSON.stringify(main),
    `worker ${JSON.stringify(worker)} vs main thread ${JSON.stringify(main)}`,
  );
});
