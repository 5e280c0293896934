import {
  getCurrentScope,
  onScopeDispose,
  readonly,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue';

/** The speeds the Player offers: steps per frame relative to `stepsPerFrame` (¼ = every 4th frame). */
export const PLAYER_SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8];

/** Options for `usePlayer`. */
export interface PlayerOptions {
  /** One training step. May be async; the player never starts another before it settles. */
  step: () => void | Promise<void>;
  /** Reads results back and draws; called after every `renderEvery` steps, at most once a frame. */
  render?: () => void | Promise<void>;
  /** Puts the model back to its start (dispose tensors here). Awaited after any pending step. */
  reset?: () => void | Promise<void>;
  /** Steps per animation frame at speed ×1 (default 1). */
  stepsPerFrame?: MaybeRefOrGetter<number>;
  /** Steps between two `render` calls while playing (default 1); read-backs cost a GPU sync. */
  renderEvery?: MaybeRefOrGetter<number>;
  /** When this is false (figure scrolled away), the loop pauses and resumes when it is true again. */
  visible?: MaybeRefOrGetter<boolean>;
  /** Stop by itself once this many steps have run (default: never). */
  maxSteps?: MaybeRefOrGetter<number>;
  /** Starting speed multiplier (default 1). */
  speed?: number;
  /** Called when a step, render or reset throws; the player pauses. */
  onError?: (error: unknown) => void;
  /** Frame scheduler, for tests (default `requestAnimationFrame`). */
  scheduler?: { request(cb: () => void): number; cancel(id: number): void };
}

/** What `usePlayer` returns. */
export interface PlayerControls {
  /** The reader wants it running (it may still be held by `visible` being false). */
  playing: Readonly<Ref<boolean>>;
  /** A step, render or reset is in flight. */
  busy: Readonly<Ref<boolean>>;
  /** Steps run since the last reset. */
  stepCount: Readonly<Ref<number>>;
  /** Speed multiplier (see `PLAYER_SPEEDS`); writable. */
  speed: Ref<number>;
  /** The last error thrown by a callback, or null. */
  error: Readonly<Ref<unknown>>;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Pauses, runs one step and renders. */
  stepOnce(): Promise<void>;
  /** Pauses, waits for a pending step, calls `reset`, zeroes the count and renders. */
  reset(): Promise<void>;
}

const browserScheduler = {
  request: (cb: () => void) => requestAnimationFrame(cb),
  cancel: (id: number) => cancelAnimationFrame(id),
};

/**
 * Drives a training loop on `requestAnimationFrame`: each frame runs `stepsPerFrame × speed` steps
 * (fractions accumulate, so ×¼ steps every fourth frame) and renders every `renderEvery` steps.
 * A frame that arrives while a step is pending is skipped, so slow async steps never overlap and
 * never pile up. Stops for good when the calling component unmounts (or its effect scope ends): a
 * step that settles afterwards neither renders nor schedules another frame.
 */
export function usePlayer(options: PlayerOptions): PlayerControls {
  const scheduler = options.scheduler ?? browserScheduler;
  const playing = ref(false);
  const busy = ref(false);
  const stepCount = ref(0);
  const speed = ref(options.speed ?? 1);
  const error = shallowRef<unknown>(null);

  let frameId: number | null = null;
  let pending: Promise<void> | null = null;
  let budget = 0;
  let sinceRender = 0;
  let disposed = false;

  const visible = () => toValue(options.visible) ?? true;
  const positive = (v: number | undefined, fallback: number) =>
    v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
  const limitReached = () => stepCount.value >= positive(toValue(options.maxSteps), Infinity);

  const fail = (e: unknown) => {
    error.value = e;
    playing.value = false;
    options.onError?.(e);
  };

  /** Runs `work` as the one pending job; other callers wait for it via `pending`. */
  const exclusive = async (work: () => Promise<void>) => {
    while (pending) await pending;
    if (disposed) return;
    busy.value = true;
    const job = work().catch(fail);
    pending = job;
    try {
      await job;
    } finally {
      pending = null;
      busy.value = false;
    }
  };

  const runSteps = async (count: number) => {
    for (let i = 0; i < count && !disposed; i++) {
      await options.step();
      stepCount.value++;
      sinceRender++;
      if (limitReached()) {
        playing.value = false;
        break;
      }
    }
  };

  const render = async () => {
    sinceRender = 0;
    if (!disposed) await options.render?.();
  };

  const schedule = () => {
    if (frameId === null && !disposed && playing.value && visible()) {
      frameId = scheduler.request(onFrame);
    }
  };

  const cancel = () => {
    if (frameId !== null) scheduler.cancel(frameId);
    frameId = null;
  };

  function onFrame() {
    frameId = null;
    if (disposed || !playing.value || !visible()) return;
    if (!pending) {
      budget += positive(toValue(options.stepsPerFrame), 1) * positive(speed.value, 1);
      const count = Math.floor(budget);
      budget -= count;
      if (count > 0) {
        void exclusive(async () => {
          await runSteps(count);
          if (sinceRender >= positive(toValue(options.renderEvery), 1) || !playing.value) {
            await render();
          }
        });
      }
    }
    schedule();
  }

  const play = () => {
    if (disposed || limitReached()) return;
    error.value = null;
    playing.value = true;
    schedule();
  };

  const pause = () => {
    playing.value = false;
    cancel();
    // Shows the state the loop stopped at, not the last read-back before it.
    void exclusive(async () => {
      if (sinceRender > 0) await render();
    });
  };

  const stepOnce = async () => {
    if (playing.value) pause();
    await exclusive(async () => {
      error.value = null;
      await runSteps(1);
      await render();
    });
  };

  const reset = async () => {
    playing.value = false;
    cancel();
    await exclusive(async () => {
      error.value = null;
      await options.reset?.();
      stepCount.value = 0;
      budget = 0;
      await render();
    });
  };

  // Resumes after the figure scrolls back into view; pausing needs nothing (onFrame checks).
  watch(visible, (v) => (v ? schedule() : cancel()));

  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true;
      playing.value = false;
      cancel();
    });
  }

  return {
    playing: readonly(playing),
    busy: readonly(busy),
    stepCount: readonly(stepCount),
    speed,
    error: readonly(error),
    play,
    pause,
    toggle: () => (playing.value ? pause() : play()),
    stepOnce,
    reset,
  };
}
