// The life of one figure's training host: start it (a Web Worker, or the main thread when forced),
// create the experiment, run the page's commands one after another, and when the worker fails —
// it crashes, runs out of memory or falls silent — move to the main thread, say so in `notice`,
// and carry on there from the step the worker had reached (the same seed and settings, replayed).
// Ends with the calling component: a worker is terminated at once, a main-thread host after the
// command it is on. The run loop is useTrainingWorker's.
import { getCurrentScope, onScopeDispose, readonly, ref, shallowRef, type Ref } from 'vue';
import type { BackendName, Tfjs } from '../../src/core/backend';
import type { HostBackend, RunResult, TrainingApi } from '../../src/worker/host';
import { SLICE_BUDGET_MS } from '../../src/worker/slices';
import type { ExperimentName, ExperimentParams } from '../../src/worker/registry';
import {
  connectMainThread,
  connectWorker,
  errorMessage,
  isWorkerFailure,
  type Connection,
} from './trainingConnection';
import { forgetConnection, installTrainingHooks, trackConnection } from './trainingHooks';
import { SerialQueue } from './serialQueue';
import type { ParamSync } from './trainingParams';

/** Where the experiment runs. */
export type TrainingMode = 'starting' | 'worker' | 'main';

/** Options of {@link useTrainingSession}. */
export interface TrainingSessionOptions<N extends ExperimentName> {
  /** Registry name of the experiment. */
  experiment: N;
  /** The figure's parameters; the session creates the experiment with `forCreate()`. */
  params: ParamSync<ExperimentParams<N>>;
  /** Seed the experiment is created with. */
  seed: () => number;
  /** Backend the reader asked for (`null` = automatic). */
  requestedBackend: () => BackendName | null;
  /** The page's tfjs, for the main-thread host. */
  tf: Tfjs;
  /** Creates the worker. */
  createWorker: () => Worker;
  /** Skip the worker and train on the main thread from the start. */
  forceMainThread: boolean;
  /** Milliseconds a worker may stay silent during a call, at least (see workerSilence.ts). */
  timeoutMs: number;
  /** The step the figure last showed: the main thread replays up to it after a worker failure. */
  lastStep: () => number;
  /** Errors the fallback cannot absorb (e.g. a bad parameter). */
  onError: (error: unknown) => void;
  /**
   * Training moved to the main thread: it restarted there, and `replayed` is the result of the
   * steps taken again up to `lastStep()` (null when there were none).
   */
  onFallback: (replayed: RunResult<N> | null) => void;
  /** The worker failed while no command was running: queue a command to show the new state. */
  onIdleFailure: () => void;
}

/** What {@link useTrainingSession} returns. */
export interface TrainingSession<N extends ExperimentName> {
  mode: Readonly<Ref<TrainingMode>>;
  /** Backend the experiment computes on, and why; null while starting. */
  backend: Readonly<Ref<HostBackend | null>>;
  /** Why training runs on the main thread and what that means; null while in the worker. */
  notice: Readonly<Ref<string | null>>;
  /**
   * Runs `work` after every earlier command (never two in flight). A worker failure moves
   * training to the main thread and answers null; other errors reject. Null once disposed.
   */
  command<T>(work: (api: TrainingApi<N>) => Promise<T>): Promise<T | null>;
  /** Calls `then` once every command queued so far has settled. */
  afterQueued(then: () => void): void;
  /** Whether the component ended (nothing runs any more). */
  isDisposed(): boolean;
}

/** What training on the main thread means for the reader. */
const ON_THE_MAIN_THREAD =
  `It trains in slices of about ${SLICE_BUDGET_MS} ms between the page’s other work. When a ` +
  'single step takes longer, the page cannot answer until that step ends, so training waits ' +
  'while you use the controls and goes on a second after you stop.';

/** The notice of a figure that trains on the main thread because the address asks for it. */
export const MAIN_THREAD_NOTICE = `Training runs on the main thread (training=main in the address). ${ON_THE_MAIN_THREAD}`;

/** The sentences a figure shows after moving to the main thread at step `resumedAt`. */
export function fallbackNotice(reason: unknown, resumedAt = 0): string {
  const where =
    resumedAt > 0 ? `, from step ${resumedAt} (replayed with the current settings)` : '';
  return (
    `The background worker stopped (${errorMessage(reason)}). Training continues on the main ` +
    `thread${where}. ${ON_THE_MAIN_THREAD}`
  );
}

/** Starts the host of experiment `options.experiment`; see the comment at the top of the file. */
export function useTrainingSession<N extends ExperimentName>(
  options: TrainingSessionOptions<N>,
): TrainingSession<N> {
  const mode = ref<TrainingMode>('starting');
  const backend = shallowRef<HostBackend | null>(null);
  const notice = ref<string | null>(null);
  let connection: Connection<N> | null = null;
  let disposed = false;
  // Start-up, commands and the fallback run one after another: never two requests in flight.
  const queue = new SerialQueue();

  installTrainingHooks(options.tf);

  /** Makes `conn` the current connection, then creates the experiment on it. */
  async function open(conn: Connection<N>): Promise<void> {
    connection = conn;
    trackConnection(conn);
    // A crash while idle (no call in flight to notice it) moves training at once.
    conn.failed.catch((error) => {
      if (disposed) return;
      void queue.run(async () => {
        if (connection === conn) await fallBack(error).catch(options.onError);
      });
      options.onIdleFailure();
    });
    const chosen = await conn.api.init(options.requestedBackend());
    // Unmounted while starting (the reader navigated away): stop here, leave nothing running.
    if (disposed) return drop(conn);
    backend.value = chosen;
    await conn.api.create(options.experiment, options.params.forCreate(), options.seed());
    if (disposed) return drop(conn);
    mode.value = conn.isWorker ? 'worker' : 'main';
  }

  function drop(conn: Connection<N> | null): void {
    if (!conn) return;
    forgetConnection(conn);
    conn.close();
    if (connection === conn) connection = null;
  }

  /**
   * Moves to the main thread after a worker failure: the experiment is created again from the
   * same seed and settings and replays the steps the figure had reached.
   */
  async function fallBack(reason: unknown): Promise<void> {
    const resumeAt = options.lastStep();
    drop(connection);
    if (disposed) return;
    notice.value = fallbackNotice(reason, resumeAt);
    console.warn('[training worker]', reason);
    mode.value = 'starting';
    const conn = await connectMainThread<N>(options.tf);
    await open(conn);
    if (disposed || connection !== conn) return;
    options.onFallback(resumeAt > 0 ? await conn.api.run(resumeAt, true) : null);
  }

  async function start(): Promise<void> {
    if (options.forceMainThread) {
      notice.value = MAIN_THREAD_NOTICE;
      await open(await connectMainThread<N>(options.tf));
      return;
    }
    let conn: Connection<N> | null = null;
    try {
      conn = await connectWorker<N>(options.createWorker, options.timeoutMs);
      if (disposed) return drop(conn);
      await open(conn);
    } catch (error) {
      if (disposed) return;
      drop(conn);
      await fallBack(error);
    }
  }

  function command<T>(work: (api: TrainingApi<N>) => Promise<T>): Promise<T | null> {
    return queue.run(async () => {
      if (disposed || !connection) return null;
      const conn = connection;
      try {
        return await work(conn.api);
      } catch (error) {
        if (disposed) return null;
        if (!conn.isWorker || !isWorkerFailure(error)) throw error;
        await fallBack(error);
        return null;
      }
    });
  }

  void queue.run(() =>
    start().catch((error) => {
      if (!disposed) options.onError(error);
    }),
  );

  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true;
      const conn = connection;
      // A worker goes at once; a main-thread host first finishes the step it is on.
      if (conn?.isWorker) drop(conn);
      else queue.after(() => drop(conn));
    });
  }

  return {
    mode: readonly(mode),
    backend: readonly(backend) as Readonly<Ref<HostBackend | null>>,
    notice: readonly(notice),
    command,
    afterQueued: (then) => queue.after(then),
    isDisposed: () => disposed,
  };
}
