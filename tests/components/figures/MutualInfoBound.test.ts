// The mutual-information figure's live part in happy-dom on the CPU backend. happy-dom has no Web
// Worker, so its experiment (src/worker/experiments/mi.ts) runs on the main-thread fallback, the
// same code as in the worker: sliders from the schema, the sweep's numbers (those of
// src/core/mi-session.ts for the seed), a training step, settings changes, and no tensors left
// behind.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MutualInfoBoundLive from '../../../components/figures/live/MutualInfoBoundLive.vue';
import { CriticTraining, createSweep } from '../../../src/core/mi-session';
import { tf } from '../../../src/core/tf';
import { MI_SCHEMA, type MutualInfoSettings } from '../../../src/settings/mutual-info';
import { defaultValues } from '../../../src/settings/schema';
import { optimalSweep } from '../../../src/worker/experiments/mi';
import { fakeFrame, mountWithState, useCpuBackend } from './fake-frame';

useCpuBackend();
// The fallback explains itself on the console too; keep the test output readable.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

function mountLive(overrides: Partial<MutualInfoSettings> = {}) {
  const errors: unknown[] = [];
  const state = { ...defaultValues(MI_SCHEMA), ...overrides };
  const wrapper = mountWithState(MutualInfoBoundLive, state, { frame: fakeFrame(errors) });
  return { wrapper, errors };
}
type Wrapper = ReturnType<typeof mountLive>['wrapper'];

const attr = (wrapper: Wrapper, name: string) => wrapper.get('.mi-bound').attributes(name);

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
  }
}

describe('MutualInfoBoundLive', () => {
  it('binds its sliders to the schema: N on a log scale, ρ and d linear', () => {
    const { wrapper } = mountLive();
    const inputs = wrapper.findAll('.mi-bound__controls input[type="range"]');
    expect(inputs.map((i) => [i.attributes('min'), i.attributes('max')])).toEqual([
      [String(Math.log10(2)), String(Math.log10(1024))],
      ['0', '0.99'],
      ['1', '8'],
    ]);
    expect(wrapper.get('.mi-bound__controls output').text()).toBe('64');
    wrapper.unmount();
  });

  it('sweeps N with the numbers of the core for its seed, and trains one step', async () => {
    const { wrapper, errors } = mountLive({ rho: 0.8, dim: 2, seed: 3 });
    await until(() => attr(wrapper, 'data-mode') === 'main', 'the main-thread fallback');
    expect(wrapper.get('[role="alert"]').text()).toMatch(/main thread/);
    await until(() => Number(attr(wrapper, 'data-sweep-count')) === 10, 'the sweep', 60_000);
    const estimateAt = createSweep({ rho: 0.8, dim: 2 }, 3);
    const rows = wrapper.findAll('tbody tr');
    for (const row of rows) {
      const n = Number(row.attributes('data-n'));
      expect(Number(row.attributes('data-estimate'))).toBe(await estimateAt(n));
    }
    expect(rows[0]!.findAll('td').map((td) => td.text())).toEqual([
      '2',
      '0.69',
      expect.any(String),
    ]);

    expect(wrapper.get('[data-metric="mi-estimate"]').text()).toBe('–');
    await wrapper.get('button[aria-label^="Step"]').trigger('click');
    await until(() => attr(wrapper, 'data-step') === '1', 'one step');
    const critic = new CriticTraining({ dim: 2, n: 64, rho: 0.8, seed: 3 });
    critic.step();
    const [reading] = await critic.flush();
    critic.dispose();
    expect(Number(attr(wrapper, 'data-estimate'))).toBe(reading!.estimate);
    expect(wrapper.get('[data-metric="mi-estimate"]').text()).toBe(reading!.estimate.toFixed(2));
    expect(errors).toEqual([]);
    wrapper.unmount();
  }, 90_000);

  it('emits slider moves as settings (N rounded), sweeps the new ρ, frees its tensors on unmount', async () => {
    const before = tf.memory().numTensors;
    const { wrapper } = mountLive({ dim: 1 });
    await until(() => Number(attr(wrapper, 'data-sweep-count')) === 10, 'the sweep', 60_000);
    const [n, rho] = wrapper.findAll('.mi-bound__controls input[type="range"]');
    await rho!.trigger('keydown', { key: 'ArrowRight' });
    expect(wrapper.props('state').rho).toBe(0.91);
    expect(attr(wrapper, 'data-sweep-count')).toBe('0');
    await n!.trigger('keydown', { key: 'ArrowRight' });
    const moved = wrapper.props('state').n;
    expect(Number.isInteger(moved) && moved > 64).toBe(true);
    expect(attr(wrapper, 'data-log-n')).toBe(String(Math.log(moved)));
    await until(() => Number(attr(wrapper, 'data-sweep-count')) === 10, 'the new sweep', 60_000);
    const expected = await optimalSweep({ n: moved, rho: 0.91, dim: 1 }, 1);
    const estimates = wrapper.findAll('tbody tr').map((r) => Number(r.attributes('data-estimate')));
    expect(estimates).toEqual(Array.from(expected));
    wrapper.unmount();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await flushPromises();
    expect(tf.memory().numTensors).toBe(before);
  }, 150_000);
});
