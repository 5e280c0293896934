// The training worker: its own TensorFlow.js, its own backend choice, one training host served
// over comlink. Started by components/composables/useTrainingWorker.ts.
import type { Endpoint } from 'comlink';
import { selectBackend } from '../core/backend';
import { tf } from '../core/tf';
import { probeWorkerBackends } from './capabilities';
import { TrainingHost } from './host';
import { serveHost } from './protocol';

const host = new TrainingHost(async (requested) => {
  const choice = await selectBackend({ requested, tf, capabilities: await probeWorkerBackends() });
  return { backend: choice.backend, reason: choice.reason };
});

serveHost(host, self as unknown as Endpoint);
