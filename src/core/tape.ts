// Cleanup for a tfjs gradient pass that throws midway. tfjs-core 4.22 ends the tape but keeps its
// nodes when the function under tf.grad throws; the tensors those nodes saved for the backward
// pass are `kept`, so no tidy frees them and every failed step would leak them.
import { tf } from './tf';

/**
 * Disposes the tensors saved by an abandoned gradient tape, if no gradient computation is in
 * progress. Call after catching an error thrown inside `tf.grad`, `tf.grads` or
 * `optimizer.minimize`.
 */
export function releaseAbandonedTape(): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0 || state.activeTape == null) return;
  for (const node of state.activeTape) node.saved?.forEach((t) => t.dispose());
  state.activeTape = [];
}
