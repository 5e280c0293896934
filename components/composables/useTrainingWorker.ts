// Runs a training experiment (src/worker/experiments) in a Web Worker and drives it from the
// Player's requestAnimationFrame loop: each frame asks the worker for the steps the Player
// counted, with at most one request in flight, and hands the result — that experiment's typed
// metrics and small Float32Array snapshots (RunResult<N>) — to the figure. If the worker cannot
// start, crashes, runs out of memory or stops answering, the same experiment continues on the main
// thread and `notice` says so.
//
// The pieces: trainingConnection.ts opens a worker or a main-thread host; useTrainingSession.ts
// owns that connection, the command queue and the fallback; trainingParams.ts tells which
// parameters changed since they were last sent; this file is the run loop and the Player wiring.
import { readonly, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import type { BackendName, Tfjs } from '../../src/core/backend';
import type { HostBackend, RunResult, TrainingApi } from '../../src/worker/host';
import { sameParams } from '../../src/worker/params';
import type { ExperimentName, ExperimentParams } from '../../src/worker/registry';
import { usePlayer, type PlayerControls } from './usePlayer';
import { bundledWorker } from './trainingConnection';
import { createParamSync } from './trainingParams';
import { useTrainingSession, type TrainingMode } from './useTrainingSession';

export { isWorkerFailure, WorkerFailure } from './trainingConnection';
export type { TrainingMode } from './useTrainingSession';

/** Options of {@link useTrainingWorker} for experiment `N`. */
export interface TrainingWorkerOptions<N extends ExperimentName> {
  /** Registry name of the experiment (src/worker/registry.ts). */
  experiment: N;
  /** Current parameters (a flat record); a change is sent before the next step. */
  params: () => ExperimentParams<N>;
  /** Seed used on creation and by `reset`. */
  seed: MaybeRefOrGetter<number>;
  /** The page's tfjs (from `useDemoFrame()`), used by the main-thread fallback. */
  tf: Tfjs;
  /** Backend the reader asked for (`null` = automatic); the worker chooses its own otherwise. */
  requestedBackend?: MaybeRefOrGetter<BackendName | null>;
  /** Receives every result: the experiment's metrics, snapshot arrays and layout. */
  onResult: (result: RunResult<N>) => void;
  /** Training restarted from step 0 (reset, rebuild, or a move to the main thread). */
  onRestart?: () => void;
  /** Steps per frame at speed ×1 (default 1). */
  stepsPerFrame?: MaybeRefOrGetter<number>;
  /** False while the figure is off screen: the loop pauses. */
  visible?: MaybeRefOrGetter<boolean>;
  /** Errors the fallback cannot absorb (e.g. a bad parameter): show them in the frame. */
  onError: (error: unknown) => void;
  /**
   * Milliseconds a worker may stay silent during a call (default 5 000); the limit grows with its
   * slowest step, and is twice this at start-up (components/composables/workerSilence.ts).
   */
  timeoutMs?: number;
  /** Creates the worker (tests pass a fake; default: the bundled src/worker/training-worker.ts). */
  createWorker?: () => Worker;
  /** Force the main thread (default: `?training=main` in the page address). */
  forceMainThread?: boolean;
}

/** What {@link useTrainingWorker} returns. */
export interface TrainingWorker {
  /** Play / pause / step / reset / speed, wired to the experiment. */
  player: PlayerControls;
  mode: Readonly<Ref<TrainingMode>>;
  /** Backend the experiment computes on, and why; null while starting. */
  backend: Readonly<Ref<HostBackend | null>>;
  /** Why training runs on the main thread and what that means; null while in the worker. */
  notice: Readonly<Ref<string | null>>;
  /** Steps taken since the last restart, as the experiment reports them. */
  step: Readonly<Ref<number>>;
}

/** Whether the page address asks for training on the main thread (`?training=main`). */
export function mainThreadRequested(): boolean {
  return (
    typeof location !== 'undefined' &&
    new URLSearchParams(location.search).get('training') === 'main'
  );
}

/**
 * Trains the registry experiment `options.experiment` off the main thread, driven by a Player.
 * Call it from the live component's setup, inside a DemoFrame. The worker starts on mount (the
 * component mounts only once the frame is on screen) and is terminated when the component
 * unmounts, e.g. when the reader navigates away.
 */
export function useTrainingWorker<N extends ExperimentName>(
  options: TrainingWorkerOptions<N>,
): TrainingWorker {
  const step = ref(0);
  const params = createParamSync(options.params);
  /** The Player's steps not yet sent to the host. */
  let queued = 0;

  const restarted = () => {
    step.value = 0;
    options.onRestart?.();
  };

  const session = useTrainingSession({
    experiment: options.experiment,
    params,
    seed: () => toValue(options.seed),
    requestedBackend: () => toValue(options.requestedBackend) ?? null,
    tf: options.tf,
    createWorker: options.createWorker ?? bundledWorker,
    forceMainThread: options.forceMainThread ?? mainThreadRequested(),
    timeoutMs: options.timeoutMs ?? 5_000,
    lastStep: () => step.value,
    onError: options.onError,
    onFallback: (replayed) => {
      restarted();
      if (replayed) show(replayed);
    },
    onIdleFailure: () => void advance(0).catch(options.onError),
  });

  /** Sends parameters that changed since the last call; a rebuild restarts the charts. */
  async function syncParams(api: TrainingApi<N>): Promise<void> {
    const changed = params.changed();
    if (changed && (await api.setParams(changed))) restarted();
  }

  function show(result: RunResult<N>): void {
    step.value = result.step;
    options.onResult(result);
  }

  /** Takes `steps` steps (0: just a fresh picture) and hands the result to the figure. */
  async function advance(steps: number): Promise<void> {
    const result = await session.command(async (api) => {
      await syncParams(api);
      return api.run(steps, true);
    });
    if (!result || session.isDisposed()) return;
    show(result);
  }

  const player = usePlayer({
    step: () => {
      queued += 1;
    },
    render: async () => {
      const steps = queued;
      queued = 0;
      await advance(steps);
    },
    reset: async () => {
      queued = 0;
      await session.command(async (api) => {
        await syncParams(api);
        await api.reset(toValue(options.seed));
      });
      restarted();
    },
    stepsPerFrame: options.stepsPerFrame,
    visible: options.visible,
    onError: options.onError,
  });

  // Parameters reach the experiment before its next step. While paused, show their effect now
  // (a rebuild draws new points); one refresh waits at a time, and it sends the latest values.
  let refreshWaiting = false;
  watch(options.params, (now, before) => {
    if (player.playing.value || refreshWaiting || sameParams(now, before)) return;
    refreshWaiting = true;
    session.afterQueued(() => (refreshWaiting = false));
    void advance(0).catch(options.onError);
  });

  // First picture: the untrained state.
  void advance(0).catch(options.onError);

  return {
    player,
    mode: session.mode,
    backend: session.backend,
    notice: session.notice,
    step: readonly(step),
  };
}
