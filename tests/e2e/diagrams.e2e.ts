// The static diagrams on their chapters, on a 390 px phone in light and in dark mode: each is a
// picture with its accessible name and caption, fits the text column, keeps every piece of text
// at least 11 CSS px on screen, and draws its text in colours that contrast with the page (4.5:1)
// in that mode: the theme's variables, not fixed colours, set them.
import { expect, test } from './fixtures';

/** The smallest diagram text allowed on screen, in CSS px. */
const MIN_TEXT_PX = 11;
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

const DIAGRAMS = [
  { page: 'simclr.html', name: 'simclr-pipeline-diagram', label: /^The SimCLR pipeline\./ },
  {
    page: 'simclr.html',
    name: 'simclr-matrix-diagram',
    label: /^The 2N by 2N similarity matrix of a SimCLR batch/,
  },
  { page: 'simcse.html', name: 'simcse-dropout-diagram', label: /^Unsupervised SimCSE\./ },
  { page: 'moco.html', name: 'moco-queue-diagram', label: /^One MoCo step\./ },
  { page: 'clip.html', name: 'clip-loss-diagram', label: /^CLIP's loss for a batch of N pairs/ },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`at 390 px in ${scheme} mode, the diagrams fit, read at ${MIN_TEXT_PX} px or more and contrast with the page`, async ({
    open,
    newContext,
    note,
  }) => {
    const context = await newContext({
      viewport: { width: 390, height: 800 },
      colorScheme: scheme,
    });
    const problems: string[] = [];
    const sizes: string[] = [];
    for (const path of new Set(DIAGRAMS.map((d) => d.page))) {
      const { page } = await open(path, context);
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      expect(theme === scheme, `${path} opened in ${theme} mode, not ${scheme}`);
      for (const diagram of DIAGRAMS.filter((d) => d.page === path)) {
        const figure = page.locator(`figure[data-figure="${diagram.name}"]`);
        await figure.scrollIntoViewIfNeeded();
        await page.evaluate(() => document.fonts.ready);
        const picture = figure.getByRole('img', { name: diagram.label });
        expect(
          await picture.isVisible(),
          `${diagram.name}: no visible picture named ${diagram.label}`,
        );
        expect(
          ((await figure.locator('figcaption').textContent()) ?? '').trim().length > 40,
          `${diagram.name}: no caption`,
        );
        const m = await figure.evaluate((el) => {
          const svg = el.querySelector('svg')!;
          const shown = svg.getBoundingClientRect();
          const column = el.closest('[vp-content]')?.querySelector('#content') ?? el.parentElement!;
          const scale = shown.width / svg.viewBox.baseVal.width;
          const rgba = (css: string) => {
            const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
            return { r, g, b, a };
          };
          const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
            const lin = (c: number) => {
              const s = c / 255;
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
          };
          const over = (fg: ReturnType<typeof rgba>, bg: ReturnType<typeof rgba>) => ({
            r: fg.r * fg.a + bg.r * (1 - fg.a),
            g: fg.g * fg.a + bg.g * (1 - fg.a),
            b: fg.b * fg.a + bg.b * (1 - fg.a),
          });
          const contrast = (a: number, b: number) =>
            (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const page = rgba(getComputedStyle(document.body).backgroundColor);
          const cell = svg.querySelector('.diagram__positive');
          const accent = cell ? rgba(getComputedStyle(cell).fill) : page;
          const texts = [...svg.querySelectorAll<SVGElement>('text, tspan')].filter((t) =>
            (t.textContent ?? '').trim(),
          );
          const worst = texts
            .map((t) => {
              // Text on an accent cell is drawn in the page's colour; everything else on the page.
              const ground = t.closest('.diagram__on-accent') ? accent : page;
              const fill = rgba(getComputedStyle(t).fill);
              return {
                text: (t.textContent ?? '').trim(),
                ratio: contrast(luminance(over(fill, ground)), luminance(ground)),
              };
            })
            .sort((a, b) => a.ratio - b.ratio)[0]!;
          return {
            width: shown.width,
            column: column.getBoundingClientRect().width,
            smallest: Math.min(
              ...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
            ),
            worst,
          };
        });
        sizes.push(
          `${diagram.name} ${m.smallest.toFixed(1)} px, contrast ≥ ${m.worst.ratio.toFixed(1)}`,
        );
        if (m.width > m.column + 0.5) {
          problems.push(`${diagram.name}: ${m.width} px wide in a ${m.column} px column`);
        }
        if (!(m.smallest >= MIN_TEXT_PX)) {
          problems.push(`${diagram.name}: text of ${m.smallest.toFixed(1)} px on screen`);
        }
        if (!(m.worst.ratio >= MIN_CONTRAST)) {
          problems.push(`${diagram.name}: "${m.worst.text}" at ${m.worst.ratio.toFixed(2)}:1`);
        }
      }
      await page.close();
    }
    note(`${scheme}: ${sizes.join('; ')}`);
    expect(problems.length === 0, problems.join('\n'));
  });
}
