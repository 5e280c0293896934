// A code chunk (a figure's code, TensorFlow.js, a backend) that failed to download. Browsers keep
// a failed module fetch in the page's module map, so importing the same file again fails without
// a request: only a page load fetches it again. What is left is to tell the reader why, and to
// reload the page once that can work: when the network is back, or for the build now deployed.

/** Why a chunk did not load: the network is down, or the site answers but no longer has it. */
export type ChunkFailure = 'offline' | 'updated';

// Chromium, Firefox, Safari, and Vite's preload of a chunk's CSS.
const CHUNK_LOAD_ERROR =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

/** Whether `reason` (an Error or its message) is a failed download of a code chunk. */
export function isChunkLoadError(reason: unknown): boolean {
  const message = reason instanceof Error ? reason.message : String(reason);
  return CHUNK_LOAD_ERROR.test(message);
}

/** Whether the server answers for this page (any status): the network works. */
async function siteAnswers(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a chunk failed: `offline` when the site does not answer; `updated` when it does, so the
 * chunk is gone from the server, which happens when a new build replaced the one this page
 * was loaded from.
 */
export async function diagnoseChunkFailure(): Promise<ChunkFailure> {
  return (await siteAnswers()) ? 'updated' : 'offline';
}

/** Reloads the page if the site answers; `false` (and no reload) while it does not. */
export async function reloadIfOnline(): Promise<boolean> {
  if (!(await siteAnswers())) return false;
  location.reload();
  return true;
}

let waitingForOnline = false;

/** Reloads the page when the browser is back online and the site answers (once per page). */
export function reloadWhenOnline(): void {
  if (waitingForOnline) return;
  waitingForOnline = true;
  window.addEventListener(
    'online',
    () => {
      waitingForOnline = false;
      void reloadIfOnline().then((reloaded) => reloaded || reloadWhenOnline());
    },
    { once: true },
  );
}
