// A straightforward NT-Xent through tf autodiff, the way one would first write it: self-similarity
// replaced by −∞ before a row log-sum-exp. The baseline the hand-written gradient in
// src/core/ntxent.ts is measured (and tested) against. −∞ is fine on the CPU and WASM backends;
// the library itself avoids it because half-precision WebGL turns such constants into NaN.
import { l2Normalize } from '../../src/core';
import { tf } from '../../src/core/tf';

export function plainNtXent(z1: tf.Tensor2D, z2: tf.Tensor2D, tau: number): tf.Scalar {
  return tf.tidy(() => {
    const n = z1.shape[0];
    const u = l2Normalize(tf.concat([z1, z2], 0));
    const logits = tf.div(tf.matMul(u, u, false, true), tau);
    const self = tf.cast(tf.eye(2 * n), 'bool');
    const others = tf.where(self, tf.fill([2 * n, 2 * n], Number.NEGATIVE_INFINITY), logits);
    const partner = tf.concat([tf.slice(u, [n, 0], [n, -1]), tf.slice(u, [0, 0], [n, -1])], 0);
    const positive = tf.div(tf.sum(tf.mul(u, partner), 1), tau);
    return tf.mean(tf.sub(tf.logSumExp(others, 1), positive));
  });
}
