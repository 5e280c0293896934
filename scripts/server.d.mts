// Types for scripts/server.mjs (a plain Node module, so `npm run serve` runs without a compiler).

/** The headers that make a page cross-origin isolated, which WebAssembly threads need. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>>;

/**
 * Serves `dir` under `base` on 127.0.0.1, trying the next port when one is taken (port 0 = any),
 * with the build's Content-Security-Policy and (unless `isolation` is false, to play a host that
 * cannot set headers) the cross-origin isolation headers on every response.
 */
export function startServer(options: {
  dir: string;
  port?: number;
  base?: string | undefined;
  isolation?: boolean;
}): Promise<{ url: string; close: () => Promise<void> }>;
