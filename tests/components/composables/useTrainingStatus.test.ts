// The sentence a training figure shows about where it trains.
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useTrainingStatus } from '../../../components/composables/useTrainingStatus';
import type { TrainingWorker } from '../../../components/composables/useTrainingWorker';
import type { TrainingMode } from '../../../components/composables/useTrainingSession';
import type { HostBackend } from '../../../src/worker/host';

describe('useTrainingStatus', () => {
  it('says “starting” until there is a backend, then where and on what it trains', () => {
    const mode = ref<TrainingMode>('starting');
    const backend = ref<HostBackend | null>(null);
    const training = { mode, backend } as unknown as TrainingWorker;
    const status = useTrainingStatus(training, 'Warming up…');
    expect(status.value).toBe('Warming up…');
    backend.value = { backend: 'wasm', reason: 'tests', threads: 4, threadsWhy: 'tests' };
    expect(status.value).toBe('Warming up…'); // a backend, but still starting
    mode.value = 'worker';
    expect(status.value).toMatch(/^Training in a background worker on .+\.$/);
    mode.value = 'main';
    expect(status.value).toMatch(/^Training on the main thread on .+\.$/);
    expect(status.value).toBe('Training on the main thread on WebAssembly, 4 threads.');
  });

  it('says why WebAssembly runs on one thread', () => {
    const backend = ref<HostBackend | null>({
      backend: 'wasm',
      reason: 'tests',
      threads: 1,
      threadsWhy: 'the page is not cross-origin isolated',
    });
    const training = { mode: ref<TrainingMode>('worker'), backend } as unknown as TrainingWorker;
    expect(useTrainingStatus(training).value).toBe(
      'Training in a background worker on WebAssembly, 1 thread: the page is not cross-origin isolated.',
    );
    backend.value = { backend: 'cpu', reason: 'tests', threads: null, threadsWhy: null };
    expect(useTrainingStatus(training).value).toBe(
      'Training in a background worker on Plain JavaScript (CPU).',
    );
  });
});
