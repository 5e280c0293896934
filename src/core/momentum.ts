// The momentum (exponential moving average) update of a key encoder from a query encoder, as in
// MoCo (He et al., 2020, Eq. 2): θ_k ← m·θ_k + (1 − m)·θ_q. Only θ_q is trained by gradient
// descent; θ_k follows it slowly. Meant for the Trainer's afterStep hook.
import { tf } from './tf';

function checkPairs(target: readonly tf.Variable[], source: readonly tf.Variable[]): void {
  if (target.length !== source.length) {
    throw new Error(
      `target and source must list the same variables (got ${target.length} and ${source.length}).`,
    );
  }
  target.forEach((t, i) => {
    const s = source[i] as tf.Variable;
    if (t.shape.join() !== s.shape.join()) {
      throw new Error(
        `variable ${i}: target [${t.shape.join(', ')}] and source [${s.shape.join(', ')}] differ.`,
      );
    }
  });
}

/** Checks the momentum coefficient: m ∈ [0, 1). */
export function assertMomentum(m: number): void {
  if (!(Number.isFinite(m) && m >= 0 && m < 1)) {
    throw new Error(`momentum must lie in [0, 1) (got ${m}).`);
  }
}

/**
 * θ_k ← m·θ_k + (1 − m)·θ_q for every pair of variables, in place. m = 0 copies the source.
 *
 * @param target - the key encoder's variables θ_k (assigned to).
 * @param source - the query encoder's variables θ_q, same order and shapes (read only).
 * @param m - momentum in [0, 1).
 */
export function momentumUpdate(
  target: readonly tf.Variable[],
  source: readonly tf.Variable[],
  m: number,
): void {
  checkPairs(target, source);
  assertMomentum(m);
  tf.tidy(() => {
    target.forEach((t, i) => {
      const s = source[i] as tf.Variable;
      t.assign(m === 0 ? s : tf.add(tf.mul(t, m), tf.mul(s, 1 - m)));
    });
  });
}

/** θ_k ← θ_q: the key encoder starts as a copy of the query encoder. */
export function copyVariables(
  target: readonly tf.Variable[],
  source: readonly tf.Variable[],
): void {
  momentumUpdate(target, source, 0);
}

/**
 * How far θ_k is from θ_q, relative to θ_q: ‖θ_k − θ_q‖ / ‖θ_q‖ over all variables together.
 * 0 right after a copy (m = 0); it grows while the query encoder moves faster than the key
 * encoder follows.
 */
export function parameterLag(
  target: readonly tf.Variable[],
  source: readonly tf.Variable[],
): tf.Scalar {
  checkPairs(target, source);
  return tf.tidy(() => {
    const diff = tf.addN(target.map((t, i) => tf.sum(tf.squaredDifference(t, source[i]!))));
    const norm = tf.addN(source.map((s) => tf.sum(tf.square(s))));
    return tf.sqrt(tf.div(diff, tf.maximum(norm, 1e-30))) as tf.Scalar;
  });
}
