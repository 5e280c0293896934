// Finds Debian's Chromium for the browser tests, installing it with apt when we run as root, and
// the checks every browser script makes before it starts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The flags the guide prescribes for Debian's Chromium in a container, for tests and benchmarks. */
export const HEADLESS_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @returns {{ok: true, path: string} | {ok: false, message: string}} */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    return {
      ok: false,
      message: `Chromium not found at ${CHROMIUM_PATH}: run "sudo apt-get install -y chromium" (or set CHROME_PATH), then npm test again.`,
    };
  }
  console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status ===
      0;
  if (install && existsSync(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  return {
    ok: false,
    message: 'Installing chromium with apt-get failed: install it by hand, then npm test again.',
  };
}

/** The Chromium path, or a message and exit code 1 when it is missing and cannot be installed. */
export function chromiumOrExit() {
  const check = ensureChromium();
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  return check.path;
}

/** Exits with a message unless `dist` holds a built site. */
export function requireBuild(dist) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`No built site in ${dist}: run "npm run build" first.`);
    process.exit(1);
  }
}
