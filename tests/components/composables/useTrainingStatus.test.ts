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
    backend.value = { backend: 'wasm', reason: 'tests' };
    expect(status.value).toBe('Warming up…'); // a backend, but still starting
    mode.value = 'worker';
    expect(status.value).toMatch(/^Training in a background worker on .+\.$/);
    mode.value = 'main';
    expect(status.value).toMatch(/^Training on the main thread on .+\.$/);
  });
});
