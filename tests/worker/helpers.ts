// Shared helpers of the worker tests: a CPU training host and one served over an in-process
// MessageChannel, which is the exact comlink path a Web Worker uses, minus the thread.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/tf';
import { TrainingHost, type TrainingApi } from '../../src/worker/host';
import { connectHost, serveHost, type RemoteHost } from '../../src/worker/protocol';
import type { ExperimentName } from '../../src/worker/registry';

/** Selects the CPU backend (call from beforeAll). */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Selects the WASM backend, the one the lab uses in headless Chromium (and 3–5× faster here). */
export async function useWasm(): Promise<void> {
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  await tf.ready();
}

/** A host on the active backend, as the main-thread fallback builds it. */
export function localHost(): TrainingHost {
  return new TrainingHost(async () => ({
    backend: 'cpu',
    reason: 'tests',
    threads: null,
    threadsWhy: null,
  }));
}

/** A host's commands typed for experiment `N`, as the page's connection types them. */
export function typedApi<N extends ExperimentName>(
  api: TrainingApi | RemoteHost['api'],
): TrainingApi<N> {
  return api as unknown as TrainingApi<N>;
}

/** A host served over a MessageChannel; `close` shuts both ports. */
export function remoteHost(): RemoteHost & { host: TrainingHost; close(): void } {
  const host = localHost();
  const { port1, port2 } = new MessageChannel();
  serveHost(host, port1);
  const remote = connectHost(port2);
  return {
    ...remote,
    host,
    close() {
      port1.close();
      port2.close();
    },
  };
}
