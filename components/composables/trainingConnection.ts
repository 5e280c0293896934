// Opening a training host: a Web Worker (src/worker/training-worker.ts) behind comlink, with a
// `failed` promise that rejects when the worker itself fails — an error, an unreadable message, or
// silence while a call is outstanding (workerSilence.ts) — or, as the fallback, a host on the main
// thread, which yields to the page between slices and, when a step outlasts a slice, while the
// reader works a control (inputQuiet.ts). Both give a Connection with the same typed API.
// No Vue here: useTrainingSession decides when to open, drop and fall back.
import type { BackendName, Tfjs } from '../../src/core/backend';
import type { RunResult, TrainingApi } from '../../src/worker/host';
import type { ExperimentName } from '../../src/worker/registry';
import { nextTask, SLICE_BUDGET_MS } from '../../src/worker/slices';
import { afterInputQuiet, watchInput } from './inputQuiet';
import { useTfjs } from './useTfjs';
import { SilenceWatch } from './workerSilence';

/**
 * A host's commands typed for the experiment the page creates on it. One host runs one experiment
 * at a time and answers with that experiment's results, so the page that creates `N` reads `N`'s.
 * (Type-only: this module must not load the host, which imports tfjs.)
 */
function forExperiment<N extends ExperimentName>(api: TrainingApi): TrainingApi<N> {
  return api as TrainingApi<N>;
}

/** A connection to a training host; a worker's may fail at any call. */
export interface Connection<N extends ExperimentName = ExperimentName> {
  /** The host's commands, typed for the experiment the page creates on it. */
  api: TrainingApi<N>;
  /** Rejects with a WorkerFailure when the worker fails (error or unreadable message). */
  failed: Promise<never>;
  /** Terminates the worker (or frees the main-thread host); safe to call twice. */
  close(): void;
  /** Whether the host runs in a Web Worker (false: on the main thread). */
  isWorker: boolean;
}

/** The worker itself failed (as opposed to a command it rejected, such as a bad parameter). */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/** Errors a worker's tfjs throws when memory or the GPU context runs out. */
const RESOURCE_ERROR = /out of memory|allocation failed|failed to allocate|context (was )?lost/i;

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether `error` means the worker can no longer be trusted, so training should move. */
export function isWorkerFailure(error: unknown): boolean {
  return error instanceof WorkerFailure || RESOURCE_ERROR.test(errorMessage(error));
}

/** The default worker: Vite bundles src/worker/training-worker.ts as a module worker. */
export function bundledWorker(): Worker {
  return new Worker(new URL('../../src/worker/training-worker.ts', import.meta.url), {
    type: 'module',
    name: 'contrastive-training',
  });
}

/** How often a worker's silence is checked while a call is outstanding, in milliseconds. */
const SILENCE_CHECK_MS = 250;

/**
 * Starts a worker with `create` and connects to its host. Every call races the worker's failure,
 * which includes staying silent past the limit of workerSilence.ts (at least `silentMs`).
 */
export async function connectWorker<N extends ExperimentName>(
  create: () => Worker,
  silentMs: number,
): Promise<Connection<N>> {
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
  const silence = new SilenceWatch(silentMs);
  const onMessage = () => silence.message();
  const checks = setInterval(() => {
    const limit = silence.overdue();
    if (limit !== null) fail(new WorkerFailure(`it did not answer within ${limit / 1000} s`));
  }, SILENCE_CHECK_MS);
  void failed.catch(() => clearInterval(checks));
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  worker.addEventListener('message', onMessage);
  const remote = connectHost(worker);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(checks);
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
    worker.removeEventListener('message', onMessage);
    remote.release();
    worker.terminate();
  };
  const call = async (key: keyof TrainingApi, args: unknown[]): Promise<unknown> => {
    silence.begin();
    try {
      const answer = await Promise.race([
        (remote.api[key] as (...a: unknown[]) => Promise<unknown>)(...args),
        failed,
      ]);
      if (key === 'run') silence.task((answer as RunResult).longestTaskMs);
      return answer;
    } finally {
      silence.end();
    }
  };
  const api = new Proxy({} as TrainingApi, {
    get:
      (_, key: keyof TrainingApi) =>
      (...args: unknown[]) =>
        call(key, args),
  });
  return { api: forExperiment<N>(api), failed, isWorker: true, close };
}

/**
 * A host on the main thread, on the page's own tfjs and backend; it never fails as a worker can.
 * Between slices it lets the page answer; when one step outlasts a slice, it also waits until the
 * reader has stopped working the controls, since the page cannot answer during that step.
 */
export async function connectMainThread<N extends ExperimentName>(
  tf: Tfjs,
): Promise<Connection<N>> {
  const { TrainingHost } = await import('../../src/worker/host');
  watchInput();
  const host = new TrainingHost(
    async () => {
      const backend = tf.getBackend() as BackendName;
      // The page's choice describes that backend, threads included, unless a test's tf runs another.
      const choice = useTfjs().state.choice;
      const same = choice?.backend === backend;
      return {
        backend,
        reason: 'the page’s own backend, on the main thread',
        threads: same ? choice.threads : null,
        threadsWhy: same ? choice.threadsWhy : null,
      };
    },
    async (stepMs) => {
      await nextTask();
      if (stepMs > SLICE_BUDGET_MS) await afterInputQuiet();
    },
  );
  return {
    api: forExperiment<N>(host),
    failed: new Promise<never>(() => undefined),
    isWorker: false,
    close: () => void host.dispose(),
  };
}
