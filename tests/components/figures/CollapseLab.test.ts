// The collapse lab's live part in happy-dom on the CPU backend (main-thread fallback, as happy-dom
// has no Worker): the controls follow the objective, a step fills the read-outs and the spectrum,
// a toggle writes the state, and unmounting frees every main-thread tensor.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CollapseLabLive from '../../../components/figures/live/CollapseLabLive.vue';
import { tf } from '../../../src/core/tf';
import { COLLAPSE_SCHEMA, type CollapseSettings } from '../../../src/settings/collapse';
import { defaultValues } from '../../../src/settings/schema';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';

useCpuBackend();

const errors: unknown[] = [];
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => {
  vi.restoreAllMocks();
  errors.length = 0;
});

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const defaults: CollapseSettings = { ...defaultValues(COLLAPSE_SCHEMA), dim: 8 };

function mountLive(state: CollapseSettings = defaults) {
  const wrapper = mount(CollapseLabLive, {
    attachTo: document.body,
    props: {
      state,
      onChange: (patch: Partial<CollapseSettings>) =>
        wrapper.setProps({ state: { ...wrapper.props('state'), ...patch } }),
    },
    global: withFrame(fakeFrame(errors)),
  });
  return wrapper;
}

const metric = (w: ReturnType<typeof mountLive>, name: string) =>
  w.find(`[data-metric="${name}"]`).attributes('data-value');

describe('CollapseLabLive', () => {
  it('shows the read-outs at step 0 and after a step, and the spectrum of d bars', async () => {
    const wrapper = mountLive();
    const root = () => wrapper.get('.collapse-lab');
    await until(() => metric(wrapper, 'std') !== undefined, 'the first read-outs');
    expect(root().attributes('data-eval-step')).toBe('0');
    expect(Number(metric(wrapper, 'std'))).toBeGreaterThan(0);
    expect(Number(metric(wrapper, 'rank'))).toBeGreaterThan(1);
    expect(metric(wrapper, 'knn')).toBe(metric(wrapper, 'knn-baseline'));
    expect(wrapper.get('svg.spectrum').attributes('data-bars')).toBe('8');
    expect(wrapper.text()).toContain('1/√d = 0.354');
    await wrapper.get('button[aria-label="Step once"]').trigger('click');
    await until(() => root().attributes('data-step') === '1', 'one step');
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('offers each objective its own controls, and the switches write the state', async () => {
    const wrapper = mountLive();
    const labels = () => wrapper.findAll('label').map((l) => l.text());
    expect(labels().some((t) => t.includes('Stop-gradient'))).toBe(true);
    expect(labels().some((t) => t.includes('Predictor'))).toBe(true);
    expect(wrapper.find('input[aria-label="Temperature τ"]').exists()).toBe(false);
    const stop = wrapper.findAll('input[type="checkbox"]')[0]!;
    await stop.setValue(false);
    expect(wrapper.props('state').stopgrad).toBe(false);
    await wrapper.setProps({ state: { ...wrapper.props('state'), objective: 'byol' } });
    expect(labels().some((t) => t.includes('Stop-gradient'))).toBe(false);
    expect(labels().some((t) => t.includes('Predictor'))).toBe(true);
    expect(wrapper.text()).toContain('Target momentum m');
    await wrapper.setProps({ state: { ...wrapper.props('state'), objective: 'barlow' } });
    expect(wrapper.text()).toContain('Off-diagonal weight λ');
    expect(labels().some((t) => t.includes('Predictor'))).toBe(false);
    await wrapper.setProps({ state: { ...wrapper.props('state'), objective: 'infonce' } });
    expect(wrapper.text()).toContain('Temperature τ');
    wrapper.unmount();
  });

  it('frees every main-thread tensor on unmount', async () => {
    const cycle = async () => {
      const wrapper = mountLive();
      const root = () => wrapper.get('.collapse-lab');
      await until(() => metric(wrapper, 'std') !== undefined, 'the first read-outs');
      await wrapper.get('button[aria-label="Step once"]').trigger('click');
      await until(() => root().attributes('data-step') === '1', 'one step');
      wrapper.unmount();
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await cycle(); // warms the cached constants, which are kept on purpose
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) await cycle();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
