// The view state of the mutual-information figure's two charts, drawn from what its training
// worker sends back (src/worker/experiments/mi.ts): the optimal-critic sweep over N, and the
// learned critic's estimate per step. No tensors here.
import { ref, watch, type Ref } from 'vue';
import { MI_SWEEP_N } from '../../../src/core/mi-session';
import type { RunResult } from '../../../src/worker/host';
import { SeriesBuffer } from '../../../src/viz/line-chart';
import { categoryColor } from '../../../src/viz/palette';

/** log N of the sweep's largest N: the right end of the sweep chart. */
export const SWEEP_LOG_N_MAX = Math.log(MI_SWEEP_N.at(-1) as number);

/** One row of the sweep table. */
export interface SweepRow {
  n: number;
  estimate: number;
}

/** Redraws a flat line at `level` from x = 0 to `end`. */
function level(series: SeriesBuffer, value: number, end: number): void {
  series.clear();
  series.push(0, value);
  series.push(end, value);
}

/**
 * The sweep chart and table: log N, the true MI and the optimal critic's estimate for each N of
 * {@link MI_SWEEP_N}. `show` draws a snapshot's sweep (the same values again redraw nothing);
 * `clear` empties it while the worker computes the sweep of new settings.
 */
export function useSweepChart(truth: Ref<number>) {
  const bound = new SeriesBuffer('log N (the ceiling)', categoryColor(0));
  const target = new SeriesBuffer('true MI', categoryColor(1));
  const estimates = new SeriesBuffer('InfoNCE, optimal critic', categoryColor(2));
  const rows = ref<SweepRow[]>([]);
  const revision = ref(0);
  let shown: Float32Array | null = null;

  bound.push(0, 0);
  bound.push(SWEEP_LOG_N_MAX, SWEEP_LOG_N_MAX);
  level(target, truth.value, SWEEP_LOG_N_MAX);
  watch(truth, (value) => {
    level(target, value, SWEEP_LOG_N_MAX);
    revision.value += 1;
  });

  function show(sweep: Float32Array): void {
    if (shown && shown.every((v, i) => v === sweep[i])) return;
    shown = sweep;
    rows.value = MI_SWEEP_N.map((n, i) => ({ n, estimate: sweep[i] as number }));
    estimates.clear();
    for (const row of rows.value) estimates.push(Math.log(row.n), row.estimate);
    revision.value += 1;
  }

  function clear(): void {
    shown = null;
    rows.value = [];
    estimates.clear();
    revision.value += 1;
  }

  return { series: [bound, target, estimates], rows, revision, show, clear };
}

/**
 * The training chart: the learned critic's estimate per step against log N and the true MI.
 * `record` adds a run's readings (each the negative of the loss the critic minimises) and its
 * mean estimate; `clear` starts over (a reset or a rebuild).
 */
export function useCriticChart(levels: { logN: Ref<number>; truth: Ref<number> }) {
  const learned = new SeriesBuffer('learned critic, this batch', categoryColor(3));
  const ceiling = new SeriesBuffer('log N', categoryColor(0));
  const target = new SeriesBuffer('true MI', categoryColor(1));
  const revision = ref(0);
  const estimate = ref(Number.NaN);
  let steps = 0;

  /** Redraws the flat lines across the steps taken so far. */
  function drawLevels(): void {
    const end = Math.max(steps, 1);
    level(ceiling, levels.logN.value, end);
    level(target, levels.truth.value, end);
    revision.value += 1;
  }

  function record(result: RunResult<'mi'>): void {
    for (const r of result.readings) learned.push(r.step, -r.loss);
    if (result.snapshot) estimate.value = result.snapshot.metrics.estimate;
    steps = result.step;
    drawLevels();
  }

  function clear(): void {
    learned.clear();
    estimate.value = Number.NaN;
    steps = 0;
    drawLevels();
  }

  drawLevels();
  watch([levels.logN, levels.truth], drawLevels);

  return { series: [ceiling, target, learned], revision, estimate, record, clear };
}
