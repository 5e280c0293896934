// A static server for the built site, shared by `npm run serve` and the end-to-end tests.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * The Content-Security-Policy the build put in the meta tag of `dir`'s pages
 * (docs/.vuepress/contentSecurityPolicy.ts), or `null` for a build without one.
 *
 * @param {string} dir the built site
 * @returns {string | null}
 */
function builtPolicy(dir) {
  const home = readFileSync(join(dir, 'index.html'), 'utf8');
  return home.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i)?.[1] ?? null;
}

/**
 * The headers that make a page cross-origin isolated, which WebAssembly threads need (browsers
 * give `SharedArrayBuffer` to isolated pages only). Every file the site loads is its own, so
 * `require-corp` blocks nothing. README.md, "Serving it", has them for common static hosts.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Serves `dir` under `base` on 127.0.0.1, trying the next port when one is taken (port 0 = any),
 * with the build's Content-Security-Policy and (unless `isolation` is false, to play a host that
 * cannot set headers) the {@link ISOLATION_HEADERS} on every response.
 *
 * @param {{ dir: string, port?: number, base?: string, isolation?: boolean }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ dir, port = 0, base = '/', isolation = true }) {
  const prefix = `/${(base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  // gzip: sends the build's `.gz` copies (scripts/compress.mjs) to browsers that accept them.
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: true });
  // Also sent as a header: a meta tag does not reach the workers, which run under the header only.
  const policy = builtPolicy(dir);
  const server = createServer((req, res) => {
    if (policy) res.setHeader('Content-Security-Policy', policy);
    if (isolation) {
      for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    }
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) {
      res.writeHead(302, { Location: prefix });
      res.end();
      return;
    }
    req.url = `/${url.slice(prefix.length)}`;
    // sirv lists the files once; if a rebuild deletes one meanwhile, its read stream fails.
    // End that one response instead of letting the unhandled stream error stop the server.
    res.on('pipe', (source) => source.on('error', () => res.destroy()));
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    });
  });
  for (let attempt = 0; ; attempt += 1) {
    const tryPort = port === 0 ? 0 : port + attempt;
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(tryPort, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || attempt >= 20) throw error;
    }
  }
  const address = server.address();
  return {
    url: `http://localhost:${address.port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
