import { computed, type ComputedRef } from 'vue';
import { backendLabel } from '../../src/core/backend';
import type { TrainingWorker } from './useTrainingWorker';

/**
 * The sentence a training figure shows about where it trains, e.g. "Training in a background
 * worker on WebAssembly, 4 threads." — or `starting` until the worker (or the main-thread fallback)
 * has a backend. On one WebAssembly thread it also says why ("…, 1 thread: the page is not
 * cross-origin isolated.").
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
    const why = b.threads === 1 && b.threadsWhy ? `: ${b.threadsWhy}` : '';
    return `Training ${where} on ${backendLabel(b.backend, b.threads)}${why}.`;
  });
}
