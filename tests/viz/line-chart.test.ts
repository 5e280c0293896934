import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_PX,
  SeriesBuffer,
  decimate,
  extentOf,
  formatNumber,
  lastPoint,
  layoutChart,
  padDomain,
  seriesPath,
  stepDomain,
  summarise,
  type ChartLayoutInput,
} from '../../src/viz/line-chart';
import { categoryColor } from '../../src/viz/palette';

function filled(n: number, f: (i: number) => number, label = 's') {
  const s = new SeriesBuffer(label, undefined, 4);
  for (let i = 0; i < n; i++) s.push(i, f(i));
  return s;
}

describe('SeriesBuffer', () => {
  it('grows past its capacity and keeps every point', () => {
    const s = filled(1000, (i) => i * i);
    expect(s.length).toBe(1000);
    expect(s.xs.length).toBeGreaterThanOrEqual(1000);
    expect(lastPoint(s)).toEqual([999, 999 * 999]);
    expect(s.ys[500]).toBe(250000);
    s.clear();
    expect(lastPoint(s)).toBeNull();
  });
});

describe('decimate', () => {
  it('keeps everything when short enough', () => {
    expect(
      Array.from(
        decimate(
          filled(5, (i) => i),
          400,
          'line',
        ),
      ),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps spikes, the ends, order and the budget for a long line', () => {
    const s = filled(10_000, (i) => (i === 5_123 ? 100 : i === 7_777 ? -100 : Math.sin(i / 50)));
    const idx = decimate(s, 400, 'line');
    expect(idx.length).toBeLessThanOrEqual(400);
    expect(idx.length).toBeGreaterThan(300);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(9_999);
    expect(Array.from(idx)).toContain(5_123);
    expect(Array.from(idx)).toContain(7_777);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it('samples a trajectory evenly with both ends', () => {
    const idx = decimate(
      filled(1001, (i) => i),
      11,
      'trajectory',
    );
    expect(Array.from(idx)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
});

describe('domains and paths', () => {
  it('finds the extent over all series and pads it', () => {
    const a = filled(3, (i) => i - 5);
    const b = filled(2, (i) => 10 * i);
    expect(extentOf([a, b], 'y')).toEqual([-5, 10]);
    expect(extentOf([a, b], 'x')).toEqual([0, 2]);
    expect(extentOf([new SeriesBuffer('empty')], 'y')).toBeNull();
    expect(padDomain([0, 10], 0.1)).toEqual([-1, 11]);
    expect(padDomain([2, 2])).toEqual([1.8, 2.2]);
    expect(padDomain(null)).toEqual([0, 1]);
  });

  it('maps points through the scales and breaks the line at NaN', () => {
    const x = scaleLinear().domain([0, 10]).range([10, 110]);
    const y = scaleLinear().domain([0, 10]).range([110, 10]);
    const s = new SeriesBuffer('s');
    s.push(0, 0);
    s.push(10, 10);
    expect(seriesPath(s, [0, 1], x, y)).toBe('M10,110L110,10');
    s.push(11, NaN);
    s.push(12, 5);
    expect(seriesPath(s, [0, 1, 2, 3], x, y).match(/M/g)).toHaveLength(2);
  });
});

describe('layout at the real size', () => {
  const input = (over: Partial<ChartLayoutInput>): ChartLayoutInput => ({
    width: 340,
    height: 150,
    xDomain: [0, 100],
    yDomain: [0, 1],
    stepAxis: true,
    xTitle: true,
    yTitle: true,
    ...over,
  });

  it('starts a step axis at 0, at least one step wide, with whole-number ticks only', () => {
    expect(stepDomain([-0.5, 0.5])).toEqual([0, 1]);
    expect(stepDomain([0, 0])).toEqual([0, 1]);
    expect(stepDomain([20, 380])).toEqual([20, 380]);
    // One reading at step 0, as before training: padDomain gives [-0.5, 0.5].
    const l = layoutChart(input({ xDomain: padDomain([0, 0], 0) }));
    expect(l.xTicks).toEqual([0, 1]);
    expect(l.x.domain()[0]).toBe(0);
    expect(l.xTicks.map(l.xFormat)).toEqual(['0', '1']);
    for (const domain of [
      [0, 3],
      [0, 7],
      [0, 1234],
      [0, 25_000],
    ] as [number, number][]) {
      const ticks = layoutChart(input({ xDomain: domain })).xTicks;
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.every((t) => Number.isInteger(t) && t >= 0)).toBe(true);
    }
    expect(
      layoutChart(input({ xDomain: [0, 25_000] })).xTicks.map((t) => t.toString()),
    ).not.toContain('-');
  });

  it('leaves a value axis alone: fractions and negatives allowed', () => {
    const l = layoutChart(input({ stepAxis: false, xDomain: [-2.5, 0], width: 740 }));
    expect(l.x.domain()[0]).toBeLessThan(0);
    expect(l.xTicks.some((t) => !Number.isInteger(t))).toBe(true);
    expect(l.xTicks.map(l.xFormat)).toContain('−1.5');
  });

  it('uses the width it is given, one x tick per 80 px or so, room for the labels', () => {
    const phone = layoutChart(input({ width: 340 }));
    const wide = layoutChart(input({ width: 740 }));
    expect(phone.x.range()[1]).toBe(340 - phone.frame.margin.right);
    expect(wide.x.range()[1]).toBe(740 - wide.frame.margin.right);
    expect(wide.xTicks.length).toBeGreaterThan(phone.xTicks.length);
    expect(phone.fontSize).toBe(CHART_FONT_PX);
    expect(CHART_FONT_PX).toBeGreaterThanOrEqual(11);
    // Longer y labels push the plot right; a y title adds room for itself.
    const long = layoutChart(input({ yDomain: [0, 12_345] }));
    expect(long.frame.margin.left).toBeGreaterThan(phone.frame.margin.left);
    const untitled = layoutChart(input({ yTitle: false, xTitle: false }));
    expect(untitled.frame.margin.left).toBeLessThan(phone.frame.margin.left);
    expect(untitled.frame.margin.bottom).toBeLessThan(phone.frame.margin.bottom);
  });
});

describe('summaries', () => {
  it('names the latest value of every series', () => {
    const loss = filled(201, (i) => 3 - i / 100, 'InfoNCE');
    const text = summarise('Loss during training', [loss], 'line', 'step', 'loss');
    expect(text).toBe('Loss during training. Latest: InfoNCE 1 at step 200.');
  });

  it('names the current point of a trajectory', () => {
    const t = new SeriesBuffer('run');
    t.push(0.8, -0.5);
    t.push(0.42, -2.134);
    const text = summarise(
      'Alignment–uniformity plane',
      [t],
      'trajectory',
      'alignment',
      'uniformity',
    );
    expect(text).toBe(
      'Alignment–uniformity plane. Latest: run at alignment 0.42, uniformity −2.13 after 2 points.',
    );
    expect(summarise('Empty', [], 'line', 'step', '')).toBe('Empty. No data yet.');
  });

  it('formats numbers compactly and cycles the palette', () => {
    expect(formatNumber(-0.000012)).toBe('−1.20e-5');
    expect(formatNumber(1234.5678)).toBe('1230');
    expect(categoryColor(10)).toBe(categoryColor(0));
    expect(categoryColor(-1)).toBe(categoryColor(9));
  });
});
