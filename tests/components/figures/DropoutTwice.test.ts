// The dropout figure's live part in happy-dom on the CPU backend: it waits for the pretrained
// encoder (a loading line, then a panel with Retry when the file is missing), shows exactly the
// views the SimCSE trainer trains on (same checkpoint, the trainer's p), and, fed hostile text,
// shows whatever the reader types as text, caps long input with a note, and gives cosine exactly
// 1 at p = 0.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DropoutTwiceLive from '../../../components/figures/live/DropoutTwiceLive.vue';
import { createSimcseSession } from '../../../src/core/text/simcse';
import { tf } from '../../../src/core/tf';
import { defaultSimcseData } from '../../../src/data/sentences';
import { SIMCSE_SCHEMA } from '../../../src/settings/simcse';
import { capText } from '../../../src/settings/text';
import { cosine, DROPOUT_TEXT_LIMIT } from '../../../src/support/dropout-twice';
import { loadSentenceEncoder } from '../../../src/worker/sentence-encoder';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';
import { checkpointResponse, serveCheckpoint } from './serve-checkpoint';

useCpuBackend();
afterEach(() => void vi.useRealTimers());

const serve = serveCheckpoint();

const errors: unknown[] = [];

/** Mounts the live part and waits until the figure (or the encoder's error panel) shows. */
async function mountLive() {
  const wrapper = mount(DropoutTwiceLive, {
    attachTo: document.body,
    global: withFrame(fakeFrame(errors)),
  });
  await vi.waitFor(() => expect(wrapper.find('[data-encoder="loading"]').exists()).toBe(false));
  await flushPromises();
  return wrapper;
}

type Wrapper = Awaited<ReturnType<typeof mountLive>>;

/** Types `text` and waits out the debounce. */
async function type(wrapper: Wrapper, text: string): Promise<void> {
  vi.useFakeTimers();
  await wrapper.get('textarea').setValue(text);
  vi.advanceTimersByTime(500);
  vi.useRealTimers();
  await flushPromises();
}

const cosineOf = (wrapper: Wrapper) => wrapper.get('.dropout-twice').attributes('data-cosine');

describe('capText and cosine', () => {
  it('keep short text, cap long text without splitting an emoji', () => {
    expect(capText('hi', DROPOUT_TEXT_LIMIT)).toEqual({ text: 'hi', typed: 2, truncated: false });
    const long = 'a'.repeat(DROPOUT_TEXT_LIMIT - 1) + '😀' + 'b';
    const capped = capText(long, DROPOUT_TEXT_LIMIT);
    expect(capped.truncated).toBe(true);
    expect(capped.text).toBe('a'.repeat(DROPOUT_TEXT_LIMIT - 1));
  });

  it('is exactly 1 for identical vectors and undefined for the zero vector', () => {
    const v = Float32Array.from([0.3, -1.7, 2.9, 1e-3]);
    expect(cosine(v, Float32Array.from(v))).toBe(1);
    expect(cosine(v, new Float32Array(4))).toBeNaN();
    expect(cosine([1, 0], [0, 1])).toBe(0);
  });
});

describe('DropoutTwiceLive', () => {
  // First: until now nothing has loaded the checkpoint (the page keeps it once loaded).
  it('says it is loading the encoder, explains a missing file and recovers on Retry', async () => {
    serve(() => new Response('Not found', { status: 404 }));
    const wrapper = mount(DropoutTwiceLive, {
      attachTo: document.body,
      global: withFrame(fakeFrame(errors)),
    });
    const loading = wrapper.get('[role="status"]');
    expect(loading.text()).toBe('Loading the pretrained encoder, 2.3 MB…');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toMatch(/^The pretrained sentence encoder did not load\./);
    expect(alert.text()).toContain('(HTTP 404)');
    expect(wrapper.find('textarea').exists()).toBe(false);

    serve(checkpointResponse);
    const retry = alert.get('button');
    expect(retry.text()).toBe('Retry');
    expect(retry.attributes('type')).toBe('button');
    await retry.trigger('click');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.get('[role="status"]').text()).toContain('Loading the pretrained encoder');
    await vi.waitFor(() => expect(wrapper.find('textarea').exists()).toBe(true));
    await flushPromises();
    expect(Number(cosineOf(wrapper))).toBeLessThan(1);
    wrapper.unmount();
    expect(errors).toEqual([]);
  });

  it('shows the trainer’s own views: its checkpoint, its dropout p and range', async () => {
    const wrapper = await mountLive();
    const slider = wrapper.get('input[type="range"]');
    const { dropout } = SIMCSE_SCHEMA;
    expect(Number((slider.element as HTMLInputElement).value)).toBe(dropout.default);
    expect(Number(slider.attributes('min'))).toBe(dropout.min);
    expect(Number(slider.attributes('max'))).toBe(dropout.max);
    // The trainer's session, from the same checkpoint: its two dropout passes of this sentence
    // (rows 0 and 1 of one batch, as the trainer's views are) with the figure's first masks.
    const session = createSimcseSession({
      data: defaultSimcseData(),
      checkpoint: await loadSentenceEncoder(),
    });
    const views = session.encode(
      ['A dog is running through the park.', 'A dog is running through the park.'],
      { dropout: dropout.default, seed: 1 },
    );
    const rows = (await views.array()).map((row) => Float32Array.from(row));
    views.dispose();
    session.dispose();
    expect(Number(cosineOf(wrapper))).toBeCloseTo(cosine(rows[0]!, rows[1]!), 6);
    wrapper.unmount();
  });

  it('gives two different views at p = 0.1 and identical ones at p = 0', async () => {
    const wrapper = await mountLive();
    const c = Number(cosineOf(wrapper));
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    await wrapper.get('input[type="range"]').setValue('0');
    await flushPromises();
    expect(Number(cosineOf(wrapper))).toBe(1);
    expect(wrapper.get('[data-metric="cosine"]').text()).toContain('identical');
    wrapper.unmount();
    expect(errors).toEqual([]);
  });

  it('explains an empty sentence instead of showing a number', async () => {
    const wrapper = await mountLive();
    await type(wrapper, '');
    expect(wrapper.find('[data-empty-note]').exists()).toBe(true);
    expect(cosineOf(wrapper)).toBe('');
    expect(wrapper.get('[data-metric="cosine"]').text()).toBe('undefined');
    wrapper.unmount();
  });

  it('caps 10,000 characters with a visible note and stays fast', async () => {
    const wrapper = await mountLive();
    await type(wrapper, 'word '.repeat(2_000));
    const note = wrapper.get('[data-length-note]');
    expect(note.text()).toContain('10,000');
    expect(Number(wrapper.get('.dropout-twice').attributes('data-tokens'))).toBe(32);
    expect(Number(cosineOf(wrapper))).toBeLessThan(1);
    wrapper.unmount();
  });

  it('shows HTML, emoji and right-to-left text as text', async () => {
    const wrapper = await mountLive();
    const hostile = '<script>alert(1)</script> <b>bold</b> 😀 مرحبا بالعالم';
    await type(wrapper, hostile);
    expect(document.querySelector('.dropout-twice script')).toBeNull();
    expect(document.querySelector('.dropout-twice b')).toBeNull();
    const tokens = wrapper.findAll('.dropout-twice__token').map((t) => t.text());
    expect(tokens.join(' ')).toContain('script');
    expect(tokens.some((t) => t.includes('😀'))).toBe(true);
    expect(tokens.some((t) => /[\u0600-\u06ff]/.test(t))).toBe(true);
    expect(Number.isFinite(Number(cosineOf(wrapper)))).toBe(true);
    wrapper.unmount();
    expect(errors).toEqual([]);
  });

  it('frees its weights on unmount', async () => {
    const before = tf.memory().numTensors;
    const wrapper = await mountLive();
    wrapper.unmount();
    expect(tf.memory().numTensors).toBe(before);
  });
});
