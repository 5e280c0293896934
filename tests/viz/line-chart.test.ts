import { describe, expect, it } from 'vitest';
import {
  SeriesBuffer,
  chartScales,
  decimate,
  extentOf,
  formatNumber,
  lastPoint,
  padDomain,
  seriesPath,
  summarise,
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
    const frame = { width: 110, height: 110, margin: { top: 10, right: 0, bottom: 0, left: 10 } };
    const { x, y } = chartScales(frame, [0, 10], [0, 10]);
    const s = new SeriesBuffer('s');
    s.push(0, 0);
    s.push(10, 10);
    expect(seriesPath(s, [0, 1], x, y)).toBe('M10,110L110,10');
    s.push(11, NaN);
    s.push(12, 5);
    expect(seriesPath(s, [0, 1, 2, 3], x, y).match(/M/g)).toHaveLength(2);
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
