// The training worker: its own TensorFlow.js, its own backend choice, one training host served
// over comlink (src/worker/protocol.ts). Started by components/composables/trainingConnection.ts;
// the host (src/worker/host.ts) documents the commands, and src/worker/registry.ts the experiments.
// Its heartbeat tells the page it is alive while it trains (src/worker/protocol.ts).
import type { Endpoint } from 'comlink';
import { selectBackend } from '../core/backend';
import { tf } from '../core/tf';
import { probeWorkerBackends } from './capabilities';
import { TrainingHost } from './host';
import { beat, serveHost } from './protocol';

const host = new TrainingHost(async (requested) => {
  const choice = await selectBackend({ requested, tf, capabilities: await probeWorkerBackends() });
  const { backend, reason, threads, threadsWhy } = choice;
  return { backend, reason, threads, threadsWhy };
});

serveHost(host, self as unknown as Endpoint);
beat(self as unknown as Endpoint);
