// InfoNCE as a mutual-information estimator (van den Oord et al. 2018, CPC; Poole et al. 2019),
// on a problem whose true mutual information is known: pairs of correlated Gaussians.
import { mutualInformationBound } from './hardness';
import type { TrainableModel } from './mlp';
import type { Rng } from './rng';
import { tf } from './tf';
import { assertFinite, assertInteger, assertMatrix } from './validate';

/** Throws unless ρ is a correlation strictly inside (−1, 1). */
function assertCorrelation(rho: number): void {
  assertFinite(rho, 'rho');
  if (Math.abs(rho) >= 1) throw new Error(`rho must lie strictly between −1 and 1 (got ${rho}).`);
}

/**
 * True mutual information, in nats, between x ~ N(0, I_d) and y = ρx + √(1−ρ²)·ε, ε ~ N(0, I_d):
 * each of the d coordinate pairs is a bivariate Gaussian with correlation ρ, independent of the
 * others, so `I(x; y) = −(d/2)·log(1 − ρ²)`.
 *
 * @param rho - correlation per dimension, |ρ| < 1.
 * @param dim - d ≥ 1.
 */
export function gaussianMutualInformation(rho: number, dim: number): number {
  assertCorrelation(rho);
  assertInteger(dim, 'dim', 1);
  return -(dim / 2) * Math.log1p(-rho * rho);
}

/** N pairs (x_i, y_i) of correlated Gaussians; row i of `x` goes with row i of `y`. */
export interface GaussianPairs {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

/**
 * Draws `n` pairs of the correlated-Gaussian problem from `rng` (JS numbers, so every backend
 * sees the same samples).
 *
 * @param n - pairs, ≥ 2.
 * @param dim - d ≥ 1.
 * @param rho - correlation per dimension, |ρ| < 1.
 */
export function sampleCorrelatedGaussians(
  n: number,
  dim: number,
  rho: number,
  rng: Rng,
): GaussianPairs {
  assertInteger(n, 'n', 2);
  assertInteger(dim, 'dim', 1);
  assertCorrelation(rho);
  const x = new Float32Array(n * dim);
  const y = new Float32Array(n * dim);
  const spread = Math.sqrt(1 - rho * rho);
  for (let k = 0; k < n * dim; k++) {
    const value = rng.normal();
    x[k] = value;
    y[k] = rho * value + spread * rng.normal();
  }
  return { x: tf.tensor2d(x, [n, dim]), y: tf.tensor2d(y, [n, dim]) };
}

/**
 * The InfoNCE estimate of I(x; y) from a score matrix, `log N − L` with
 *
 *   L = −(1/N) Σ_i log( e^{f(x_i, y_i)} / Σ_j e^{f(x_i, y_j)} ),
 *
 * where `scores[i][j] = f(x_i, y_j)` and the diagonal holds the true pairs. Each term of L is
 * ≥ 0 (the positive is one of the N terms of its own denominator), so the estimate never exceeds
 * log N, whatever the critic: van den Oord et al.'s `I ≥ log N − L`. The terms are clipped at 0
 * so float rounding cannot lift it above log N either.
 *
 * @param scores - `[N, N]` critic scores, N ≥ 2.
 * @returns scalar estimate in nats, differentiable with respect to `scores`.
 */
export function infoNCEEstimate(scores: tf.Tensor2D): tf.Scalar {
  assertMatrix(scores, 'scores', 2);
  const n = scores.shape[0];
  if (scores.shape[1] !== n) {
    throw new Error(`scores must be square [N, N] (got [${scores.shape.join(', ')}]).`);
  }
  return tf.tidy(() => {
    const positive = tf.sum(tf.mul(scores, tf.eye(n)), 1);
    const terms = tf.relu(tf.sub(tf.logSumExp(scores, 1), positive));
    return mutualInformationBound(tf.mean(terms) as tf.Scalar, n);
  });
}

/**
 * The optimal critic of the Gaussian problem, the log density ratio log p(y|x)/p(y) without the
 * terms in x alone (they cancel in each row's softmax):
 *
 *   f*(x, y) = (ρ·x·y − ρ²‖y‖²/2) / (1 − ρ²).
 *
 * With it the InfoNCE estimate is the best the bound allows at that N.
 *
 * @returns `[N, N]` scores f*(x_i, y_j).
 */
export function optimalGaussianCritic(x: tf.Tensor2D, y: tf.Tensor2D, rho: number): tf.Tensor2D {
  assertMatrix(x, 'x');
  assertMatrix(y, 'y');
  assertCorrelation(rho);
  return tf.tidy(() => {
    const cross = tf.mul(tf.matMul(x, tf.transpose(y)), rho);
    const norms = tf.reshape(tf.sum(tf.square(y), 1), [1, -1]);
    return tf.div(tf.sub(cross, tf.mul(norms, (rho * rho) / 2)), 1 - rho * rho) as tf.Tensor2D;
  });
}

/** A learnable critic f(x, y) for the Gaussian problem. */
export interface GaussianCritic extends TrainableModel {
  readonly dim: number;
  /** `[N, N]` scores f(x_i, y_j); call inside a tidy. */
  scores(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D;
}

/**
 * A quadratic critic `f(x, y) = xᵀWy − ½ Σ_k b_k y_k²` with W `[d, d]` and b `[d]`, both starting
 * at zero (every score equal, estimate 0). The optimal critic is in its family (W = ρ/(1−ρ²)·I,
 * b = ρ²/(1−ρ²)), so training can reach the bound; the Trainer's seed does not matter to it.
 *
 * @param dim - d ≥ 1.
 */
export function createGaussianCritic(dim: number): GaussianCritic {
  assertInteger(dim, 'dim', 1);
  const weights = tf.tidy(() => tf.variable(tf.zeros([dim, dim])));
  const quadratic = tf.tidy(() => tf.variable(tf.zeros([dim])));
  const variables = [weights, quadratic];
  return {
    dim,
    variables,
    scores(x, y) {
      assertMatrix(x, 'x');
      assertMatrix(y, 'y');
      return tf.tidy(() => {
        const cross = tf.matMul(tf.matMul(x, weights), tf.transpose(y));
        const norms = tf.reshape(tf.sum(tf.mul(tf.square(y), quadratic), 1), [1, -1]);
        return tf.sub(cross, tf.mul(norms, 0.5)) as tf.Tensor2D;
      });
    },
    reinitialize() {
      tf.tidy(() => variables.forEach((v) => v.assign(tf.zerosLike(v))));
    },
    dispose() {
      variables.forEach((v) => v.dispose());
    },
  };
}
