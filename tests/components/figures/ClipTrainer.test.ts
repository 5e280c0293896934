// The CLIP trainer's parts in happy-dom. The retrieval panel: hostile queries (empty, unknown
// words, HTML, emoji, 10,000 characters) get a message of a fixed height — never an error — are
// sent debounced and capped, and shown only as text; it always holds one slot per picture. The
// logit map: a row-wise softmax, n × n cells, the diagonal marked, a caption per column.
// (The experiment that answers the queries is tested on WASM in tests/worker/clip.test.ts.)
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ClipLogitMap from '../../../components/figures/live/ClipLogitMap.vue';
import ClipRetrieval from '../../../components/figures/live/ClipRetrieval.vue';
import { CLIP_QUERY_LIMIT, CLIP_RETRIEVED } from '../../../src/settings/clip';

afterEach(() => void vi.useRealTimers());

function mountPanel(indices?: Float32Array) {
  vi.useFakeTimers();
  const scores = indices ? indices.map((_, k) => 0.9 - 0.1 * k) : undefined;
  return mount(ClipRetrieval, { attachTo: document.body, props: { indices, scores, step: 50 } });
}

type Panel = ReturnType<typeof mountPanel>;

/** Types `text`, waits out the debounce and returns the last query emitted. */
async function type(panel: Panel, text: string): Promise<string | undefined> {
  await panel.get('input').setValue(text);
  vi.advanceTimersByTime(1_000);
  return (panel.emitted('query') ?? []).at(-1)?.[0] as string | undefined;
}

const message = (panel: Panel) => panel.get('[data-message]');

describe('ClipRetrieval', () => {
  it('sends the default caption once typing stops, and holds a slot per picture', () => {
    const panel = mountPanel();
    vi.advanceTimersByTime(1_000);
    expect(panel.emitted('query')).toEqual([['a small red star on the left']]);
    const slots = panel.findAll('[data-retrieved]');
    expect(slots).toHaveLength(CLIP_RETRIEVED);
    expect(slots.every((s) => s.attributes('data-retrieved') === 'empty')).toBe(true);
    panel.unmount();
  });

  it('draws the retrieved pictures with their cosines', async () => {
    const panel = mountPanel(Float32Array.from([4, 1, 2, 3, 0, 5]));
    const slots = panel.findAll('[data-retrieved="picture"]');
    expect(slots).toHaveLength(CLIP_RETRIEVED);
    expect(slots[0]!.text()).toBe('0.90');
    expect(message(panel).attributes('data-message')).toBe('ok');
    panel.unmount();
  });

  it('asks for a caption when the query is empty', async () => {
    const panel = mountPanel(Float32Array.from([4, 1, 2, 3, 0, 5]));
    expect(await type(panel, '   ')).toBe('   ');
    expect(message(panel).attributes('data-message')).toBe('empty');
    expect(message(panel).text()).toMatch(/^Type a caption/);
    expect(panel.findAll('[data-retrieved="picture"]')).toHaveLength(0);
    panel.unmount();
  });

  it('lists unknown words as text, and retrieves nothing when no word is known', async () => {
    const panel = mountPanel(Float32Array.from([4, 1, 2, 3, 0, 5]));
    const html = '<img src=x onerror=alert(1)>';
    expect(await type(panel, html)).toBe(html);
    expect(message(panel).attributes('data-message')).toBe('unknown');
    expect(message(panel).text()).toContain('“img”, “src”, “x”, “onerror”, “alert”, “1”');
    expect(document.querySelector('img')).toBeNull();
    expect(panel.findAll('[data-retrieved="picture"]')).toHaveLength(0);
    expect(await type(panel, 'a red 🔴 star ✨')).toBe('a red 🔴 star ✨');
    expect(message(panel).attributes('data-message')).toBe('partial');
    expect(message(panel).text()).toMatch(
      /^3 known words\. Not in the vocabulary, so ignored: “🔴”, “✨”\./,
    );
    panel.unmount();
  });

  it('caps 10,000 characters and says only the start was read', async () => {
    const panel = mountPanel();
    const sent = await type(panel, 'blue ring '.repeat(1_001));
    expect(sent).toHaveLength(CLIP_QUERY_LIMIT);
    expect(message(panel).text()).toContain('Only the start of the text was read.');
    panel.unmount();
  });
});

describe('ClipLogitMap', () => {
  it('colours n × n cells by the row softmax, marks the diagonal, numbers the captions', () => {
    const n = 3;
    const logits = Float32Array.from([10, 0, 0, 0, 10, 0, 0, 0, 10]);
    const pairs = Array.from({ length: n }, (_, i) => ({
      pixels: new Float32Array(32 * 32 * 3),
      caption: `caption ${i}`,
    }));
    const map = mount(ClipLogitMap, { props: { n, logits, pairs, size: 32 } });
    const cells = map.findAll('[role="cell"]');
    expect(cells).toHaveLength(n * n);
    expect(map.findAll('.clip-map__cell--diagonal')).toHaveLength(n);
    expect(cells[0]!.attributes('title')).toBe('picture 1, caption 1: 100.0 %');
    expect(cells[1]!.attributes('title')).toBe('picture 1, caption 2: 0.0 %');
    expect(map.findAll('.clip-map__captions li').map((li) => li.text())).toEqual([
      'caption 0',
      'caption 1',
      'caption 2',
    ]);
    map.unmount();
  });
});
