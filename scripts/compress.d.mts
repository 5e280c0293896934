// Types for scripts/compress.mjs (a plain Node module, so the build runs without a compiler).

/** Writes `name.gz` next to every compressible file in `dir`; see scripts/compress.mjs. */
export function precompress(dir: string): Promise<{ files: number; bytes: number }>;
