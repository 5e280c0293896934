// `npm run build`: builds the static site into docs/.vuepress/dist and FAILS when a page did not
// render cleanly. `vuepress build` exits 0 even when a page's server render throws (for example
// `window is not defined`), so its output is scanned for render errors and Vue warnings, and the
// built CSS for remote URLs (every asset must be bundled). Writes gzipped copies of the text files
// for the server (scripts/compress.mjs). Prints the build time and dist size.
// Set BASE=/sub/path/ to build for a sub-path.
import { spawn } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './compress.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(root, 'docs/.vuepress/dist');

/** Output lines that mean a page did not render as written. */
const RENDER_ERRORS = [
  /\b(window|document|navigator|self|location|localStorage) is not defined\b/,
  /\[Vue warn\]/,
  /\b(ReferenceError|TypeError|SyntaxError)\b/,
  /error (during|while) (rendering|render)|render(ing)? error|ssr error/i,
  /Unhandled error during execution/,
];

/** Remote URLs in CSS: fonts or images that would be fetched from another host. */
const REMOTE_CSS_URL = /url\(\s*['"]?(https?:)?\/\//i;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function runVuepress() {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vuepress/bin/vuepress.js'),
        'build',
        'docs',
        '--clean-cache',
        '--clean-temp',
      ],
      { cwd: root, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Components a page may use besides the figures: ours, and the theme's and VuePress's own. */
const GLOBAL_COMPONENTS = new Set([
  'DemoFrame',
  'ClientOnly',
  'Badge',
  'CodeGroup',
  'CodeGroupItem',
  'RouteLink',
  'AutoLink',
  'Content',
]);

/**
 * Pages whose markdown uses a component that does not exist. The production server render drops
 * an unknown component silently, so this is the only place the mistake would show.
 */
async function unknownComponents() {
  const figures = new Set(
    (await readdir(join(root, 'components/figures')))
      .filter((f) => f.endsWith('.vue'))
      .map((f) => f.slice(0, -4)),
  );
  const problems = [];
  for (const file of (await readdir(join(root, 'docs'))).filter((f) => f.endsWith('.md'))) {
    // Code blocks and inline code may show component names without using them.
    const text = (await readFile(join(root, 'docs', file), 'utf8')).replace(
      /```[\s\S]*?```|`[^`\n]*`/g,
      '',
    );
    for (const [, name] of text.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)) {
      if (!figures.has(name) && !GLOBAL_COMPONENTS.has(name)) {
        problems.push(
          `docs/${file} uses <${name} />, but components/figures/${name}.vue does not exist`,
        );
      }
    }
  }
  return problems;
}

const start = Date.now();
const { code, output } = await runVuepress();
const seconds = ((Date.now() - start) / 1000).toFixed(1);
const problems = await unknownComponents();
if (code !== 0) problems.push(`vuepress build exited with code ${code}`);
for (const line of output.split('\n')) {
  if (RENDER_ERRORS.some((pattern) => pattern.test(line))) problems.push(line.trim());
}

let bytes = 0;
let files = 0;
let gzipped = { files: 0, bytes: 0 };
if (code === 0) {
  gzipped = await precompress(DIST);
  for await (const path of walk(DIST)) {
    if (path.endsWith('.gz')) continue;
    bytes += (await stat(path)).size;
    files += 1;
    if (path.endsWith('.css') && REMOTE_CSS_URL.test(await readFile(path, 'utf8'))) {
      problems.push(`${relative(root, path)} refers to a remote URL; bundle the asset instead`);
    }
  }
}

if (problems.length > 0) {
  console.error(`\n✖ build failed after ${seconds} s:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `\n✔ built in ${seconds} s: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${relative(root, DIST)} (and ${gzipped.files} gzipped copies, ${(gzipped.bytes / 1024 / 1024).toFixed(1)} MB)`,
);
