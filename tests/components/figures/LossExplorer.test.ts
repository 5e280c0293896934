// The loss explorer in happy-dom, on the CPU backend: handles, readings, keyboard and pointer
// dragging, τ, URL state with notices, and no leaked tensors.
import '@tensorflow/tfjs-backend-cpu';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import LossExplorer from '../../../components/figures/LossExplorer.vue';
import * as live from '../../../components/figures/live/LossExplorerLive.vue';
import LossExplorerLive from '../../../components/figures/live/LossExplorerLive.vue';
import { tf } from '../../../src/core/tf';
import {
  LOSS_EXPLORER_NAMESPACE,
  LOSS_EXPLORER_SCHEMA,
  type LossExplorerState,
} from '../../../src/settings/loss-explorer';
import { defaultValues } from '../../../src/settings/schema';
import { mountWithState, useCpuBackend } from './fake-frame';

useCpuBackend();

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

/** Mounts the live part with a state it updates itself, as the figure around it does. */
const mountLive = (overrides: Partial<LossExplorerState> = {}) =>
  mountWithState(
    LossExplorerLive,
    { ...defaultValues(LOSS_EXPLORER_SCHEMA), ...overrides },
    { attachTo: document.body },
  );

const numberAttr = (el: { attributes(name: string): string | undefined }, name: string) =>
  Number(el.attributes(name));

function negativeWeights(wrapper: ReturnType<typeof mountLive>): number[] {
  return wrapper.findAll('tr[data-weight]').map((row) => numberAttr(row, 'data-weight'));
}

describe('LossExplorerLive', () => {
  it('shows every point as a labelled slider handle and a table row', () => {
    const wrapper = mountLive();
    const handles = wrapper.findAll('[role="slider"][data-handle]');
    expect(handles.map((h) => h.attributes('aria-label'))).toEqual([
      'Anchor',
      'Positive',
      'Negative 1',
      'Negative 2',
      'Negative 3',
      'Negative 4',
      'Negative 5',
    ]);
    expect(handles.every((h) => h.attributes('tabindex') === '0')).toBe(true);
    expect(handles[2].attributes('aria-valuenow')).toBe('130');
    expect(handles[2].attributes('aria-valuetext')).toBe('130°, similarity to the anchor 0.77');
    expect(wrapper.findAll('tbody tr')).toHaveLength(7);
    const weights = negativeWeights(wrapper);
    expect(weights).toHaveLength(5);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const probabilities = wrapper
      .findAll('tr[data-probability]')
      .map((row) => numberAttr(row, 'data-probability'));
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const loss = numberAttr(wrapper.get('.loss-explorer'), 'data-loss');
    expect(loss).toBeCloseTo(-Math.log(probabilities[0]), 4);
    expect(wrapper.get('[data-value="loss"]').text()).toBe(loss.toFixed(3));
    expect(wrapper.text()).toContain('descent direction −∂L/∂θ');
    // One arrow per point, and the non-zero ones are drawn.
    expect(wrapper.findAll('path[data-arrow]')).toHaveLength(7);
    expect(wrapper.get('path[data-arrow="n1"]').attributes('d')).toMatch(/^M/);
    wrapper.unmount();
  });

  it('moves a point with the arrow keys and changes the loss', async () => {
    const wrapper = mountLive();
    const before = numberAttr(wrapper.get('.loss-explorer'), 'data-loss');
    const handle = wrapper.get('[data-handle="n1"]');
    await handle.trigger('keydown', { key: 'ArrowDown' });
    await handle.trigger('keydown', { key: 'PageDown' });
    expect(wrapper.props('state').n1).toBe(108);
    expect(wrapper.get('[data-handle="n1"]').attributes('aria-valuenow')).toBe('108');
    // n1 moved towards the anchor at 90°: harder negative, larger loss.
    expect(numberAttr(wrapper.get('.loss-explorer'), 'data-loss')).toBeGreaterThan(before);
    await handle.trigger('keydown', { key: 'Tab' });
    expect(wrapper.props('state').n1).toBe(108);
    wrapper.unmount();
  });

  it('drags a point with the pointer to the pointer’s angle', async () => {
    const wrapper = mountLive();
    const svg = wrapper.get('svg');
    vi.spyOn(svg.element, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 300,
      height: 300,
      right: 300,
      bottom: 300,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    await wrapper
      .get('[data-handle="n3"]')
      .trigger('pointerdown', { pointerId: 1, button: 0, clientX: 50, clientY: 150 });
    // Up and to the right of the centre (150, 150): 45°.
    await svg.trigger('pointermove', { pointerId: 1, clientX: 250, clientY: 50 });
    expect(wrapper.props('state').n3).toBe(45);
    await svg.trigger('pointerup', { pointerId: 1 });
    await svg.trigger('pointermove', { pointerId: 1, clientX: 250, clientY: 250 });
    expect(wrapper.props('state').n3).toBe(45);
    wrapper.unmount();
  });

  it('gives the hardest negative almost all the weight at τ = 0.01', async () => {
    const wrapper = mountLive();
    await wrapper.setProps({ state: { ...wrapper.props('state'), tau: 0.01 } });
    const hardest = wrapper.get('tr[data-hardest]');
    expect(hardest.attributes('data-point')).toBe('n1');
    expect(numberAttr(hardest, 'data-weight')).toBeGreaterThan(0.95);
    wrapper.unmount();
  });

  it('sets τ from its slider and leaves no tensor behind', async () => {
    const wrapper = mountLive();
    const before = tf.memory().numTensors;
    const slider = wrapper.get('input[type="range"]');
    for (let i = 0; i < 5; i++) await slider.trigger('keydown', { key: 'PageDown' });
    expect(wrapper.props('state').tau).toBeLessThan(0.5);
    wrapper.unmount();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('LossExplorer (figure)', () => {
  // Renders the frame's slot at once with the live module, as DemoFrame does once ready.
  const FrameStub = defineComponent({
    setup(_, { slots }) {
      return () => h('div', slots.default?.({ module: live }));
    },
  });

  it('restores a shared link, explains what it corrected and writes changes back', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/?loss.tau=0.001&loss.n2=45&loss.anchor=oops');
    const wrapper = mount(LossExplorer, {
      attachTo: document.body,
      global: { stubs: { DemoFrame: FrameStub } },
    });
    await nextTick();
    expect(wrapper.get('[data-handle="n2"]').attributes('aria-valuenow')).toBe('45');
    expect(wrapper.get('[data-handle="anchor"]').attributes('aria-valuenow')).toBe('90');
    expect(wrapper.get('.loss-explorer').attributes('data-tau')).toBe('0.01');
    const notices = wrapper.get('[role="status"]').text();
    expect(notices).toContain('loss.tau=0.001');
    expect(notices).toContain('loss.anchor=oops');

    await wrapper.get('[data-handle="positive"]').trigger('keydown', { key: 'ArrowUp' });
    vi.advanceTimersByTime(300);
    const params = new URLSearchParams(window.location.search);
    expect(params.get(`${LOSS_EXPLORER_NAMESPACE}.positive`)).toBe('67');
    expect(params.get('loss.n2')).toBe('45');

    await wrapper.get('.loss-explorer__reset').trigger('click');
    expect(wrapper.get('[data-handle="positive"]').attributes('aria-valuenow')).toBe('65');
    wrapper.unmount();
  });
});
