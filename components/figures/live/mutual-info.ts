// The view state of the mutual-information figure's two charts, each over a computation of
// src/core/mi-session.ts: the optimal-critic sweep over N, and the learned critic under the Player.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import {
  CriticTraining,
  MI_SWEEP_N,
  createSweep,
  type GaussianProblem,
} from '../../../src/core/mi-session';
import type { MutualInfoSettings } from '../../../src/settings/mutual-info';
import { SeriesBuffer } from '../../../src/viz/line-chart';
import { categoryColor } from '../../../src/viz/palette';
import type { ReadyDemoFrame } from '../../composables/useDemoFrame';
import type { LivePartProps } from '../../composables/useLivePart';
import { usePlayer, type PlayerControls } from '../../composables/usePlayer';

/** log N of the sweep's largest N: the right end of the sweep chart. */
export const SWEEP_LOG_N_MAX = Math.log(MI_SWEEP_N.at(-1) as number);

/** One row of the sweep table. */
export interface SweepRow {
  n: number;
  estimate: number;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The sweep chart: log N, the true MI and the optimal critic's estimate for each N of
 * {@link MI_SWEEP_N}, one N per animation frame. `run()` starts over (an older run stops between
 * two N); unmounting stops it.
 */
export function useSweepChart(props: LivePartProps<MutualInfoSettings>, truth: Ref<number>) {
  const bound = new SeriesBuffer('log N (the ceiling)', categoryColor(0));
  const target = new SeriesBuffer('true MI', categoryColor(1));
  const estimates = new SeriesBuffer('InfoNCE, optimal critic', categoryColor(2));
  const rows = ref<SweepRow[]>([]);
  const revision = ref(0);
  let current = 0;

  async function run(): Promise<void> {
    const id = ++current;
    const problem: GaussianProblem = { rho: props.state.rho, dim: props.state.dim };
    const estimateAt = createSweep(problem, props.state.seed);
    rows.value = [];
    for (const s of [bound, target, estimates]) s.clear();
    bound.push(0, 0);
    bound.push(SWEEP_LOG_N_MAX, SWEEP_LOG_N_MAX);
    target.push(0, truth.value);
    target.push(SWEEP_LOG_N_MAX, truth.value);
    for (const n of MI_SWEEP_N) {
      await nextFrame();
      if (id !== current) return;
      const estimate = await estimateAt(n);
      if (id !== current) return;
      rows.value = [...rows.value, { n, estimate }];
      estimates.push(Math.log(n), estimate);
      revision.value += 1;
    }
  }

  onBeforeUnmount(() => (current += 1));
  return { series: [bound, target, estimates], rows, revision, run };
}

/**
 * The training chart: the learned critic's estimate per step against log N and the true MI,
 * driven by a Player wired to the frame (it pauses off screen). N and ρ take effect on the next
 * step; a new d builds a new critic; a new seed starts over. Frees the critic on unmount.
 */
export function useCriticChart(
  props: LivePartProps<MutualInfoSettings>,
  levels: { logN: Ref<number>; truth: Ref<number> },
  frame: ReadyDemoFrame,
) {
  const learned = new SeriesBuffer('InfoNCE, learned critic', categoryColor(3));
  const ceiling = new SeriesBuffer('log N', categoryColor(0));
  const target = new SeriesBuffer('true MI', categoryColor(1));
  const revision = ref(0);
  const estimate = ref(Number.NaN);
  const steps = ref(0);
  let critic: CriticTraining | null = null;

  function clear(): void {
    for (const s of [learned, ceiling, target]) s.clear();
    estimate.value = Number.NaN;
    steps.value = 0;
    revision.value += 1;
  }

  /** A new critic for the current d (the old one is freed). */
  function build(): void {
    critic?.dispose();
    critic = new CriticTraining(props.state);
    clear();
  }

  /** Redraws the flat lines across the steps taken so far. */
  function drawLevels(): void {
    const end = Math.max(steps.value, 1);
    ceiling.clear();
    target.clear();
    ceiling.push(0, levels.logN.value);
    ceiling.push(end, levels.logN.value);
    target.push(0, levels.truth.value);
    target.push(end, levels.truth.value);
  }

  const player: PlayerControls = usePlayer({
    step: () => critic?.step(),
    render: async () => {
      if (!critic) return;
      for (const r of await critic.flush()) learned.push(r.step, r.estimate);
      estimate.value = critic.estimate;
      steps.value = critic.steps;
      drawLevels();
      revision.value += 1;
    },
    reset: () => {
      critic?.reset(props.state.seed);
      clear();
      drawLevels();
    },
    visible: frame.visible,
    onError: frame.fail,
  });
  watch(player.playing, (on) => frame.setActivity(on ? 'running' : 'paused'));

  build();
  drawLevels();

  watch(
    () => [props.state.n, props.state.rho] as const,
    ([n, rho]) => {
      critic?.setProblem(n, rho);
      drawLevels();
      revision.value += 1;
    },
  );
  watch(
    () => props.state.dim,
    () => {
      player.pause();
      build();
      drawLevels();
    },
  );
  watch(
    () => props.state.seed,
    () => void player.reset(),
  );

  onBeforeUnmount(() => {
    critic?.dispose();
    critic = null;
  });

  return { series: [ceiling, target, learned], revision, estimate, steps, player };
}
