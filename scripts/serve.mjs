// `npm run serve`: serves the built site (docs/.vuepress/dist) on localhost and prints its URL.
// PORT picks the port (default 8080; the next free one is used if it is taken); BASE must match
// the one the site was built with. The pages are cross-origin isolated (scripts/server.mjs), so
// WebAssembly runs threaded; ISOLATION=off serves them as a host that cannot set headers would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const dist = fileURLToPath(new URL('../docs/.vuepress/dist', import.meta.url));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(
    'No built site in docs/.vuepress/dist: run "npm run build" first (or "npm start").',
  );
  process.exit(1);
}
const { url } = await startServer({
  dir: dist,
  port: Number(process.env.PORT) || 8080,
  base: process.env.BASE,
  isolation: process.env.ISOLATION !== 'off',
});
console.log(`Contrastive is being served at ${url}  (Ctrl+C to stop)`);
