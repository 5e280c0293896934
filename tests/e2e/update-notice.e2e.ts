// A returning reader, whose page a service worker controls, is told when a new build's service
// worker is installed and waiting, and "Reload" shows the new build. The test serves its own copy
// of the site, so it can deploy "build B" (a service worker that differs by a comment, as any new
// build's does) on the same origin.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/server.mjs';
import { expect, test } from './fixtures';

test('a new build is announced to a returning reader, and "Reload" loads it', async ({
  newContext,
  baseUrl,
}) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'contrastive-update-'));
  await cp(process.env.DIST ?? join(process.cwd(), 'docs/.vuepress/dist'), dir, {
    recursive: true,
  });
  const base = new URL(baseUrl).pathname;
  let server = await startServer({ dir, base });
  try {
    const context = await newContext();
    const page = await context.newPage();
    // The fixtures' watch expects the suite's server; this page's errors are checked here.
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker || worker.state === 'activated') return;
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    });
    const port = Number(new URL(server.url).port);
    await server.close();
    await appendFile(join(dir, 'service-worker.js'), '\n// build B\n');
    // The server would send the build's gzipped copy, still build A's.
    await rm(join(dir, 'service-worker.js.gz'), { force: true });
    server = await startServer({ dir, base, port });
    expect(new URL(server.url).port === String(port), `build B is served on another port`);

    await page.reload({ waitUntil: 'load' });
    const notice = page.getByRole('status').filter({ hasText: 'A new version of this site' });
    await notice.waitFor({ timeout: 60_000 });
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    const waiting = await page.evaluate(
      async () => !!(await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(!waiting, 'the new service worker still waits after "Reload"');
    expect(problems.length === 0, `console errors: ${problems.join('\n')}`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
