// Helpers for the figures' e2e tests: wait for a figure (ready, or loaded in any state), read tfjs's tensor count, drive a log slider
// by keyboard, scroll to a figure, read a data attribute, play a trainer for some steps, follow a link
// in the single-page app, mount/unmount a figure by navigating, open the sphere lab, and measure
// input latency and long tasks, and drag a slider.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Live tensors on the page. TensorFlow.js keeps its engine on the global object as `_tfengine`,
 * so tests can read `memory()` without the site exposing anything of its own.
 */
export function tensorCount(page: Page): Promise<number> {
  return readEngine(page).then(({ numTensors }) => numTensors);
}

/** The global tfjs engine's tensor count and active backend. */
function readEngine(page: Page): Promise<{ numTensors: number; backend: string }> {
  return page.evaluate(() => {
    type Engine = { memory(): { numTensors: number }; backendName: string };
    const engine = (globalThis as { _tfengine?: Engine })._tfengine;
    if (!engine) throw new Error('TensorFlow.js is not loaded on this page');
    return { numTensors: engine.memory().numTensors, backend: engine.backendName };
  });
}

/** Scrolls a demo frame into view and waits until it is ready; returns its backend. */
export async function readyFigure(page: Page, name: string): Promise<string> {
  const frame = page.locator(`[data-demo="${name}"]`);
  await frame.scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-demo="${name}"][data-state="ready"]`, { timeout: 60_000 });
  return (await frame.getAttribute('data-backend')) ?? '';
}

/** A figure that has loaded: its `data-state` (anything but `loading`) and backend (`''` if none). */
export interface SettledFigure {
  state: string;
  backend: string;
}

/** Scrolls a demo frame into view and waits until it has loaded, whatever state it is left in. */
export async function settledFigure(page: Page, name: string): Promise<SettledFigure> {
  const selector = `[data-demo="${name}"]`;
  await reveal(page, selector);
  await page.waitForSelector(`${selector}:not([data-state="loading"])`, { timeout: 60_000 });
  const frame = page.locator(selector);
  return {
    state: (await frame.getAttribute('data-state')) ?? '',
    backend: (await frame.getAttribute('data-backend')) ?? '',
  };
}

/** Focuses a slider by its accessible name and presses `key` until it reads `target` (≤ 60 presses). */
export async function keyboardTo(
  page: Page,
  scope: string,
  name: string,
  key: string,
  target: string,
): Promise<void> {
  const slider = page.locator(scope).getByRole('slider', { name, exact: true });
  await slider.focus();
  for (let i = 0; i < 60; i++) {
    if ((await slider.getAttribute('aria-valuetext')) === target) return;
    await page.keyboard.press(key);
  }
  expect(false, `${name} never reached ${target}`);
}

/**
 * Scrolls `selector` into view. Right after a load or a client-side navigation the page may still
 * swap its content, which detaches the element: the scroll is retried a few times.
 */
export async function reveal(page: Page, selector: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await page.locator(selector).scrollIntoViewIfNeeded({ timeout: 10_000 });
      return;
    } catch (error) {
      if (tries >= 3) throw error;
      await page.waitForTimeout(300);
    }
  }
}

/** A numeric data attribute of the element `selector`. */
export async function numberAt(page: Page, selector: string, name: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute(`data-${name}`));
}

/** Clicks Play in `frame`, waits until `root` reports `steps` steps, clicks again to pause. */
export async function playUntil(
  page: Page,
  frame: string,
  root: string,
  steps: number,
): Promise<void> {
  await page.locator(frame).getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    ([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-step')) >= n,
    [root, steps] as const,
    { timeout: 420_000, polling: 200 },
  );
  await page.locator(frame).getByRole('button', { name: 'Play' }).click();
}

/**
 * Clicks `link` (in the single-page app: no page load) until the address shows its target. The
 * theme rewrites the hash of the current page while it scrolls, and that router navigation can
 * cancel a click made just before it, so the click is repeated (at most 5 times).
 */
export async function follow(page: Page, link: Locator, what = 'the link'): Promise<void> {
  const target = new URL((await link.getAttribute('href')) ?? '', page.url()).pathname;
  for (let attempt = 0; attempt < 5; attempt++) {
    await link.click();
    try {
      await page.waitForFunction((path) => location.pathname === path, target, { timeout: 3000 });
      return;
    } catch {
      // Cancelled by the theme's own navigation: click again.
    }
  }
  expect(false, `${what} did not navigate to ${target}`);
}

/** Follows the sidebar link to a chapter, as a reader would. */
export async function navigate(page: Page, chapter: string): Promise<void> {
  const link = page.locator(`.vp-sidebar a.vp-sidebar-item[aria-label="${chapter}"]`);
  await follow(page, link, `the sidebar link to ${chapter}`);
}

/**
 * Mounts and unmounts a figure `times` times by navigating between its chapter and "Under the hood"
 * (whose only demo holds no tensors), exercising it with `use` while mounted; returns the tensor
 * count measured away from the figure after each round.
 */
export async function mountUnmountCounts(
  page: Page,
  options: { chapter: string; figure: string; times: number; use(round: number): Promise<void> },
): Promise<number[]> {
  const counts: number[] = [];
  for (let round = 0; round < options.times; round++) {
    await navigate(page, options.chapter);
    const backend = await readyFigure(page, options.figure);
    // The engine read here must be the one the figure runs on, or the counts prove nothing.
    const engine = await readEngine(page);
    expect(engine.backend === backend, `engine on ${engine.backend}, figure on ${backend}`);
    await options.use(round);
    await navigate(page, 'Under the hood');
    await page.waitForSelector(`[data-demo="${options.figure}"]`, { state: 'detached' });
    counts.push(await tensorCount(page));
  }
  return counts;
}

/** The sphere lab's frame, and the lab inside it (it carries `data-mode`, `data-step`, …). */
export const SPHERE_FRAME = '[data-demo="sphere-lab"]';
export const SPHERE_LAB = `${SPHERE_FRAME} .sphere-lab`;

/** Scrolls to the sphere lab and waits until it trains in `mode` ('worker' or 'main'). */
export async function openSphereLab(page: Page, mode = 'worker'): Promise<void> {
  await reveal(page, SPHERE_FRAME);
  try {
    await page.waitForSelector(`${SPHERE_LAB}[data-mode="${mode}"]:not([data-updates="0"])`, {
      timeout: 90_000,
    });
  } catch (error) {
    const state = await page.locator(SPHERE_FRAME).getAttribute('data-state');
    const text = (await page.locator(SPHERE_FRAME).textContent())?.slice(0, 400);
    throw new Error(`the lab did not start in mode ${mode}: frame ${state}, "${text}"`, {
      cause: error,
    });
  }
}

/** Records, for every `input` or `keydown` event, the time until the next animation frame. */
export async function watchLatency(page: Page): Promise<void> {
  // A string, so the test compiler adds no helpers the page does not have. Long tasks too.
  await page.evaluate(`
    window.__latency = [];
    const record = (event) => {
      const at = event.timeStamp;
      requestAnimationFrame(() => window.__latency.push(performance.now() - at));
    };
    document.addEventListener('input', record, true);
    document.addEventListener('keydown', record, true);
    window.__long = 0;
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__long += 1;
        window.__longest = Math.max(window.__longest, entry.duration);
      }
    }).observe({ type: 'longtask' });
  `);
}

/** What {@link watchLatency} recorded: input→frame times, long tasks and the longest, in ms. */
export async function readLatency(
  page: Page,
): Promise<{ latency: number[]; long: number; longest: number }> {
  const latency = (await page.evaluate('window.__latency')) as number[];
  const long = Number(await page.evaluate('window.__long'));
  const longest = Number(await page.evaluate('window.__longest'));
  return { latency, long, longest };
}

/** The `p`th percentile of `values` (nearest rank), NaN when empty. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Drags `slider` with the mouse from 70 % of its width leftwards, in `moves` moves of 1.5 %. */
export async function dragSliderLeft(page: Page, slider: Locator, moves: number): Promise<void> {
  // In mid-screen, as a reader drags it: near the top the fixed navbar covers it.
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const box = await slider.boundingBox();
  expect(box, 'the slider has no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.7, y);
  await page.mouse.down();
  for (let i = 0; i <= moves; i++) await page.mouse.move(box.x + box.width * (0.7 - i * 0.015), y);
  await page.mouse.up();
}
