// The sphere lab on "Uniformity on the hypersphere": a live run lowers uniformity and draws its
// trajectory, alignment alone collapses the points, a shared link restores the settings, and
// mounting and unmounting the figure 20 times leaves the page's tensor count where it was.
import type { Page } from '@playwright/test';
import { numberAt, openSphereLab, playUntil, SPHERE_FRAME, SPHERE_LAB } from './figures';
import { expect, test } from './fixtures';

const PAGE = 'uniformity.html';
const FRAME = SPHERE_FRAME;
const LAB = SPHERE_LAB;

/** A numeric data attribute of the lab. */
async function labNumber(page: Page, name: string): Promise<number> {
  return numberAt(page, LAB, name);
}

/** Plays until at least `steps` steps have run, then pauses; returns frames/s and updates/s. */
async function train(page: Page, steps: number): Promise<{ fps: number; updates: number }> {
  const updates0 = await labNumber(page, 'updates');
  // A string, so the test compiler adds no helpers the page does not have.
  await page.evaluate(
    'window.__frames = 0; (function tick() { window.__frames += 1; requestAnimationFrame(tick); })();',
  );
  const start = Date.now();
  await playUntil(page, FRAME, LAB, steps);
  const seconds = (Date.now() - start) / 1000;
  const frames = Number(await page.evaluate('window.__frames'));
  const updates = (await labNumber(page, 'updates')) - updates0;
  return { fps: frames / seconds, updates: updates / seconds };
}

test('sphere lab: 200 InfoNCE steps lower uniformity and grow the trajectory, page stays fluid', async ({
  open,
  note,
}) => {
  test.setTimeout(180_000);
  const { page } = await open(PAGE);
  await openSphereLab(page);
  const u0 = await labNumber(page, 'uniformity');
  const t0 = await labNumber(page, 'trajectory-points');
  const { fps, updates } = await train(page, 200);
  const u1 = await labNumber(page, 'uniformity');
  const t1 = await labNumber(page, 'trajectory-points');
  expect(u1 < u0 - 0.3, `uniformity went from ${u0} to ${u1}`);
  expect(t1 >= t0 + 20, `the trajectory grew from ${t0} to ${t1} points only`);
  const plane = page.getByRole('img', { name: /alignment–uniformity plane/ });
  expect(await plane.isVisible(), 'no alignment–uniformity plane with its accessible name');
  // The budget is 30 fps; the shared 2-core test machine, loaded by parallel jobs, measured
  // 24–40. Below 20 the page is janky whatever the load (main-thread training gives ~16).
  expect(fps >= 20, `the page drew ${fps.toFixed(1)} frames/s while training`);
  const backend = await page.locator(LAB).getAttribute('data-train-backend');
  note(
    `256 points, worker on ${backend}: page ${fps.toFixed(1)} fps, figure ${updates.toFixed(1)} updates/s; uniformity ${u0.toFixed(3)} → ${u1.toFixed(3)}`,
  );
});

test('sphere lab: alignment alone collapses every point to one', async ({ open, note }) => {
  test.setTimeout(180_000);
  const { page } = await open(`${PAGE}?sphere.objective=align&sphere.points=128`);
  await openSphereLab(page);
  await page.locator(FRAME).getByLabel('Speed').selectOption('8');
  await train(page, 400);
  const a = await labNumber(page, 'alignment');
  const u = await labNumber(page, 'uniformity');
  expect(a < 0.01, `alignment is ${a}, not ~0`);
  expect(u > -0.1, `uniformity is ${u}, not ~0 (collapsed)`);
  note(`alignment only, 400 steps: alignment ${a.toExponential(2)}, uniformity ${u.toFixed(4)}`);
});

test('sphere lab: a shared link restores the settings, a bad value gets a notice', async ({
  open,
}) => {
  const link = `${PAGE}?sphere.objective=uniform&sphere.seed=7&sphere.dim=2&sphere.points=128&sphere.lr=9`;
  const { page } = await open(link);
  await openSphereLab(page);
  const frame = page.locator(FRAME);
  expect((await frame.getByLabel('Objective').inputValue()) === 'uniform', 'objective lost');
  expect((await frame.getByLabel('Seed').inputValue()) === '7', 'seed lost');
  expect((await frame.getByLabel('Space').inputValue()) === '2', 'dimension lost');
  const points = frame.getByRole('slider', { name: 'Points' });
  expect((await points.inputValue()) === '128', 'point count lost');
  const notice = frame.getByRole('status').filter({ hasText: 'sphere.lr=9' });
  expect(await notice.isVisible(), 'no notice about the clamped learning rate');
  // The corrected link is what the address bar shows, and a change is written back.
  await frame.getByLabel('Objective').selectOption('simple');
  await page.waitForFunction(() => location.search.includes('sphere.objective=simple'));
  expect(page.url().includes('sphere.lr=0.1'), `the address is ${page.url()}`);
});

test('sphere lab: 20 mounts and unmounts leave the tensor count at its baseline', async ({
  open,
  note,
}) => {
  test.setTimeout(240_000);
  // On the main thread (?training=main) the lab's tensors live in the page's own tfjs.
  const { page } = await open(`${PAGE}?training=main&sphere.points=64`);
  const tensors = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            __contrastiveTraining: { mainThreadTensors(): number | null };
          }
        ).__contrastiveTraining.mainThreadTensors() ?? -1,
    );
  const cycle = async () => {
    await openSphereLab(page, 'main');
    await page.locator(FRAME).getByRole('button', { name: 'Step once' }).click();
    await page.waitForSelector(`${LAB}[data-step="1"]`);
    await page.locator('.vp-sidebar a[href$="temperature.html"]').first().click();
    await page.waitForURL(/temperature\.html/, { waitUntil: 'commit' });
    await page.waitForTimeout(100);
    const count = await tensors();
    await page.goBack({ waitUntil: 'commit' }); // keeps ?training=main, which a link would drop
    await page.waitForURL(/uniformity\.html\?training=main/, { waitUntil: 'commit' });
    return count;
  };
  const baseline = await cycle(); // the first run builds cached constants, kept on purpose
  const counts: number[] = [];
  for (let i = 0; i < 20; i++) counts.push(await cycle());
  expect(
    counts.every((c) => c === baseline),
    `tensors after each unmount: ${counts.join(', ')} (baseline ${baseline})`,
  );
  note(`main-thread tensors after 21 unmounts: ${baseline} each time`);
});
