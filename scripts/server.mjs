// A static server for the built site, shared by `npm run serve` and the end-to-end tests.
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * Serves `dir` under `base` on 127.0.0.1, trying the next port when one is taken (port 0 = any).
 *
 * @param {{ dir: string, port?: number, base?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ dir, port = 0, base = '/' }) {
  const prefix = `/${(base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  // gzip: sends the build's `.gz` copies (scripts/compress.mjs) to browsers that accept them.
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: true });
  const server = createServer((req, res) => {
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
