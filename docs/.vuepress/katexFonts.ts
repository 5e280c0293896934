// Which of KaTeX's fonts a built page's formulas use, read from the classes KaTeX put on them, so
// the page can preload exactly those: a formula laid out before its font has arrived is laid out
// again when it does, and moves the text around it.

/**
 * KaTeX's font choices (katex/dist/katex.css): the classes an element carries → the font file it
 * is set in (the file's name up to its hash). Every formula is set in KaTeX_Main-Regular besides.
 */
const FONT_RULES: readonly { classes: readonly string[]; font: string }[] = [
  { classes: ['mathnormal'], font: 'Math-Italic' },
  { classes: ['boldsymbol'], font: 'Math-BoldItalic' },
  { classes: ['mathit'], font: 'Main-Italic' },
  { classes: ['textit'], font: 'Main-Italic' },
  { classes: ['mathbf'], font: 'Main-Bold' },
  { classes: ['textbf'], font: 'Main-Bold' },
  { classes: ['amsrm'], font: 'AMS-Regular' },
  { classes: ['mathbb'], font: 'AMS-Regular' },
  { classes: ['textbb'], font: 'AMS-Regular' },
  { classes: ['mathcal'], font: 'Caligraphic-Regular' },
  { classes: ['mathfrak'], font: 'Fraktur-Regular' },
  { classes: ['textfrak'], font: 'Fraktur-Regular' },
  { classes: ['mathtt'], font: 'Typewriter-Regular' },
  { classes: ['texttt'], font: 'Typewriter-Regular' },
  { classes: ['mathscr'], font: 'Script-Regular' },
  { classes: ['textscr'], font: 'Script-Regular' },
  { classes: ['mathsf'], font: 'SansSerif-Regular' },
  { classes: ['textsf'], font: 'SansSerif-Regular' },
  // `sizeN` alone is a font size (scripts carry it); with `delimsizing` it is a delimiter font.
  { classes: ['delimsizing', 'size1'], font: 'Size1-Regular' },
  { classes: ['delimsizing', 'size2'], font: 'Size2-Regular' },
  { classes: ['delimsizing', 'size3'], font: 'Size3-Regular' },
  { classes: ['delimsizing', 'size4'], font: 'Size4-Regular' },
  { classes: ['delim-size1'], font: 'Size1-Regular' },
  { classes: ['delim-size4'], font: 'Size4-Regular' },
  { classes: ['op-symbol', 'small-op'], font: 'Size1-Regular' },
  { classes: ['op-symbol', 'large-op'], font: 'Size2-Regular' },
];

const CLASS_ATTRIBUTE = /\sclass="([^"]*)"/g;

/**
 * The KaTeX fonts (`Main-Regular`, `Math-Italic`, …) the formulas of `html` are set in, in the
 * order of {@link FONT_RULES} after `Main-Regular`; none for a page without formulas.
 *
 * @param html a built page
 */
export function katexFontsUsed(html: string): string[] {
  const elements = [...html.matchAll(CLASS_ATTRIBUTE)].map(
    ([, value]) => new Set(value.split(/\s+/)),
  );
  if (!elements.some((classes) => classes.has('katex'))) return [];
  const fonts = new Set(['Main-Regular']);
  for (const { classes, font } of FONT_RULES) {
    if (elements.some((has) => classes.every((name) => has.has(name)))) fonts.add(font);
  }
  return [...fonts];
}
