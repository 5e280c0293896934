import { describe, expect, it } from 'vitest';
import { addPageHints, fontPreloads, opensWithMath } from '../../docs/.vuepress/pageHints';

const blocks = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} costs $5.`);

describe('opensWithMath', () => {
  it('sees inline and display formulas among the first blocks', () => {
    expect(opensWithMath('---\ntitle: T\n---\n\n# T\n\nThe temperature $\\tau$ scales.\n')).toBe(
      true,
    );
    expect(opensWithMath('# T\n\nText.\n\n$$\nL = -\\log p\n$$\n')).toBe(true);
  });

  it('ignores prices, lone dollars and formulas further down', () => {
    expect(opensWithMath(['# T', ...blocks(3)].join('\n\n'))).toBe(false);
    expect(opensWithMath(['# T', ...blocks(12), 'Late $x$ here.'].join('\n\n'))).toBe(false);
  });

  it('counts blocks after the front matter', () => {
    const page = ['---\ntitle: T\n---', '# T', ...blocks(7), 'Then $x$.'].join('\n\n');
    expect(opensWithMath(page)).toBe(true);
  });
});

describe('addPageHints', () => {
  const page =
    '<html><head><link rel="modulepreload" href="/assets/app.js">' +
    '<link rel="modulepreload" href="/assets/page.js"><link rel="stylesheet" href="/assets/s.css">' +
    '</head><body><script type="module" src="/assets/app.js" defer></script></body></html>';

  it('lowers the priority of every module preload and of the entry script', () => {
    const html = addPageHints(page, '');
    expect(html.match(/<link rel="modulepreload" fetchpriority="low" href=/g)).toHaveLength(2);
    expect(html).toContain('<script type="module" fetchpriority="low" src="/assets/app.js" defer>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/s.css">');
  });

  it('adds the font links at the end of the head', () => {
    const link = '<link rel="preload" href="/assets/f.woff2" as="font">';
    expect(addPageHints(page, link)).toContain(`${link}</head>`);
  });

  it('refuses a page without a module script', () => {
    expect(() => addPageHints('<html><head></head><body></body></html>', '')).toThrow(/module/);
  });
});

describe('fontPreloads', () => {
  const fonts = new Map([
    ['Main-Regular', 'KaTeX_Main-Regular-B22Nviop.woff2'],
    ['Math-Italic', 'KaTeX_Math-Italic-t53AETM-.woff2'],
  ]);
  const page = '<span class="katex"><span class="mord mathnormal">x</span></span>';

  it('preloads each font the formulas use, under the base', () => {
    expect(fontPreloads(page, true, fonts, '/sub/')).toBe(
      '<link rel="preload" href="/sub/assets/KaTeX_Main-Regular-B22Nviop.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="preload" href="/sub/assets/KaTeX_Math-Italic-t53AETM-.woff2" as="font" type="font/woff2" crossorigin>',
    );
  });

  it('fetches them at low priority where the first screen has no math, and none without math', () => {
    expect(fontPreloads(page, false, fonts, '/').match(/fetchpriority="low"/g)).toHaveLength(2);
    expect(fontPreloads('<p>No math</p>', true, fonts, '/')).toBe('');
  });

  it('refuses a font missing from the build', () => {
    const bold = '<span class="katex"><span class="mord mathbf">x</span></span>';
    expect(() => fontPreloads(bold, true, fonts, '/')).toThrow(/Main-Bold/);
  });
});
