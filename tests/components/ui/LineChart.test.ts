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

  it('labels the step axis 0 and 1 when the only point is at step 0, never below 0', () => {
    const loss = new SeriesBuffer('loss');
    loss.push(0, 2.3);
    const wrapper = mount(LineChart, { props: { series: [loss], title: 'Loss', yLabel: 'loss' } });
    const xTicks = wrapper.findAll('.line-chart-axis')[0].findAll('.tick text');
    expect(xTicks.map((t) => t.text())).toEqual(['0', '1']);
    for (const tick of wrapper.findAll('.tick text')) expect(tick.text()).not.toMatch(/^[−-]/);
  });

  it('shows only whole steps, and leaves a value axis its fractions', () => {
    const knn = new SeriesBuffer('k-NN');
    for (const step of [0, 20, 40]) knn.push(step, 20 + step / 4);
    const steps = mount(LineChart, { props: { series: [knn], title: 'k-NN' } });
    const labels = steps.findAll('.line-chart-axis')[0].findAll('.tick text');
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(label.text()).toMatch(/^\d[\d,]*$/);
    const plane = new SeriesBuffer('run');
    plane.push(0, 0);
    plane.push(-1.5, 0.2);
    const value = mount(LineChart, {
      props: { series: [plane], title: 'Plane', mode: 'trajectory', xLabel: 'uniformity' },
    });
    const values = value.findAll('.line-chart-axis')[0].findAll('.tick text');
    expect(values.some((t) => t.text().startsWith('−'))).toBe(true);
  });

  it('draws at its measured width with text of one size, whatever the width', async () => {
    let report: ((entries: { contentRect: { width: number } }[]) => void) | null = null;
    const original = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(callback: (entries: { contentRect: { width: number } }[]) => void) {
        report = callback;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    try {
      const loss = new SeriesBuffer('loss');
      loss.push(0, 1);
      loss.push(100, 0.5);
      const wrapper = mount(LineChart, { props: { series: [loss], title: 'Loss', height: 150 } });
      const svg = () => wrapper.get('svg');
      for (const width of [340, 740]) {
        report!([{ contentRect: { width } }]);
        await wrapper.vm.$nextTick();
        expect(svg().attributes('width')).toBe(String(width));
        expect(svg().attributes('height')).toBe('150');
        // One SVG unit per CSS px: the text is as large as its font size says.
        expect(svg().attributes('viewBox')).toBe(`0 0 ${width} 150`);
        expect(svg().attributes('style')).toContain('font-size: 12px');
      }
    } finally {
      globalThis.ResizeObserver = original;
    }
  });

  it('says there is no data yet for empty series', () => {
    const wrapper = mount(LineChart, { props: { series: [new SeriesBuffer('x')], title: 'Loss' } });
    expect(wrapper.get('svg').attributes('aria-label')).toBe('Loss. No data yet.');
    expect(wrapper.find('circle').exists()).toBe(false);
  });
});
