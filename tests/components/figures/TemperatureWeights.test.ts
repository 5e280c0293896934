// The temperature figure in happy-dom, on the CPU backend: paired bars, entropy, both limits,
// keyboard sliders, the number of negatives, URL state with notices, and no leaked tensors.
import '@tensorflow/tfjs-backend-cpu';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import TemperatureWeights from '../../../components/figures/TemperatureWeights.vue';
import * as live from '../../../components/figures/live/TemperatureWeightsLive.vue';
import TemperatureWeightsLive from '../../../components/figures/live/TemperatureWeightsLive.vue';
import { tf } from '../../../src/core/tf';
import {
  TEMPERATURE_SCHEMA,
  type TemperatureState,
} from '../../../src/settings/temperature-weights';
import { defaultValues } from '../../../src/settings/schema';
import { mountWithState, useCpuBackend } from './fake-frame';

useCpuBackend();

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

const mountLive = (overrides: Partial<TemperatureState> = {}) =>
  mountWithState(TemperatureWeightsLive, { ...defaultValues(TEMPERATURE_SCHEMA), ...overrides });

type Wrapper = ReturnType<typeof mountLive>;
const rows = (wrapper: Wrapper) => wrapper.findAll('li[data-negative]');
const weights = (wrapper: Wrapper, attr = 'data-weight') =>
  rows(wrapper).map((row) => Number(row.attributes(attr)));
const entropyOf = (wrapper: Wrapper) =>
  Number(wrapper.get('.temperature-weights').attributes('data-entropy'));

async function setTau(wrapper: Wrapper, tau: number) {
  await wrapper.setProps({ state: { ...wrapper.props('state'), tau } });
}

describe('TemperatureWeightsLive', () => {
  it('shows the worked example: paired bars, weights and entropy at τ = 1', () => {
    const wrapper = mountLive();
    expect(rows(wrapper)).toHaveLength(4);
    const w = weights(wrapper);
    expect(w.map((v) => Number(v.toFixed(2)))).toEqual([0.41, 0.28, 0.19, 0.12]);
    expect(weights(wrapper, 'data-simple-weight')).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(entropyOf(wrapper)).toBeCloseTo(1.29, 2);
    expect(wrapper.get('[data-value="entropy"]').text()).toContain('log 4 = 1.386');
    expect(rows(wrapper)[0].attributes('data-hardest')).toBe('');
    expect(rows(wrapper)[0].text()).toContain('InfoNCE 0.413');
    expect(rows(wrapper)[0].text()).toContain('simple 0.250');
  });

  it('shows the cold limit at τ = 0.01: one negative takes the weight, τ·L is the triplet loss', async () => {
    const wrapper = mountLive();
    await setTau(wrapper, 0.01);
    expect(weights(wrapper)[0]).toBeGreaterThan(0.95);
    expect(entropyOf(wrapper)).toBeLessThan(0.01);
    const cold = wrapper.get('[data-limit="cold"]').text();
    expect(cold).toContain('τ·L = 0.1000');
    expect(cold).toContain('= 0.1000');
  });

  it('splits the cold limit between tied hardest negatives: each tends to 1/2', async () => {
    const wrapper = mountLive({ s2: 0.9, tau: 0.01 });
    const [w1, w2] = weights(wrapper);
    expect(w1).toBeCloseTo(0.5, 2);
    expect(w2).toBeCloseTo(0.5, 2);
    expect(wrapper.get('[data-limit="cold"]').text()).toContain('(→ 1/2, shared by 2 tied)');
    const single = mountLive({ tau: 0.01 });
    expect(single.get('[data-limit="cold"]').text()).toContain('(→ 1)');
  });

  it('shows the hot limit at τ = 10: near-uniform weights, L close to its expansion', async () => {
    const wrapper = mountLive();
    await setTau(wrapper, 10);
    for (const w of weights(wrapper)) expect(Math.abs(w - 0.25)).toBeLessThan(0.02);
    expect(entropyOf(wrapper)).toBeGreaterThan(Math.log(4) - 0.01);
    const hot = wrapper.get('[data-limit="hot"]').text();
    expect(hot).toContain('L = 1.5704');
    expect(hot).toContain('= 1.5694');
  });

  it('moves a similarity with the keyboard and changes the number of negatives', async () => {
    const wrapper = mountLive();
    const second = rows(wrapper)[1].get('input[type="range"]');
    expect(rows(wrapper)[1].get('label').text()).toBe('Negative 2');
    await second.trigger('keydown', { key: 'ArrowRight' });
    expect(wrapper.props('state').s2).toBe(0.51);
    const count = wrapper.findAll('.temperature-weights__controls input[type="range"]')[2];
    await count.trigger('keydown', { key: 'ArrowRight' });
    await count.trigger('keydown', { key: 'ArrowRight' });
    expect(rows(wrapper)).toHaveLength(6);
    expect(weights(wrapper).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(weights(wrapper, 'data-simple-weight')[0]).toBeCloseTo(1 / 6, 6);
  });

  it('splits the weight between tied hardest negatives', async () => {
    const wrapper = mountLive({ s2: 0.9, tau: 0.01 });
    await nextTick();
    const w = weights(wrapper);
    expect(w[0]).toBeCloseTo(0.5, 4);
    expect(w[1]).toBeCloseTo(0.5, 4);
    expect(wrapper.findAll('li[data-hardest]')).toHaveLength(2);
  });

  it('leaves no tensor behind', async () => {
    const wrapper = mountLive();
    const before = tf.memory().numTensors;
    for (const tau of [0.01, 0.1, 3]) await setTau(wrapper, tau);
    wrapper.unmount();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('TemperatureWeights (figure)', () => {
  const FrameStub = defineComponent({
    setup(_, { slots }) {
      return () => h('div', slots.default?.({ module: live }));
    },
  });

  it('restores a shared link and explains what it corrected', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/?temp.tau=0.05&temp.count=6&temp.s5=2&temp.x=1');
    const wrapper = mount(TemperatureWeights, { global: { stubs: { DemoFrame: FrameStub } } });
    await nextTick();
    expect(wrapper.get('.temperature-weights').attributes('data-tau')).toBe('0.05');
    expect(wrapper.findAll('li[data-negative]')).toHaveLength(6);
    expect(wrapper.get('li[data-negative="5"]').attributes('data-similarity')).toBe('1');
    const notices = wrapper.get('[role="status"]').text();
    expect(notices).toContain('temp.s5=2');
    expect(notices).toContain('temp.x');
    await wrapper.get('[aria-label="Dismiss notices"]').trigger('click');
    expect(wrapper.get('[role="status"]').text()).toBe('');

    await wrapper.get('li[data-negative="1"] input').trigger('keydown', { key: 'Home' });
    vi.advanceTimersByTime(300);
    expect(new URLSearchParams(window.location.search).get('temp.s1')).toBe('-1');
    wrapper.unmount();
  });
});
