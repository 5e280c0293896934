import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import LineChart from '../../../components/ui/LineChart.vue';
import { SeriesBuffer } from '../../../src/viz/line-chart';

describe('LineChart', () => {
  it('draws one path per series, axes and a legend with the latest values', () => {
    const loss = new SeriesBuffer('loss');
    const acc = new SeriesBuffer('accuracy');
    for (let i = 0; i <= 50; i++) {
      loss.push(i, 2 - i / 50);
      acc.push(i, i / 50);
    }
    const wrapper = mount(LineChart, {
      props: { series: [loss, acc], title: 'Training', yLabel: 'value' },
    });
    const paths = wrapper.findAll('path.line-chart-path');
    expect(paths).toHaveLength(2);
    expect(paths[0].attributes('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(wrapper.findAll('.line-chart-axis .tick').length).toBeGreaterThan(4);
    expect(wrapper.get('svg').attributes('role')).toBe('img');
    expect(wrapper.get('svg').attributes('aria-label')).toBe(
      'Training. Latest: loss 1 at step 50; accuracy 1 at step 50.',
    );
    expect(wrapper.get('figcaption').text()).toContain('loss 1');
  });

  it('redraws when the revision is bumped after pushing in place', async () => {
    const loss = new SeriesBuffer('loss');
    loss.push(0, 1);
    const wrapper = mount(LineChart, { props: { series: [loss], title: 'Loss', revision: 0 } });
    const before = wrapper.get('path.line-chart-path').attributes('d');
    for (let i = 1; i <= 3000; i++) loss.push(i, Math.exp(-i / 500));
    await wrapper.setProps({ revision: 1 });
    const after = wrapper.get('path.line-chart-path').attributes('d')!;
    expect(after).not.toBe(before);
    // 3001 points drawn as at most 400.
    expect(after.split('L').length).toBeLessThanOrEqual(400);
    expect(wrapper.get('svg').attributes('aria-label')).toContain('at step 3000');
  });

  it('plots a trajectory with its start and current point marked', () => {
    const run = new SeriesBuffer('InfoNCE run');
    run.push(1.2, -0.5);
    run.push(0.9, -1.5);
    run.push(0.5, -2.5);
    const wrapper = mount(LineChart, {
      props: {
        series: [run],
        title: 'Alignment–uniformity plane',
        mode: 'trajectory',
        xLabel: 'alignment',
        yLabel: 'uniformity',
        xDomain: [0, 2],
        yDomain: [-4, 0],
      },
    });
    const current = wrapper.get('circle.line-chart-current');
    const start = wrapper.get('circle.line-chart-start');
    expect(Number(current.attributes('cx'))).toBeLessThan(Number(start.attributes('cx')));
    expect(wrapper.get('svg').attributes('aria-label')).toContain(
      'InfoNCE run at alignment 0.5, uniformity −2.5 after 3 points',
    );
    expect(wrapper.get('figcaption').text()).toContain('(0.5, −2.5)');
  });

  it('says there is no data yet for empty series', () => {
    const wrapper = mount(LineChart, { props: { series: [new SeriesBuffer('x')], title: 'Loss' } });
    expect(wrapper.get('svg').attributes('aria-label')).toBe('Loss. No data yet.');
    expect(wrapper.find('circle').exists()).toBe(false);
  });
});
