// Puts serviceWorkerIsolation.sw.js at the top of the service worker the PWA plugin generates, so
// that a page the service worker serves is cross-origin isolated (and WebAssembly runs threaded)
// on hosts that cannot set response headers. The script says how it works with Workbox.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';

/** The service worker's file, as the PWA plugin names it by default. */
export const SERVICE_WORKER = 'service-worker.js';

/** Marks a service worker that already has the isolation (a second run must not add it twice). */
const MARK = '/* contrastive: cross-origin isolation */';

/** The isolation script, in a function scope of its own so its names meet none of Workbox's. */
export function isolationScript(): string {
  const code = readFileSync(new URL('./serviceWorkerIsolation.sw.js', import.meta.url), 'utf8');
  return `${MARK}\n(() => {\n${code}\n})();\n`;
}

/**
 * `serviceWorker` with the isolation script in front.
 *
 * @param serviceWorker the generated service worker
 * @throws if it is not Workbox's (the script relies on running before Workbox's listener)
 */
export function withIsolation(serviceWorker: string): string {
  if (serviceWorker.startsWith(MARK)) return serviceWorker;
  if (!/workbox/.test(serviceWorker)) {
    throw new Error(`${SERVICE_WORKER} is not Workbox's; update serviceWorkerIsolation.ts.`);
  }
  return isolationScript() + serviceWorker;
}

/** The plugin: must come after the PWA plugin, whose `onGenerated` writes the service worker. */
export const serviceWorkerIsolation = (): Plugin => ({
  name: 'contrastive:service-worker-isolation',
  async onGenerated(app) {
    const file = app.dir.dest(SERVICE_WORKER);
    await fs.writeFile(file, withIsolation(await fs.readFile(file, 'utf8')));
  },
});
