// KaTeX's fonts with `font-display: optional` instead of its `block`. With `block`, a formula laid
// out before its font has arrived is laid out in a fallback font (invisible) and again when the
// font arrives, which moves the text around it: a layout shift on the first screen of every page
// with math. With `optional`, a font that is there within about 100 ms of the first layout (from
// the cache or the service worker's precache, or a fast network) is used from the start; one that
// misses that moment is used from the next page on, never swapped in mid-read.
import type { Plugin } from 'vite';

/** KaTeX's stylesheet, as the math plugin imports it. */
const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/;

/** Its stylesheet with every `font-display` set to `optional`. */
export function withOptionalFontDisplay(css: string): string {
  return css.replace(/font-display:\s*block/g, 'font-display:optional');
}

/** The Vite plugin: rewrites KaTeX's stylesheet as it is loaded. */
export const katexFontDisplay = (): Plugin => ({
  name: 'contrastive:katex-font-display',
  enforce: 'pre',
  transform(code, id) {
    if (!KATEX_CSS.test(id.split('?')[0] ?? id)) return null;
    return { code: withOptionalFontDisplay(code), map: null };
  },
});
