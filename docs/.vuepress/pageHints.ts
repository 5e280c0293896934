// Resource hints in each generated page's <head>, so that a phone on a slow network spends its
// first round trips on what the first screen shows (the text, its stylesheet and the math fonts)
// and fetches the code that makes the page interactive right after.
import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';

/** The KaTeX fonts almost every formula uses: upright letters, digits, operators; italic variables. */
const COMMON_FONTS = /^KaTeX_(Main-Regular|Math-Italic)-[\w-]+\.woff2$/;

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
 * The plugin: preloads KaTeX's two common fonts on the pages that open with math (they load
 * alongside the stylesheet instead of after it) and lowers the priority of the app's scripts on
 * every page. Must come before the PWA plugin, whose service worker records each page's contents.
 *
 * @throws at build time if the two fonts are not among the built assets (a changed KaTeX)
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
      const fonts = (await fs.readdir(app.dir.dest('assets'))).filter((f) => COMMON_FONTS.test(f));
      if (fonts.length !== 2) {
        throw new Error(
          `pageHints: expected KaTeX_Main-Regular and KaTeX_Math-Italic, found ${fonts}`,
        );
      }
      const fontLinks = fonts
        .map(
          (font) =>
            `<link rel="preload" href="${app.options.base}assets/${font}" as="font" type="font/woff2" crossorigin>`,
        )
        .join('');
      for (const page of app.pages) {
        if (!page.htmlFilePathRelative) continue;
        const path = app.dir.dest(page.htmlFilePathRelative);
        const html = await fs.readFile(path, 'utf8');
        const links = mathPages.has(page.htmlFilePathRelative) ? fontLinks : '';
        await fs.writeFile(path, addPageHints(html, links));
      }
    },
  };
};
