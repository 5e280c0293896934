// The dropout figure's live part in happy-dom on the CPU backend, fed hostile text: whatever the
// reader types is shown as text, long input is capped with a note, p = 0 gives cosine exactly 1.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DropoutTwiceLive from '../../../components/figures/live/DropoutTwiceLive.vue';
import { tf } from '../../../src/core/tf';
import { capText } from '../../../src/settings/text';
import { cosine, DROPOUT_TEXT_LIMIT } from '../../../src/support/dropout-twice';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';

useCpuBackend();
afterEach(() => void vi.useRealTimers());

const errors: unknown[] = [];

function mountLive() {
  return mount(DropoutTwiceLive, { attachTo: document.body, global: withFrame(fakeFrame(errors)) });
}

type Wrapper = ReturnType<typeof mountLive>;

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
  it('gives two different views at p = 0.1 and identical ones at p = 0', async () => {
    const wrapper = mountLive();
    await flushPromises();
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
    const wrapper = mountLive();
    await type(wrapper, '');
    expect(wrapper.find('[data-empty-note]').exists()).toBe(true);
    expect(cosineOf(wrapper)).toBe('');
    expect(wrapper.get('[data-metric="cosine"]').text()).toBe('undefined');
    wrapper.unmount();
  });

  it('caps 10,000 characters with a visible note and stays fast', async () => {
    const wrapper = mountLive();
    await type(wrapper, 'word '.repeat(2_000));
    const note = wrapper.get('[data-length-note]');
    expect(note.text()).toContain('10,000');
    expect(Number(wrapper.get('.dropout-twice').attributes('data-tokens'))).toBe(32);
    expect(Number(cosineOf(wrapper))).toBeLessThan(1);
    wrapper.unmount();
  });

  it('shows HTML, emoji and right-to-left text as text', async () => {
    const wrapper = mountLive();
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
    const wrapper = mountLive();
    await flushPromises();
    wrapper.unmount();
    expect(tf.memory().numTensors).toBe(before);
  });
});
