import { computed, type ComputedRef } from 'vue';
import { BACKEND_LABELS } from '../../src/core/backend';
import type { TrainingWorker } from './useTrainingWorker';

/**
 * The sentence a training figure shows about where it trains, e.g. "Training in a background
 * worker on WebGL." — or `starting` until the worker (or the main-thread fallback) has a backend.
 */
export function useTrainingStatus(
  training: TrainingWorker,
  starting = 'Starting the training…',
): ComputedRef<string> {
  return computed(() => {
    const b = training.backend.value;
    if (training.mode.value === 'starting' || !b) return starting;
    const where =
      training.mode.value === 'worker' ? 'in a background worker' : 'on the main thread';
    return `Training ${where} on ${BACKEND_LABELS[b.backend]}.`;
  });
}
