// Resource hints in each generated page's <head>, so that a phone on a slow network spends its
// first round trips on what the first screen shows (the text, its stylesheet and the math fonts)
// and fetches the code that makes the page interactive right after.
import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';
import { katexFontsUsed } from './katexFonts';

/**
 * Top-level blocks a page lays out at once on a phone; styles/index.scss renders the later ones
 * only near the viewport, so their formulas fetch fonts only when the reader scrolls to them.
 */
const OPENING_BLOCKS = 9;

/**
 * Whether a page's markdown has a formula (`$…$` or `$$…$$`) among its first blocks, i.e. math on
 * the first screen, whose fonts the browser would otherwise request only after the stylesheet has
 * arrived and the page has been laid out.
 *
 * @param markdown the page source, front matter included or not
 */
export function opensWithMath(markdown: string): boolean {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim())
    .slice(0, OPENING_BLOCKS)
    .some((block) => /\$\$|\$[^$\s][^$\n]*\$/.test(block));
}

/**
 * Rewrites a built page's head: the app's module scripts (and their preloads) get
 * `fetchpriority="low"`, since the server-rendered text is readable without them; `fontLinks`
 * (preloads of the math fonts, or nothing) go in before the head closes.
 *
 * @param html a page as VuePress wrote it
 * @param fontLinks `<link rel="preload">` tags to add
 * @throws if the page has no module script to lower (a changed VuePress template)
 */
export function addPageHints(html: string, fontLinks: string): string {
  const hinted = html
    .replaceAll(
      '<link rel="modulepreload" href=',
      '<link rel="modulepreload" fetchpriority="low" href=',
    )
    .replace(/<script type="module"(?= )/, '<script type="module" fetchpriority="low"');
  if (!hinted.includes('<script type="module" fetchpriority="low"')) {
    throw new Error('pageHints: no <script type="module"> in a built page; update the plugin.');
  }
  return hinted.replace('</head>', `${fontLinks}</head>`);
}

/**
 * The `<link rel="preload">` tags of a page's math fonts: every KaTeX font its formulas use
 * (katexFonts.ts), so that no formula is laid out in a fallback font and again when its font
 * arrives, moving the text around it. On a page whose first screen has no math they are fetched
 * at low priority, after what that screen needs.
 *
 * @param fonts the fonts' file names, by KaTeX font (`Main-Regular` → `KaTeX_Main-Regular-….woff2`)
 * @throws if a font the page uses is not among `fonts` (a changed KaTeX)
 */
export function fontPreloads(
  html: string,
  opensWithFormula: boolean,
  fonts: ReadonlyMap<string, string>,
  base: string,
): string {
  const priority = opensWithFormula ? '' : ' fetchpriority="low"';
  return katexFontsUsed(html)
    .map((font) => {
      const file = fonts.get(font);
      if (!file) throw new Error(`pageHints: no KaTeX_${font} WOFF2 font among the built assets`);
      return `<link rel="preload" href="${base}assets/${file}" as="font" type="font/woff2" crossorigin${priority}>`;
    })
    .join('');
}

/** The built KaTeX WOFF2 fonts by KaTeX font: `Main-Regular` → `KaTeX_Main-Regular-<hash>.woff2`. */
const KATEX_WOFF2 = /^KaTeX_([A-Za-z0-9]+-[A-Za-z]+)-[\w-]+\.woff2$/;

/**
 * The plugin: preloads the KaTeX fonts each page's formulas use (at low priority on the pages
 * whose first screen has none) and lowers the priority of the app's scripts on every page. Must
 * come before the PWA plugin, whose service worker records each page's contents.
 */
export const pageHints = (): Plugin => {
  const mathPages = new Set<string>();
  return {
    name: 'contrastive:page-hints',
    extendsPage(page) {
      if (page.htmlFilePathRelative && opensWithMath(page.content)) {
        mathPages.add(page.htmlFilePathRelative);
      }
    },
    async onGenerated(app) {
      const fonts = new Map<string, string>();
      for (const file of await fs.readdir(app.dir.dest('assets'))) {
        const font = KATEX_WOFF2.exec(file)?.[1];
        if (font) fonts.set(font, file);
      }
      for (const page of app.pages) {
        if (!page.htmlFilePathRelative) continue;
        const path = app.dir.dest(page.htmlFilePathRelative);
        const html = await fs.readFile(path, 'utf8');
        const opens = mathPages.has(page.htmlFilePathRelative);
        await fs.writeFile(
          path,
          addPageHints(html, fontPreloads(html, opens, fonts, app.options.base)),
        );
      }
    },
  };
};
