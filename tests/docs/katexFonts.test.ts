import { describe, expect, it } from 'vitest';
import { katexFontsUsed } from '../../docs/.vuepress/katexFonts';

const formula = (inner: string) =>
  `<p>Text <span class="katex"><span class="katex-html">${inner}</span></span></p>`;

describe('katexFontsUsed', () => {
  it('finds no font on a page without formulas', () => {
    expect(katexFontsUsed('<p class="mathnormal">Not math</p>')).toEqual([]);
  });

  it('always needs Main-Regular, and the fonts of the classes the formulas carry', () => {
    expect(katexFontsUsed(formula('<span class="mord">2</span>'))).toEqual(['Main-Regular']);
    const html = formula(
      '<span class="mord mathnormal">x</span><span class="mord mathcal">L</span><span class="mrel amsrm">≃</span>',
    );
    expect(katexFontsUsed(html)).toEqual([
      'Main-Regular',
      'Math-Italic',
      'AMS-Regular',
      'Caligraphic-Regular',
    ]);
  });

  it('reads sizeN as a delimiter font only beside delimsizing', () => {
    const script = formula('<span class="sizing reset-size6 size3 mtight">i</span>');
    expect(katexFontsUsed(script)).toEqual(['Main-Regular']);
    const delimiter = formula(
      '<span class="delimsizing size4">(</span><span class="mop op-symbol small-op">∑</span>',
    );
    expect(katexFontsUsed(delimiter)).toEqual(['Main-Regular', 'Size4-Regular', 'Size1-Regular']);
  });
});
