import { katex } from '@mdit/plugin-katex-slim';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from 'vuepress/markdown';
import { mathPunctuation, scrollBoxes } from '../../docs/.vuepress/markdownLayout';

/**
 * VuePress's markdown with KaTeX set up as the math plugin sets it up (formulas in `v-pre`
 * elements), then the two rules. `output: 'mathml'` keeps each formula to one element whose TeX
 * source is easy to read back; the site's HTML-and-MathML output nests the same way.
 */
function render(source: string, output: 'mathml' | 'htmlAndMathml' = 'mathml'): string {
  const md = createMarkdown();
  md.use(katex, {
    output,
    transformer: (html: string) => html.replace(/^(<[a-z]+ )/, '$1v-pre '),
  });
  md.use(mathPunctuation);
  md.use(scrollBoxes);
  return md.render(source, {});
}

/** The text of each nowrap span, each formula written as ⟨its TeX source⟩. */
function nowrapSpans(html: string): string[] {
  const text = html
    .replace(/<math[\s\S]*?<annotation[^>]*>([\s\S]*?)<\/annotation><\/semantics><\/math>/g, '⟨$1⟩')
    .replace(/<span v-pre class="katex">(⟨[^⟩]*⟩)<\/span>/g, '$1')
    .replace(/&quot;/g, '"');
  return [...text.matchAll(/<span class="math-nowrap">(.*?)<\/span>/g)].map((m) => m[1]);
}

describe('mathPunctuation', () => {
  it('keeps a stop, a comma and a colon with the formula before them', () => {
    const html = render(
      'the gradient of $L$: $\\partial L / \\partial \\theta$. Then $(i, j)$, done',
    );
    expect(nowrapSpans(html)).toEqual(['⟨L⟩:', '⟨\\partial L / \\partial \\theta⟩.', '⟨(i, j)⟩,']);
    expect(html).toContain('</span> Then ');
  });

  it('keeps an opening bracket with the formula after it, and the closing one with the last', () => {
    const html = render('is severe ($64.0$ at $\\tau = 1$). A hot loss');
    expect(nowrapSpans(html)).toEqual(['(⟨64.0⟩', '⟨\\tau = 1⟩).']);
    // The words around stay outside, free to wrap.
    expect(html).toMatch(/is severe <span class="math-nowrap">\(/);
    expect(html).toMatch(/<\/span>\)\.<\/span> A hot loss/);
    // With the site's output too: KaTeX's HTML and MathML both inside the span.
    expect(
      render('severe ($64.0$ at').match(/<span class="math-nowrap">\(<span v-pre class="katex">/),
    ).toBeTruthy();
  });

  it('takes only the punctuation that touches the formula', () => {
    const html = render('a $x$ , b $y$-NN and "$z$" ok');
    expect(nowrapSpans(html)).toEqual(['⟨y⟩-', '"⟨z⟩"']);
    expect(html).toContain('NN and ');
  });

  it('leaves a formula with no punctuation next to it alone', () => {
    const html = render('between $a$ and $b$ only');
    expect(html).not.toContain('math-nowrap');
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  it('handles formulas that touch each other through punctuation', () => {
    const html = render('pairs $a$,$b$; then ($c$)($d$)');
    expect(nowrapSpans(html)).toEqual(['⟨a⟩,', '⟨b⟩;', '(⟨c⟩)', '(⟨d⟩)']);
  });

  it('works inside emphasis, lists and table cells', () => {
    const html = render('- *weight $w$.*\n\n| a | b |\n| - | - |\n| $x$, | y |\n');
    expect(nowrapSpans(html)).toEqual(['⟨w⟩.', '⟨x⟩,']);
  });
});

describe('scrollBoxes', () => {
  it('puts every display formula in a ScrollBox labelled Formula', () => {
    const html = render('Text.\n\n$$\nL = -\\log p\n$$\n\nMore.', 'htmlAndMathml');
    expect(html).toMatch(
      /<ScrollBox label="Formula"><p v-pre class='katex-block'><span class="katex-display">[\s\S]*<\/p>\n<\/ScrollBox>/,
    );
  });

  it('puts every table in a ScrollBox labelled Table', () => {
    const html = render('| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html.trim()).toMatch(
      /^<ScrollBox label="Table"><table>[\s\S]*<\/table>\n<\/ScrollBox>$/,
    );
  });
});
