// Every theme variable the site's styles read without a fallback is one the default theme defines:
// a misspelt or borrowed name (VitePress's `--vp-c-brand-1`) resolves to nothing, and an SVG fill
// set from it turns black, invisible on the dark background.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The default theme's stylesheets, and its helper's colour palette. */
const THEME_STYLES = [
  'node_modules/@vuepress/theme-default/dist/client/styles',
  'node_modules/@vuepress/helper/dist/client/styles',
];
const SOURCES = ['components', 'docs/.vuepress/styles', 'src'];

/** The files under `dir` whose names end in one of `extensions`, recursively. */
function files(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .map((name) => join(dir, name));
}

/** The `--vp-…` custom properties that `css` declares. */
const declared = (css: string) => [...css.matchAll(/(--vp-[\w-]+)\s*:/g)].map(([, name]) => name);

describe('theme variables', () => {
  it('are all defined by the theme (or by the site) where read without a fallback', () => {
    const sources = SOURCES.flatMap((dir) =>
      files(join(root, dir), ['.vue', '.css', '.scss', '.ts']),
    );
    const defined = new Set([
      ...THEME_STYLES.flatMap((dir) => files(join(root, dir), ['.scss', '.css'])).flatMap((f) =>
        declared(readFileSync(f, 'utf8')),
      ),
      ...sources.flatMap((f) => declared(readFileSync(f, 'utf8'))),
    ]);
    expect(defined.has('--vp-c-accent'), 'the theme styles were not found').toBe(true);
    const undefinedReads = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--vp-[\w-]+)\s*\)/g)]
        .map(([, name]) => name)
        .filter((name) => !defined.has(name))
        .map((name) => `${file.slice(root.length)}: ${name}`),
    );
    expect(undefinedReads).toEqual([]);
  });
});
