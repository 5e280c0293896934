// The step-time benchmark's choice of step: NT-Xent at three batch sizes or a whole SimCLR step,
// with every description laid out in one cell so that choosing another moves nothing below it.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import NtXentBenchmarkLive from '../../../components/figures/live/NtXentBenchmarkLive.vue';
import { BENCHMARK_WORKLOADS } from '../../../src/support/benchmark';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';

useCpuBackend();

const mountLive = () => mount(NtXentBenchmarkLive, { global: withFrame(fakeFrame()) });

/** The description a reader sees (the others are hidden in the same cell). */
const shownDescription = (wrapper: ReturnType<typeof mountLive>) =>
  wrapper
    .findAll('.benchmark__what > p')
    .filter((p) => !p.classes('benchmark__what--hidden'))
    .map((p) => p.text());

describe('NtXentBenchmarkLive', () => {
  it('offers the four steps and starts on NT-Xent with 256 pairs', () => {
    const wrapper = mountLive();
    const options = wrapper.findAll('select option');
    expect(options.map((o) => o.text())).toEqual(BENCHMARK_WORKLOADS.map((w) => w.label));
    expect(options.map((o) => o.text())).toContain('SimCLR, 64 images');
    expect(wrapper.get('select').element.selectedIndex).toBe(1);
    expect(shownDescription(wrapper)).toEqual([BENCHMARK_WORKLOADS[1]!.description]);
  });

  it('choosing the SimCLR step shows its description, every other one hidden in the same cell', async () => {
    const wrapper = mountLive();
    const select = wrapper.get('select');
    (select.element as HTMLSelectElement).selectedIndex = 3;
    await select.trigger('change');
    expect(shownDescription(wrapper)).toEqual([BENCHMARK_WORKLOADS[3]!.description]);
    expect(shownDescription(wrapper)[0]).toMatch(/SimCLR trainer step .* 2 × 64 pictures/);
    const hidden = wrapper.findAll('.benchmark__what--hidden');
    expect(hidden).toHaveLength(BENCHMARK_WORKLOADS.length - 1);
    for (const p of hidden) expect(p.attributes('aria-hidden')).toBe('true');
    expect(wrapper.findAll('.benchmark__what > p')).toHaveLength(BENCHMARK_WORKLOADS.length);
  });
});
