// Resource hints in each generated page's <head>, so that a phone on a slow network spends its
// first round trips on what the first screen shows (the text and its stylesheet) and fetches the
// code that makes the page interactive right after. The math fonts are not preloaded: on a slow
// network six of them (about 90 KB) delayed the text's stylesheet, and with it the first paint of
// the text, by 0.5–0.8 s in Lighthouse's mobile run; KaTeX's faces display `optional`
// (katexFontDisplay.ts), so a font that comes late is used from the next page on, never swapped in.
import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';

/**
 * Rewrites a built page's head: the app's module scripts (and their preloads) get
 * `fetchpriority="low"`, since the server-rendered text is readable without them.
 *
 * @param html a page as VuePress wrote it
 * @throws if the page has no module script to lower (a changed VuePress template)
 */
export function addPageHints(html: string): string {
  const hinted = html
    .replaceAll(
      '<link rel="modulepreload" href=',
      '<link rel="modulepreload" fetchpriority="low" href=',
    )
    .replace(/<script type="module"(?= )/, '<script type="module" fetchpriority="low"');
  if (!hinted.includes('<script type="module" fetchpriority="low"')) {
    throw new Error('pageHints: no <script type="module"> in a built page; update the plugin.');
  }
  return hinted;
}

/**
 * The plugin: lowers the priority of the app's scripts on every page. Must come before the PWA
 * plugin, whose service worker records each page's contents.
 */
export const pageHints = (): Plugin => ({
  name: 'contrastive:page-hints',
  async onGenerated(app) {
    for (const page of app.pages) {
      if (!page.htmlFilePathRelative) continue;
      const path = app.dir.dest(page.htmlFilePathRelative);
      await fs.writeFile(path, addPageHints(await fs.readFile(path, 'utf8')));
    }
  },
});
