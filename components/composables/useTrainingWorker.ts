// Runs a training experiment (src/worker/experiments) in a Web Worker and drives it from the
// Player's requestAnimationFrame loop: each frame asks the worker for the steps the Player
// counted, with at most one request in flight, and hands the result (metrics and small
// Float32Array snapshots) to the figure. If the worker cannot start, crashes, runs out of memory
// or stops answering, the same experiment continues on the main thread and `notice` says so.
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
import type { BackendName, Tfjs } from '../../src/core/backend';
import type { HostBackend, RunResult, TrainingApi } from '../../src/worker/host';
import { usePlayer, type PlayerControls } from '../ui/usePlayer';

/** Where the experiment runs. */
export type TrainingMode = 'starting' | 'worker' | 'main';

/** Options of {@link useTrainingWorker}. */
export interface TrainingWorkerOptions {
  /** Registry name of the experiment (src/worker/registry.ts). */
  experiment: string;
  /** Current parameters; a change is sent before the next step (deep-watched). */
  params: () => unknown;
  /** Seed used on creation and by `reset`. */
  seed: MaybeRefOrGetter<number>;
  /** The page's tfjs (from `useDemoFrame()`), used by the main-thread fallback. */
  tf: Tfjs;
  /** Backend the reader asked for (`null` = automatic); the worker chooses its own otherwise. */
  requestedBackend?: MaybeRefOrGetter<BackendName | null>;
  /** Receives every result: metrics, snapshot, layout. */
  onResult: (result: RunResult) => void;
  /** Training restarted from step 0 (reset, rebuild, or a move to the main thread). */
  onRestart?: () => void;
  /** Steps per frame at speed ×1 (default 1). */
  stepsPerFrame?: MaybeRefOrGetter<number>;
  /** False while the figure is off screen: the loop pauses. */
  visible?: MaybeRefOrGetter<boolean>;
  /** Errors the fallback cannot absorb (e.g. a bad parameter): show them in the frame. */
  onError: (error: unknown) => void;
  /** Milliseconds a worker may take to start or to answer one call (default 30 000). */
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
  /** Why training moved to the main thread; null while in the worker. */
  notice: Readonly<Ref<string | null>>;
  /** Steps taken since the last restart, as the experiment reports them. */
  step: Readonly<Ref<number>>;
}

/** The default worker: Vite bundles src/worker/training-worker.ts as a module worker. */
function bundledWorker(): Worker {
  return new Worker(new URL('../../src/worker/training-worker.ts', import.meta.url), {
    type: 'module',
    name: 'contrastive-training',
  });
}

/** A connection that may fail at any call: the failure rejects every call in flight. */
interface Connection {
  api: TrainingApi;
  /** Rejects when the worker fails (error or messageerror event, or a kill). */
  failed: Promise<never>;
  kill(reason: string): void;
  close(): void;
  isWorker: boolean;
}

/** Live training connections of the page, for the e2e hooks below. */
const live = new Set<Connection>();
let pageTf: Tfjs | null = null;

/** Test and diagnostics hooks on `window.__contrastiveTraining` (see tests/e2e/worker.e2e.ts). */
export interface TrainingHooks {
  /** Number of training workers alive. */
  workers(): number;
  /** Stops every training worker as a crash would; returns how many were stopped. */
  kill(): number;
  /** Live tensors of the page's own tfjs (the main thread), or null before tfjs loaded. */
  mainThreadTensors(): number | null;
}

function installHooks(): void {
  if (typeof window === 'undefined') return;
  const hooks: TrainingHooks = {
    workers: () => [...live].filter((c) => c.isWorker).length,
    kill: () => {
      const workers = [...live].filter((c) => c.isWorker);
      workers.forEach((c) => c.kill('it was stopped from outside by the test hook'));
      return workers.length;
    },
    mainThreadTensors: () => pageTf?.memory().numTensors ?? null,
  };
  (window as unknown as { __contrastiveTraining: TrainingHooks }).__contrastiveTraining = hooks;
}

/** The worker itself failed (as opposed to a command it rejected, such as a bad parameter). */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/** Errors a worker's tfjs throws when memory or the GPU context runs out. */
const RESOURCE_ERROR = /out of memory|allocation failed|failed to allocate|context (was )?lost/i;

/** Whether `error` means the worker can no longer be trusted, so training should move. */
export function isWorkerFailure(error: unknown): boolean {
  return error instanceof WorkerFailure || RESOURCE_ERROR.test(message(error));
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WorkerFailure(`${what} did not answer within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function connectWorker(create: () => Worker, timeoutMs: number): Promise<Connection> {
  const { connectHost } = await import('../../src/worker/protocol');
  const worker = create();
  let fail: (reason: WorkerFailure) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined); // observed by whoever races against it
  const onError = (event: Event) => {
    event.preventDefault(); // handled here: not an uncaught error of the page
    const detail = event instanceof ErrorEvent && event.message ? event.message : 'it crashed';
    fail(new WorkerFailure(`it failed: ${detail}`));
  };
  const onMessageError = () => fail(new WorkerFailure('one of its messages was unreadable'));
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  const remote = connectHost(worker);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
    remote.release();
    worker.terminate();
  };
  const api = new Proxy({} as TrainingApi, {
    get:
      (_, key: keyof TrainingApi) =>
      (...args: unknown[]) =>
        withTimeout(
          Promise.race([
            (remote.api[key] as (...a: unknown[]) => Promise<unknown>)(...args),
            failed,
          ]),
          timeoutMs,
          'the training worker',
        ),
  });
  return {
    api,
    failed,
    isWorker: true,
    kill: (reason) => {
      close();
      fail(new WorkerFailure(reason));
    },
    close,
  };
}

async function connectMainThread(tf: Tfjs): Promise<Connection> {
  const { TrainingHost } = await import('../../src/worker/host');
  const host = new TrainingHost(async () => ({
    backend: tf.getBackend() as BackendName,
    reason: 'the page’s own backend, on the main thread',
  }));
  return {
    api: host,
    failed: new Promise<never>(() => undefined),
    isWorker: false,
    kill: () => undefined,
    close: () => void host.dispose(),
  };
}

/**
 * Trains the registry experiment `options.experiment` off the main thread, driven by a Player.
 * Call it from the live component's setup, inside a DemoFrame. The worker starts on mount (the
 * component mounts only once the frame is on screen) and is terminated when the component
 * unmounts, e.g. when the reader navigates away.
 */
export function useTrainingWorker(options: TrainingWorkerOptions): TrainingWorker {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const mode = ref<TrainingMode>('starting');
  const backend = shallowRef<HostBackend | null>(null);
  const notice = ref<string | null>(null);
  const step = ref(0);
  let connection: Connection | null = null;
  let disposed = false;
  let queued = 0;
  // Commands run one after another: never two requests in flight.
  let chain: Promise<unknown> = Promise.resolve();
  let sentParams = JSON.stringify(options.params());

  pageTf = options.tf;
  installHooks();

  const forceMain =
    options.forceMainThread ??
    (typeof location !== 'undefined' &&
      new URLSearchParams(location.search).get('training') === 'main');

  const requested = () => toValue(options.requestedBackend) ?? null;

  async function open(conn: Connection): Promise<void> {
    connection = conn;
    live.add(conn);
    // A crash while idle (no call in flight to notice it) moves training at once.
    conn.failed.catch((error) => {
      if (disposed) return;
      chain = chain.then(async () => {
        if (connection === conn) await fallBack(error).catch(options.onError);
      });
      void advance(0).catch(options.onError);
    });
    const chosen = await conn.api.init(requested());
    // Unmounted while starting (the reader navigated away): stop here, leave nothing running.
    if (disposed) return drop(conn);
    backend.value = chosen;
    sentParams = JSON.stringify(options.params());
    await conn.api.create(options.experiment, JSON.parse(sentParams), toValue(options.seed));
    if (disposed) return drop(conn);
    mode.value = conn.isWorker ? 'worker' : 'main';
  }

  function drop(conn: Connection | null): void {
    if (!conn) return;
    live.delete(conn);
    conn.close();
    if (connection === conn) connection = null;
  }

  /** Moves to the main thread after a worker failure; progress restarts from step 0. */
  async function fallBack(reason: unknown): Promise<void> {
    drop(connection);
    if (disposed) return;
    notice.value =
      `The background worker stopped (${message(reason)}). Training continues on the main ` +
      'thread, which can make the page less responsive while it runs.';
    console.warn('[training worker]', reason);
    mode.value = 'starting';
    await open(await connectMainThread(options.tf));
    step.value = 0;
    options.onRestart?.();
  }

  async function start(): Promise<void> {
    if (forceMain) {
      await open(await connectMainThread(options.tf));
      return;
    }
    let conn: Connection | null = null;
    try {
      conn = await connectWorker(options.createWorker ?? bundledWorker, timeoutMs);
      if (disposed) return drop(conn);
      await open(conn);
    } catch (error) {
      if (disposed) return;
      drop(conn);
      await fallBack(error);
    }
  }

  /** Runs `work` after every earlier command; a worker failure switches to the main thread. */
  function command<T>(work: (api: TrainingApi) => Promise<T>): Promise<T | null> {
    const next = chain.then(async () => {
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
    chain = next.catch(() => undefined);
    return next;
  }

  chain = start().catch((error) => {
    if (!disposed) options.onError(error);
  });

  async function syncParams(api: TrainingApi): Promise<void> {
    const current = JSON.stringify(options.params());
    if (current === sentParams) return;
    sentParams = current;
    if (await api.setParams(JSON.parse(current))) {
      step.value = 0;
      options.onRestart?.();
    }
  }

  async function advance(steps: number): Promise<void> {
    const result = await command(async (api) => {
      await syncParams(api);
      return api.run(steps, true);
    });
    if (!result || disposed) return;
    step.value = result.step;
    options.onResult(result);
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
      await command(async (api) => {
        await syncParams(api);
        await api.reset(toValue(options.seed));
      });
      step.value = 0;
      options.onRestart?.();
    },
    stepsPerFrame: options.stepsPerFrame,
    visible: options.visible,
    onError: options.onError,
  });

  // Parameters reach the experiment before its next step. While paused, show their effect now
  // (a rebuild draws new points); one refresh waits at a time, and it sends the latest values.
  let refreshWaiting = false;
  watch(
    options.params,
    () => {
      if (player.playing.value || refreshWaiting) return;
      refreshWaiting = true;
      chain = chain.then(() => (refreshWaiting = false));
      void advance(0).catch(options.onError);
    },
    { deep: true },
  );

  // First picture: the untrained state.
  void advance(0).catch(options.onError);

  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true;
      const conn = connection;
      // A worker goes at once; a main-thread host first finishes the step it is on.
      if (conn?.isWorker) drop(conn);
      else void chain.then(() => drop(conn));
    });
  }

  return {
    player,
    mode: readonly(mode),
    backend: readonly(backend) as Readonly<Ref<HostBackend | null>>,
    notice: readonly(notice),
    step: readonly(step),
  };
}
