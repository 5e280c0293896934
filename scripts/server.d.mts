// Types for scripts/server.mjs (a plain Node module, so `npm run serve` runs without a compiler).

/**
 * Serves `dir` under `base` on 127.0.0.1, trying the next port when one is taken (port 0 = any),
 * with the build's Content-Security-Policy as a header on every response.
 */
export function startServer(options: {
  dir: string;
  port?: number;
  base?: string | undefined;
}): Promise<{ url: string; close: () => Promise<void> }>;
