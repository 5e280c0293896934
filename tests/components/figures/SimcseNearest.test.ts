// The trainer's nearest-neighbour panel in happy-dom: hostile queries (empty, 10,000 characters,
// emoji, right-to-left, HTML) are capped with a note, sent debounced, and shown only as text; a
// query with no known word gets a note instead of neighbours; before the first answer each list
// holds a row per neighbour.
// (The experiment that answers them is tested on WASM in tests/worker/simcse.test.ts.)
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SimcseNearest from '../../../components/figures/live/SimcseNearest.vue';
import { labelledSentences } from '../../../src/data/sentences';
import { SIMCSE_NEIGHBOURS, SIMCSE_QUERY_LIMIT } from '../../../src/settings/simcse';

afterEach(() => void vi.useRealTimers());

function mountPanel(arrays: Record<string, Float32Array> = {}, knownWords?: number) {
  vi.useFakeTimers();
  return mount(SimcseNearest, { attachTo: document.body, props: { arrays, step: 40, knownWords } });
}

type Panel = ReturnType<typeof mountPanel>;

/** Types `text`, waits out the debounce and returns the last query emitted. */
async function type(panel: Panel, text: string): Promise<string | undefined> {
  await panel.get('input').setValue(text);
  vi.advanceTimersByTime(1_000);
  const sent = panel.emitted('query') ?? [];
  return sent.at(-1)?.[0] as string | undefined;
}

describe('SimcseNearest', () => {
  it('sends the default query once typing stops', () => {
    const panel = mountPanel();
    vi.advanceTimersByTime(1_000);
    expect(panel.emitted('query')).toHaveLength(1);
    panel.unmount();
  });

  it('holds a row for every neighbour before the first answer, so the lists keep their height', () => {
    const panel = mountPanel();
    for (const key of ['before', 'after']) {
      const rows = panel.findAll(`[data-neighbours="${key}"] li`);
      expect(rows).toHaveLength(SIMCSE_NEIGHBOURS);
      expect(rows.map((row) => row.text())).toEqual(Array(SIMCSE_NEIGHBOURS).fill('–'));
    }
    panel.unmount();
  });

  it('asks for a query when it is empty', async () => {
    const panel = mountPanel();
    expect(await type(panel, '')).toBe('');
    expect(panel.find('[data-empty-note]').exists()).toBe(true);
    expect(panel.find('[data-neighbours]').exists()).toBe(false);
    panel.unmount();
  });

  it('explains, instead of listing neighbours, when no word of the query is known', async () => {
    const panel = mountPanel({}, 0);
    expect(await type(panel, '?!… ¿¡')).toBe('?!… ¿¡');
    expect(panel.get('[data-unknown-note]').text()).toMatch(
      /^No word of this query is in the encoder's vocabulary \(punctuation and symbols are ignored\)/,
    );
    expect(panel.find('[data-neighbours]').exists()).toBe(false);
    await panel.setProps({ knownWords: 2 });
    expect(panel.find('[data-unknown-note]').exists()).toBe(false);
    expect(panel.find('[data-neighbours]').exists()).toBe(true);
    panel.unmount();
  });

  it('caps 10,000 characters with a visible note', async () => {
    const panel = mountPanel();
    const sent = await type(panel, 'rain '.repeat(2_000));
    expect(sent).toHaveLength(SIMCSE_QUERY_LIMIT);
    expect(panel.get('[data-length-note]').text()).toContain('10,000');
    panel.unmount();
  });

  it('sends emoji and right-to-left text whole, HTML as text', async () => {
    const panel = mountPanel();
    for (const text of ['🌧️☔ 😀', 'مرحبا بالعالم', '<script>alert(1)</script><b>x</b>']) {
      expect(await type(panel, text)).toBe(text);
    }
    expect(document.querySelector('.simcse-nearest script, .simcse-nearest b')).toBeNull();
    panel.unmount();
  });

  it('lists the neighbours before and after, by corpus index, with their cosines', () => {
    const corpus = labelledSentences();
    const panel = mountPanel({
      beforeIndex: Float32Array.from([0, 1, 2, 3, 4]),
      beforeCosine: Float32Array.from([0.9, 0.8, 0.7, 0.6, 0.5]),
      afterIndex: Float32Array.from([10, 11, 12, 13, 14]),
      afterCosine: Float32Array.from([0.99, 0.5, 0.4, 0.3, 0.2]),
    });
    const before = panel.findAll('[data-neighbours="before"] li');
    const after = panel.findAll('[data-neighbours="after"] li');
    expect(before).toHaveLength(5);
    expect(before[0]!.text()).toContain(corpus[0]!.text);
    expect(after[0]!.text()).toContain('0.990');
    expect(after[0]!.text()).toContain(corpus[10]!.text);
    expect(panel.text()).toContain('Fine-tuned, after 40 steps');
    panel.unmount();
  });
});
