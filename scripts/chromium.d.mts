// Types for scripts/chromium.mjs (a plain Node module, so the scripts run without a compiler).

/** Where the browser tests and benchmarks expect Chromium (CHROME_PATH, else /usr/bin/chromium). */
export const CHROMIUM_PATH: string;

/** The flags the guide prescribes for Debian's Chromium in a container. */
export const HEADLESS_FLAGS: string[];

/** Finds Chromium, installing Debian's package with apt-get when running as root. */
export function ensureChromium(): { ok: true; path: string } | { ok: false; message: string };

/** The Chromium path, or a message and exit code 1 when it is missing and cannot be installed. */
export function chromiumOrExit(): string;

/** Exits with a one-line message unless `dist` holds a built site. */
export function requireBuild(dist: string): void;
