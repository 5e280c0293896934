// Diagnostics of the page's training on `window.__contrastiveTraining`, read by the e2e tests
// (tests/e2e/worker.e2e.ts, sphere-lab.e2e.ts) and handy in the console. Read-only: nothing here
// can change or stop training. (A test that needs a crashed worker makes the worker throw, through
// Playwright's handle on it.)
import type { Tfjs } from '../../src/core/backend';

/** What `window.__contrastiveTraining` offers. */
export interface TrainingHooks {
  /** Number of training workers alive. */
  workers(): number;
  /** Live tensors of the page's own tfjs (the main thread), or null before tfjs loaded. */
  mainThreadTensors(): number | null;
}

/** The page's open connections, by whether each runs in a worker. */
const open = new Map<object, { isWorker: boolean }>();
let pageTf: Tfjs | null = null;

/** Counts `connection` among the page's open ones until {@link forgetConnection}. */
export function trackConnection(connection: { isWorker: boolean }): void {
  open.set(connection, connection);
}

/** Stops counting `connection` (it was closed). */
export function forgetConnection(connection: { isWorker: boolean }): void {
  open.delete(connection);
}

/** Installs the hooks (once per page is enough; later calls update the page's tfjs). */
export function installTrainingHooks(tf: Tfjs): void {
  pageTf = tf;
  if (typeof window === 'undefined') return;
  const hooks: TrainingHooks = {
    workers: () => [...open.values()].filter((c) => c.isWorker).length,
    mainThreadTensors: () => pageTf?.memory().numTensors ?? null,
  };
  (window as unknown as { __contrastiveTraining: TrainingHooks }).__contrastiveTraining = hooks;
}
