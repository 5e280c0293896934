// Gzipped copies of the built site's text files (`app.js` → `app.js.gz`), which scripts/server.mjs
// sends to browsers that accept gzip, as any production web server compresses text. Without them
// a phone on a slow connection downloads the page, its CSS and its JavaScript at full size.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Files that compress well: markup, styles, scripts, WebAssembly, SVG, JSON. */
const COMPRESSIBLE = /\.(html|css|js|mjs|wasm|svg|json|webmanifest|txt|xml)$/;

/** Files this small gain less than the response headers cost. */
const MIN_BYTES = 1024;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Writes `name.gz` next to every compressible file in `dir` (recursively) that gzip shrinks by at
 * least a tenth, replacing older copies.
 *
 * @param {string} dir the built site
 * @returns {Promise<{ files: number, bytes: number }>} how many copies were written, and their size
 */
export async function precompress(dir) {
  let files = 0;
  let bytes = 0;
  for await (const path of walk(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const raw = await readFile(path);
    if (raw.length < MIN_BYTES) continue;
    const packed = await gzipAsync(raw, { level: 9 });
    if (packed.length > raw.length * 0.9) continue;
    await writeFile(`${path}.gz`, packed);
    files += 1;
    bytes += packed.length;
  }
  return { files, bytes };
}
