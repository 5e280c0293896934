/**
 * d3 helpers for live line charts and trajectories: an append-only series buffer, decimation that
 * keeps the shape of thousands of points in a few hundred, domains, the path and the axes.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';

/** A series as the chart reads it: the first `length` entries of `xs` / `ys`. */
export interface ChartSeries {
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  length: number;
  /** CSS colour; defaults to the shared categorical palette. */
  color?: string;
}

/**
 * An append-only series with amortised O(1) `push`. Keep it out of deep reactive state (a plain
 * const or `shallowRef`); after pushing, bump the chart's `revision` prop so it redraws once per
 * frame however many points arrived.
 */
export class SeriesBuffer implements ChartSeries {
  xs: Float64Array;
  ys: Float64Array;
  length = 0;

  constructor(
    public label: string,
    public color?: string,
    capacity = 256,
  ) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  /** Appends the point (x, y). */
  push(x: number, y: number): void {
    if (this.length === this.xs.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.xs = grow(this.xs);
      this.ys = grow(this.ys);
    }
    this.xs[this.length] = x;
    this.ys[this.length] = y;
    this.length++;
  }

  /** Forgets every point (keeps the memory). */
  clear(): void {
    this.length = 0;
  }
}

/** The last point of a series, or null when it is empty. */
export function lastPoint(s: ChartSeries): [number, number] | null {
  return s.length > 0 ? [s.xs[s.length - 1], s.ys[s.length - 1]] : null;
}

/**
 * Indices of the points to draw, at most about `max`. For a line over steps (x increasing) each
 * bucket keeps its lowest and highest y, so spikes survive; for a trajectory (x and y both move)
 * it keeps evenly spaced points. The first and last points are always kept.
 */
export function decimate(s: ChartSeries, max: number, mode: 'line' | 'trajectory'): Uint32Array {
  const n = s.length;
  if (n <= max || max < 4) return Uint32Array.from({ length: n }, (_, i) => i);
  const out: number[] = [0];
  if (mode === 'trajectory') {
    const stride = (n - 1) / (max - 1);
    for (let k = 1; k < max - 1; k++) out.push(Math.round(k * stride));
  } else {
    const buckets = Math.floor((max - 2) / 2);
    const size = (n - 2) / buckets;
    for (let b = 0; b < buckets; b++) {
      const start = 1 + Math.floor(b * size);
      const end = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
      let lo = start;
      let hi = start;
      for (let i = start; i < end; i++) {
        if (s.ys[i] < s.ys[lo]) lo = i;
        if (s.ys[i] > s.ys[hi]) hi = i;
      }
      if (lo === hi) out.push(lo);
      else out.push(Math.min(lo, hi), Math.max(lo, hi));
    }
  }
  out.push(n - 1);
  return Uint32Array.from(out);
}

/** [min, max] of the finite values of one coordinate over every series; null when there are none. */
export function extentOf(series: readonly ChartSeries[], axis: 'x' | 'y'): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const a = axis === 'x' ? s.xs : s.ys;
    for (let i = 0; i < s.length; i++) {
      const v = a[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A domain with a little room around the data (and a unit span around a single value). */
export function padDomain(extent: [number, number] | null, pad = 0.05): [number, number] {
  if (!extent) return [0, 1];
  const [lo, hi] = extent;
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
    const r = Math.abs(lo) > 1e-12 ? Math.abs(lo) * 0.1 : 0.5;
    return [lo - r, hi + r];
  }
  const m = (hi - lo) * pad;
  return [lo - m, hi + m];
}

/** A chart's size and the margins around its plot area, in CSS px. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** SVG path data through the chosen points of a series; gaps at non-finite values. */
export function seriesPath(
  s: ChartSeries,
  indices: ArrayLike<number>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): string {
  const path = line<number>()
    .defined((i) => Number.isFinite(s.xs[i]) && Number.isFinite(s.ys[i]))
    .x((i) => x(s.xs[i]))
    .y((i) => y(s.ys[i]));
  return path(Array.from(indices)) ?? '';
}

/** Size of a chart's tick labels and axis titles on screen, in CSS px, whatever its width. */
export const CHART_FONT_PX = 12;

/** Length of a tick mark and the gap between it and its label, in CSS px. */
const TICK = 6;
const TICK_GAP = 3;
/** Average advance of a digit or sign as a fraction of the font size (sans-serif). */
const CHAR_EM = 0.6;

/** What a chart's layout depends on (sizes in CSS px: the chart is drawn at its real size). */
export interface ChartLayoutInput {
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
  /**
   * The x axis counts training steps: it never goes below 0, spans at least one step, and shows
   * only whole-number ticks (a chart with one point at step 0 shows 0 and 1, not −0.4 … 0.4).
   */
  stepAxis: boolean;
  /** Whether the axes have titles (they take room at the bottom and on the left). */
  xTitle: boolean;
  yTitle: boolean;
  /** Text size in CSS px; {@link CHART_FONT_PX} by default. */
  fontSize?: number;
}

/** Where everything goes: the plot area, the scales and the ticks with their labels. */
export interface ChartLayout {
  frame: ChartFrame;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xTicks: number[];
  yTicks: number[];
  xFormat: (value: number) => string;
  yFormat: (value: number) => string;
  fontSize: number;
}

/** The x domain of a step axis: from step 0 (or later) and at least one step wide. */
export function stepDomain([lo, hi]: [number, number]): [number, number] {
  const start = Math.max(0, Number.isFinite(lo) ? lo : 0);
  return [start, Math.max(Number.isFinite(hi) ? hi : start, start + 1)];
}

/** Width of a label of `text` at `fontSize`, estimated (no DOM: it also runs on the server). */
function labelWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * CHAR_EM * fontSize);
}

/**
 * Lays a chart out at its real size: margins wide enough for the tick labels at a constant font
 * size, about one x tick per 80 px and one y tick per 35 px (at least three), domains rounded to nice ticks.
 */
export function layoutChart(input: ChartLayoutInput): ChartLayout {
  const fontSize = input.fontSize ?? CHART_FONT_PX;
  const { width, height } = input;
  const top = Math.ceil(fontSize * 0.75);
  const bottom = TICK + TICK_GAP + fontSize + 3 + (input.xTitle ? fontSize + 4 : 0);
  const yCount = Math.max(3, Math.round((height - top - bottom) / 35));
  const y = scaleLinear()
    .domain(input.yDomain)
    .range([height - bottom, top])
    .nice(yCount);
  const yTicks = y.ticks(yCount);
  const yTickFormat = y.tickFormat(yCount);
  const yFormat = (v: number) => yTickFormat(v);
  const yText = Math.max(0, ...yTicks.map((v) => labelWidth(yFormat(v), fontSize)));
  const left = yText + TICK + TICK_GAP + 2 + (input.yTitle ? fontSize + 8 : 0);

  const xDomain = input.stepAxis ? stepDomain(input.xDomain) : input.xDomain;
  const xCount = Math.max(2, Math.floor((width - left) / (6.5 * fontSize)));
  const x = scaleLinear().domain(xDomain).nice(xCount);
  let xTicks = x.ticks(xCount);
  let xFormat: (v: number) => string;
  if (input.stepAxis) {
    xTicks = xTicks.filter((v) => Number.isInteger(v) && v >= 0);
    const steps = x.tickFormat(xCount, ',d');
    xFormat = (v) => steps(v);
  } else {
    const values = x.tickFormat(xCount);
    xFormat = (v) => values(v);
  }
  // The last label is centred on its tick: leave room for its right half.
  const lastLabel = xTicks.length ? xFormat(xTicks[xTicks.length - 1]) : '';
  const right = Math.max(10, Math.ceil(labelWidth(lastLabel, fontSize) / 2) + 2);
  x.range([left, width - right]);
  return {
    frame: { width, height, margin: { top, right, bottom, left } },
    x,
    y,
    xTicks,
    yTicks,
    xFormat,
    yFormat,
    fontSize,
  };
}

/** Draws (or redraws) the axes of a laid-out chart into their `<g>` elements. */
export function drawAxes(xAxis: SVGGElement, yAxis: SVGGElement, layout: ChartLayout): void {
  const { frame, x, y } = layout;
  select(xAxis)
    .attr('transform', `translate(0,${frame.height - frame.margin.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(layout.xTicks)
        .tickFormat((v) => layout.xFormat(Number(v)))
        .tickSize(TICK)
        .tickPadding(TICK_GAP)
        .tickSizeOuter(0),
    );
  select(yAxis)
    .attr('transform', `translate(${frame.margin.left},0)`)
    .call(
      axisLeft(y)
        .tickValues(layout.yTicks)
        .tickFormat((v) => layout.yFormat(Number(v)))
        .tickSize(TICK)
        .tickPadding(TICK_GAP)
        .tickSizeOuter(0),
    );
  // d3 sets a 10 px font on each axis; the chart's stylesheet sets the size instead.
  select(xAxis).attr('font-size', null).attr('font-family', null);
  select(yAxis).attr('font-size', null).attr('font-family', null);
}

/** Short number for labels: 3 significant digits, a real minus sign. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const text =
    abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  return text.replace('-', '−');
}

/**
 * The accessible summary: what the chart shows and where each series is now, e.g. "Loss over
 * training steps. Latest at step 200: InfoNCE 2.31."
 */
export function summarise(
  title: string,
  series: readonly ChartSeries[],
  mode: 'line' | 'trajectory',
  xLabel: string,
  yLabel: string,
  format: (v: number) => string = formatNumber,
): string {
  const parts = series
    .map((s) => {
      const p = lastPoint(s);
      if (!p) return null;
      return mode === 'trajectory'
        ? `${s.label} at ${xLabel} ${format(p[0])}, ${yLabel} ${format(p[1])} after ${s.length} points`
        : `${s.label} ${format(p[1])} at ${xLabel} ${format(p[0])}`;
    })
    .filter((p): p is string => p !== null);
  if (!parts.length) return `${title}. No data yet.`;
  return `${title}. Latest: ${parts.join('; ')}.`;
}
