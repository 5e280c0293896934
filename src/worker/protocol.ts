// The wire between a page and a training host: comlink over any message endpoint (a Worker, or a
// MessagePort in tests). Calls are the TrainingApi of src/worker/host.ts; what crosses is plain
// (names, flat parameter records, numbers) and results travel with their Float32Array buffers
// transferred, not copied. The wire itself checks nothing: the host checks every command it gets.
// Beside the calls, a worker posts a heartbeat every HEARTBEAT_MS: the page treats a worker that
// stays silent while a call is outstanding as failed (components/composables/trainingConnection.ts).
import { expose, releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { FloatArrays } from './experiment';
import type { RunResult, TrainingApi } from './host';

/** Milliseconds between two heartbeats of a worker. */
export const HEARTBEAT_MS = 1000;

/** The heartbeat message (comlink ignores messages without an id). */
const HEARTBEAT = { heartbeat: true } as const;

/** Posts a heartbeat on `endpoint` now and every HEARTBEAT_MS, whenever the thread is free. */
export function beat(endpoint: Pick<Endpoint, 'postMessage'>): void {
  endpoint.postMessage(HEARTBEAT);
  setInterval(() => endpoint.postMessage(HEARTBEAT), HEARTBEAT_MS);
}

/** The arrays of a snapshot's or layout's record. */
function arraysOf(record: FloatArrays | null | undefined): Float32Array[] {
  return Object.values(record ?? {}).filter((a): a is Float32Array => a instanceof Float32Array);
}

/** The buffers of a run result's snapshot and layout arrays, for transfer. */
export function resultBuffers(result: RunResult): ArrayBuffer[] {
  const arrays = [...arraysOf(result.snapshot?.arrays), ...arraysOf(result.layout)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * Serves `host` on `endpoint` (`self` in a worker): every call is answered over the endpoint, and
 * run results hand over their arrays' buffers instead of copying them.
 */
export function serveHost(host: TrainingApi, endpoint: Endpoint): void {
  const api: TrainingApi = {
    init: (requested) => host.init(requested),
    create: (name, params, seed) => host.create(name, params, seed),
    run: async (steps, snapshot) => {
      const result = await host.run(steps, snapshot);
      return transfer(result, resultBuffers(result));
    },
    setParams: (params) => host.setParams(params),
    reset: (seed) => host.reset(seed),
    dispose: () => host.dispose(),
  };
  expose(api, endpoint);
}

/** A host on the other side of a message endpoint, with a way to drop the connection. */
export interface RemoteHost {
  api: Remote<TrainingApi>;
  /** Releases the proxy (the endpoint itself is the caller's to close or terminate). */
  release(): void;
}

/** Connects to a host served with {@link serveHost} on the other end of `endpoint`. */
export function connectHost(endpoint: Endpoint): RemoteHost {
  const api = wrap<TrainingApi>(endpoint);
  return { api, release: () => api[releaseProxy]() };
}
