// How formulas and tables sit in the text on a narrow screen (two markdown-it rules):
//
// - Inline math keeps its punctuation. A browser may break a line at either side of an inline
//   formula (an inline block to the line breaker), so "$x$." could leave the full stop alone at
//   the start of the next line, and "($x$" an opening bracket alone at the end of one. The formula
//   and the punctuation touching it go in one `<span class="math-nowrap">`; the site's styles keep
//   that span on one line while a long formula can still break inside, where KaTeX allows.
// - Display formulas and tables sit in a `<ScrollBox>` (components/ui/ScrollBox.vue): one wider
//   than the column scrolls sideways inside its own box, which shows a fade at each edge it can
//   scroll to and takes keyboard focus, instead of being cut off at the column's edge.
import type { PluginSimple, Token } from 'markdown-it';
import type { Plugin } from 'vuepress/core';

/** Punctuation that must not start a line after a formula (closing brackets, stops, quotes, dashes). */
const TRAILING = /^[.,;:!?)\]}’”"'»%…\-–—]+/u;
/** Opening brackets and quotes that must not end a line before a formula. */
const LEADING = /[([{‘“"'«]+$/u;

/** The class of the span that keeps a formula and its punctuation on one line. */
export const NOWRAP_CLASS = 'math-nowrap';

/**
 * The markdown-it rule: wraps each inline formula (`math_inline`) together with the punctuation
 * that touches it, before (opening brackets, quotes) and after (stops, commas, closing brackets),
 * in `<span class="math-nowrap">`. A formula with no such punctuation is left as it is.
 */
export const mathPunctuation: PluginSimple = (md) => {
  md.core.ruler.push('math_punctuation', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const children = block.children;
      if (!children.some((t) => t.type === 'math_inline')) continue;
      const out: Token[] = [];
      const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
      for (let i = 0; i < children.length; i++) {
        const token = children[i];
        if (token.type !== 'math_inline') {
          out.push(token);
          continue;
        }
        let lead: Token | null = null;
        const prev = out.at(-1);
        const opening = prev?.type === 'text' ? LEADING.exec(prev.content) : null;
        if (prev && opening) {
          prev.content = prev.content.slice(0, -opening[0].length);
          if (!prev.content) out.pop();
          lead = text(opening[0]);
        }
        let trail: Token | null = null;
        const next = children[i + 1];
        const closing = next?.type === 'text' ? TRAILING.exec(next.content) : null;
        if (next && closing) {
          next.content = next.content.slice(closing[0].length);
          if (!next.content) i++;
          trail = text(closing[0]);
        }
        if (!lead && !trail) {
          out.push(token);
          continue;
        }
        const open = new state.Token('math_nowrap_open', 'span', 1);
        const close = new state.Token('math_nowrap_close', 'span', -1);
        out.push(open, ...(lead ? [lead] : []), token, ...(trail ? [trail] : []), close);
      }
      block.children = out;
    }
  });
  md.renderer.rules.math_nowrap_open = () => `<span class="${NOWRAP_CLASS}">`;
  md.renderer.rules.math_nowrap_close = () => '</span>';
};

/**
 * The markdown-it rule: puts each display formula (`math_block`, as the math plugin renders it)
 * and each table in a `<ScrollBox>` labelled "Formula" or "Table". Must run after the math
 * plugin, whose renderer it wraps.
 */
export const scrollBoxes: PluginSimple = (md) => {
  const rules = md.renderer.rules;
  const math = rules.math_block;
  if (math) {
    rules.math_block = (...args) => `<ScrollBox label="Formula">${math(...args)}</ScrollBox>\n`;
  }
  const tableOpen = rules.table_open;
  const tableClose = rules.table_close;
  rules.table_open = (tokens, idx, options, env, self) =>
    `<ScrollBox label="Table">${tableOpen ? tableOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)}`;
  rules.table_close = (tokens, idx, options, env, self) =>
    `${tableClose ? tableClose(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)}</ScrollBox>\n`;
};

/** The VuePress plugin; list it after the math plugin. */
export const markdownLayout = (): Plugin => ({
  name: 'contrastive:markdown-layout',
  extendsMarkdown(md) {
    md.use(mathPunctuation);
    md.use(scrollBoxes);
  },
});
