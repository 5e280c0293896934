// The static diagrams: each is one labelled picture (role="img" with an aria-label that says what
// it shows) with a caption, draws the chapters' symbols, and its arrows point at markers that exist
// and are unique on a page that shows two diagrams.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import ClipLossDiagram from '../../../components/figures/ClipLossDiagram.vue';
import SimclrMatrixDiagram from '../../../components/figures/SimclrMatrixDiagram.vue';
import SimclrPipelineDiagram from '../../../components/figures/SimclrPipelineDiagram.vue';
import SimcseDropoutDiagram from '../../../components/figures/SimcseDropoutDiagram.vue';

/** The SVG's text as drawn, one string per <text> element (tspans joined). */
function texts(svg: Element): string[] {
  return [...svg.querySelectorAll('text')].map((t) =>
    (t.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe.each([
  {
    figure: SimclrPipelineDiagram,
    name: 'simclr-pipeline-diagram',
    label: /^The SimCLR pipeline\. .*encoder f.*projection head g.*NT-Xent.*2\(N − 1\)/,
    caption: /^SimCLR's pipeline\./,
    drawn: [
      'x',
      'x̃i',
      'x̃j',
      'encoder',
      'f',
      'hi',
      'hj',
      'head',
      'g',
      'zi',
      'zj',
      'maximise agreement',
      'NT-Xent loss at temperature τ',
    ],
  },
  {
    figure: SimclrMatrixDiagram,
    name: 'simclr-matrix-diagram',
    label: /^The 2N by 2N similarity matrix of a SimCLR batch, .*masked.*\(i, i \+ N\).*negative/,
    caption: /^The similarity matrix of one SimCLR batch, drawn for N = 4/,
    drawn: ['candidate view k', 'anchor view i', 'first views', 'second views', 'sik /τ'],
  },
  {
    figure: SimcseDropoutDiagram,
    name: 'simcse-dropout-diagram',
    label:
      /^Unsupervised SimCSE\. .*same encoder f θ twice.*mask μ, .*mask μ′.*positive pair.*negatives/,
    caption: /^Unsupervised SimCSE\. The same sentence goes through the same encoder twice/,
    drawn: [
      'xi',
      'fθ, mask μ',
      'fθ, mask μ′',
      'hiμ',
      'hiμ′',
      'hjμ′, j ≠ i',
      'positive pair',
      'negatives',
    ],
  },
  {
    figure: ClipLossDiagram,
    name: 'clip-loss-diagram',
    label:
      /^CLIP's loss for a batch of N pairs .*image encoder f I.*text encoder f T.*unit vectors u i and v j.*N by N matrix.*diagonal entries are the true pairs.*image-to-text.*text-to-image.*averages the two directions\.$/,
    caption: /^CLIP's loss for one batch, drawn for N = 4 pairs\./,
    drawn: [
      'N images xi',
      'N captions yj',
      'image encoder fI',
      'text encoder fT',
      '+ linear projection',
      '+ normalisation',
      'ui',
      'vj',
      'sij /τ',
      'u1',
      'v4',
      'row softmax',
      'image → text',
      'column softmax: text → image',
      'loss: the two directions, averaged',
    ],
  },
])('$name', ({ figure, name, label, caption, drawn }) => {
  it('is one labelled picture with a caption', () => {
    const wrapper = mount(figure);
    const root = wrapper.get('figure');
    expect(root.attributes('data-figure')).toBe(name);
    const svgs = wrapper.findAll('svg');
    expect(svgs).toHaveLength(1);
    const svg = svgs[0]!;
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-label')).toMatch(label);
    expect(wrapper.get('figcaption').text()).toMatch(caption);
  });

  it('draws the chapter’s symbols and labels', () => {
    const shown = texts(mount(figure).get('svg').element);
    for (const text of drawn) expect(shown, text).toContain(text);
  });

  it('scales down from a drawing about a phone column wide', () => {
    const [x, y, width] = mount(figure).get('svg').attributes('viewBox')!.split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(width).toBeLessThanOrEqual(360);
  });
});

describe('SimclrMatrixDiagram', () => {
  it('2N × 2N cells: the diagonal masked, positives at i ± N, every other cell a negative', () => {
    const cells = mount(SimclrMatrixDiagram).findAll('[data-kind]');
    expect(cells).toHaveLength(64);
    const kinds = cells.map((c) => c.attributes('data-kind'));
    kinds.forEach((kind, n) => {
      const [i, k] = [Math.floor(n / 8), n % 8];
      expect(kind, `cell (${i + 1}, ${k + 1})`).toBe(
        i === k ? 'masked' : Math.abs(i - k) === 4 ? 'positive' : 'negative',
      );
    });
  });
});

describe('SimcseDropoutDiagram', () => {
  it('the two passes drop different units', () => {
    const passes = mount(SimcseDropoutDiagram).findAll('[data-mask]');
    expect(passes.map((p) => p.attributes('data-mask'))).toEqual(['μ', 'μ′']);
    const dropped = passes.map((p) =>
      p.findAll('circle').map((c) => c.classes().includes('diagram__unit--dropped')),
    );
    expect(dropped[0]!.filter(Boolean)).toHaveLength(3);
    expect(dropped[1]!.filter(Boolean)).toHaveLength(3);
    expect(dropped[0]).not.toEqual(dropped[1]);
  });
});

describe('ClipLossDiagram', () => {
  it('N × N cells, images as rows and captions as columns: positives on the diagonal only', () => {
    const cells = mount(ClipLossDiagram).findAll('[data-kind]');
    expect(cells).toHaveLength(16);
    cells.forEach((cell, n) => {
      const [i, j] = [Math.floor(n / 4), n % 4];
      expect(cell.attributes('data-kind'), `cell (${i + 1}, ${j + 1})`).toBe(
        i === j ? 'positive' : 'negative',
      );
    });
  });

  it('outlines one row (image → text) and one column (text → image), each through a positive', () => {
    const wrapper = mount(ClipLossDiagram);
    const outline = (which: string) => {
      const el = wrapper.get(`[data-outline="${which}"]`);
      return ['x', 'y', 'width', 'height'].map((a) => Number(el.attributes(a)));
    };
    const [rx, ry, rw, rh] = outline('row');
    const [cx, cy, cw, ch] = outline('column');
    expect(rw).toBeGreaterThan(rh);
    expect(ch).toBeGreaterThan(cw);
    // The row spans every column, the column every row.
    expect(rw).toBeGreaterThanOrEqual(4 * rh);
    expect(ch).toBeGreaterThanOrEqual(4 * cw);
    const positives = wrapper
      .findAll('[data-kind="positive"] rect')
      .map((r) => [Number(r.attributes('x')), Number(r.attributes('y'))]);
    expect(positives.some(([, y]) => y === ry)).toBe(true);
    expect(positives.some(([x]) => x === cx)).toBe(true);
    expect(rx).toBeLessThan(cx);
    expect(cy).toBeLessThan(ry);
  });
});

describe('two diagrams on one page', () => {
  it('each arrow points at a marker of its own diagram, and no id repeats', () => {
    const page = mount(
      defineComponent({
        render: () => [
          h(SimclrPipelineDiagram),
          h(SimclrMatrixDiagram),
          h(SimcseDropoutDiagram),
          h(ClipLossDiagram),
        ],
      }),
    );
    const ids = page.findAll('marker').map((m) => m.attributes('id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const svg of page.findAll('svg')) {
      const own = new Set(svg.findAll('marker').map((m) => m.attributes('id')));
      const used = svg
        .findAll('[marker-end], [marker-start]')
        .flatMap((el) => [el.attributes('marker-end'), el.attributes('marker-start')])
        .filter((url): url is string => !!url)
        .map((url) => /^url\(#(.+)\)$/.exec(url)?.[1]);
      for (const id of used) expect(own.has(id!), `marker ${id}`).toBe(true);
    }
  });
});
