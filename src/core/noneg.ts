// Learning without negatives: the losses of SimSiam (Chen & He, 2021), BYOL (Grill et al., 2020)
// and Barlow Twins (Zbontar et al., 2021), the momentum (EMA) update of BYOL's target network, and
// the two collapse read-outs of the chapter: the standard deviation of the ℓ2-normalised outputs
// (SimSiam's measure of complete collapse) and the eigenvalue spectrum of the embedding covariance
// with its effective rank (Jing et al., 2022, for dimensional collapse; Roy & Vetterli, 2007, for
// the effective rank).
import { cachedConstant } from './constants';
import { l2Normalize } from './similarity';
import { tf } from './tf';
import { assertFinite, assertMatrix, assertSameShape } from './validate';

/**
 * Added to each dimension's batch variance before the square root when Barlow Twins standardises
 * its embeddings, as PyTorch's BatchNorm1d (which the paper's code uses) does.
 */
export const STANDARDIZE_EPSILON = 1e-5;

/**
 * The identity forward, a zero gradient backward: what `z.detach()` is in PyTorch. The value is a
 * copy of `x`; nothing flows back into whatever computed it.
 */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const op = tf.customGrad((input) => ({
    value: tf.clone(input as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  }));
  return op(x) as T;
}

/** The d × d identity matrix (cached per d, like every constant of the core). */
function identity(d: number): tf.Tensor2D {
  return cachedConstant(`identity:${d}`, () => tf.eye(d) as tf.Tensor2D);
}

/** Mean over rows of the cosine between row i of `a` and row i of `b`. */
function meanRowCosine(a: tf.Tensor2D, b: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sum(tf.mul(l2Normalize(a), l2Normalize(b)), 1)));
}

function checkPair(a: tf.Tensor, nameA: string, b: tf.Tensor, nameB: string): void {
  assertMatrix(a, nameA);
  assertMatrix(b, nameB);
  assertSameShape(a, nameA, b, nameB);
}

/**
 * SimSiam's symmetrised loss (Chen & He 2021, eq. 3–4):
 * `½ D(p₁, sg(z₂)) + ½ D(p₂, sg(z₁))`, with `D(p, z) = −mean_i cos(p_i, z_i)` and `sg` a
 * stop-gradient. Its value lies in [−1, 1]; −1 when every prediction points at its target.
 *
 * @param p1 - `[n, d]` predictor outputs of the first views.
 * @param p2 - `[n, d]` predictor outputs of the second views.
 * @param z1 - `[n, d]` projector outputs of the first views (the targets of p2).
 * @param z2 - `[n, d]` projector outputs of the second views (the targets of p1).
 * @param stopGrad - stop the gradient at the targets (default true, the paper's method); false is
 *   the ablation that collapses.
 */
export function simsiamLoss(
  p1: tf.Tensor2D,
  p2: tf.Tensor2D,
  z1: tf.Tensor2D,
  z2: tf.Tensor2D,
  stopGrad = true,
): tf.Scalar {
  checkPair(p1, 'p1', p2, 'p2');
  checkPair(z1, 'z1', z2, 'z2');
  assertSameShape(p1, 'p1', z1, 'z1');
  return tf.tidy(() => {
    const target = (z: tf.Tensor2D) => (stopGrad ? stopGradient(z) : z);
    const d12 = meanRowCosine(p1, target(z2));
    const d21 = meanRowCosine(p2, target(z1));
    return tf.neg(tf.mul(tf.add(d12, d21), 0.5)) as tf.Scalar;
  });
}

/**
 * BYOL's symmetrised loss (Grill et al. 2020, eq. 2): for each view, the squared distance between
 * the normalised online prediction and the normalised target projection of the other view,
 * `‖q̄ − z̄′‖² = 2 − 2·cos(q, z′)`, averaged over the batch, the two directions added. The targets
 * come from the target network and receive no gradient (they are stopped here as well). Its value
 * lies in [0, 8].
 *
 * @param q1 - `[n, d]` online predictions of the first views.
 * @param q2 - `[n, d]` online predictions of the second views.
 * @param t1 - `[n, d]` target projections of the first views (the targets of q2).
 * @param t2 - `[n, d]` target projections of the second views (the targets of q1).
 */
export function byolLoss(
  q1: tf.Tensor2D,
  q2: tf.Tensor2D,
  t1: tf.Tensor2D,
  t2: tf.Tensor2D,
): tf.Scalar {
  checkPair(q1, 'q1', q2, 'q2');
  checkPair(t1, 't1', t2, 't2');
  assertSameShape(q1, 'q1', t1, 't1');
  return tf.tidy(() => {
    const c12 = meanRowCosine(q1, stopGradient(t2));
    const c21 = meanRowCosine(q2, stopGradient(t1));
    return tf.sub(4, tf.mul(tf.add(c12, c21), 2)) as tf.Scalar;
  });
}

/**
 * Each column of `z` standardised over the batch: `(z − mean) / sqrt(var + ε)`, with the biased
 * variance and ε = {@link STANDARDIZE_EPSILON} (BatchNorm1d without affine parameters).
 */
export function standardizeColumns(z: tf.Tensor2D): tf.Tensor2D {
  assertMatrix(z, 'z', 2);
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(z, 0);
    return tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, STANDARDIZE_EPSILON))) as tf.Tensor2D;
  });
}

/**
 * Barlow Twins' cross-correlation matrix (Zbontar et al. 2021, eq. 2): `C = z̃₁ᵀ z̃₂ / n` with each
 * column standardised over the batch ({@link standardizeColumns}). `C_ij` is the correlation, over
 * the batch, of dimension i of the first views with dimension j of the second.
 *
 * @returns `[d, d]` matrix with entries in about [−1, 1].
 */
export function crossCorrelation(z1: tf.Tensor2D, z2: tf.Tensor2D): tf.Tensor2D {
  checkPair(z1, 'z1', z2, 'z2');
  return tf.tidy(() => {
    const n = z1.shape[0];
    return tf.div(
      tf.matMul(tf.transpose(standardizeColumns(z1)), standardizeColumns(z2)),
      n,
    ) as tf.Tensor2D;
  });
}

/**
 * Barlow Twins' loss (Zbontar et al. 2021, eq. 1): `Σ_i (1 − C_ii)² + λ Σ_i Σ_{j≠i} C_ij²` on the
 * {@link crossCorrelation} `C`. The first term makes every dimension agree across the two views
 * (invariance); the second makes different dimensions uncorrelated (redundancy reduction).
 *
 * @param z1 - `[n, d]` embeddings of the first views, n ≥ 2.
 * @param z2 - `[n, d]` embeddings of the second views.
 * @param lambda - weight λ ≥ 0 of the off-diagonal term (the paper: 5·10⁻³ at d = 8192).
 */
export function barlowTwinsLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, lambda: number): tf.Scalar {
  assertFinite(lambda, 'lambda');
  if (lambda < 0) throw new Error(`lambda must be ≥ 0 (got ${lambda}).`);
  return tf.tidy(() => {
    const c = crossCorrelation(z1, z2);
    const eye = identity(c.shape[0]);
    // (C − I)² weighted 1 on the diagonal and λ off it.
    const weights = tf.add(tf.mul(tf.sub(1, eye), lambda), eye);
    return tf.sum(tf.mul(tf.square(tf.sub(c, eye)), weights)) as tf.Scalar;
  });
}

/**
 * SimSiam's collapse read-out (Chen & He 2021, Fig. 2): the standard deviation over the rows of
 * each column of the ℓ2-normalised rows of `z`, averaged over the d columns. It is 0 when every
 * row points the same way (complete collapse) and close to 1/√d when the rows are spread like
 * random directions of ℝ^d.
 *
 * @param z - `[n, d]` outputs, n ≥ 2.
 */
export function normalizedOutputStd(z: tf.Tensor2D): tf.Scalar {
  assertMatrix(z, 'z', 2);
  return tf.tidy(() => tf.mean(tf.sqrt(tf.moments(l2Normalize(z), 0).variance)));
}

/**
 * The BYOL / MoCo momentum update, in place: `ξ ← m·ξ + (1 − m)·θ` for each target variable ξ and
 * its online counterpart θ. Call inside a tidy (the Trainer's afterStep runs in one).
 *
 * @param target - the target network's variables.
 * @param online - the online network's variables, in the same order and shapes.
 * @param momentum - m in [0, 1]: 1 keeps the target fixed, 0 copies the online network.
 */
export function emaUpdate(
  target: readonly tf.Variable[],
  online: readonly tf.Variable[],
  momentum: number,
): void {
  if (!(momentum >= 0 && momentum <= 1)) {
    throw new Error(`momentum must lie in [0, 1] (got ${momentum}).`);
  }
  if (target.length !== online.length) {
    throw new Error(`target has ${target.length} variables, online ${online.length}.`);
  }
  tf.tidy(() => {
    target.forEach((xi, i) => {
      const theta = online[i]!;
      assertSameShape(xi, `target[${i}]`, theta, `online[${i}]`);
      xi.assign(tf.add(tf.mul(xi, momentum), tf.mul(theta, 1 - momentum)));
    });
  });
}

/**
 * Eigenvalues of the symmetric `d × d` matrix `a` (row-major), largest first, by the cyclic Jacobi
 * method in float64. Meant for the small covariance matrices of the read-outs (d ≤ 128).
 */
export function symmetricEigenvalues(a: ArrayLike<number>, d: number): Float64Array {
  if (a.length !== d * d) throw new Error(`a must hold ${d}×${d} values (got ${a.length}).`);
  const m = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < d; p++) {
      diag += m[p * d + p]! ** 2;
      for (let q = p + 1; q < d; q++) off += m[p * d + q]! ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q]!;
        if (apq === 0) continue;
        const app = m[p * d + p]!;
        const aqq = m[q * d + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = m[k * d + p]!;
          const akq = m[k * d + q]!;
          m[k * d + p] = c * akp - s * akq;
          m[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = m[p * d + k]!;
          const aqk = m[q * d + k]!;
          m[p * d + k] = c * apk - s * aqk;
          m[q * d + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Float64Array.from({ length: d }, (_, i) => m[i * d + i]!).sort((x, y) => y - x);
}

/**
 * The spectrum of a set of embeddings (Jing et al. 2022, Fig. 2): the eigenvalues, largest first,
 * of their covariance `(1/n) Σ_i (z_i − z̄)(z_i − z̄)ᵀ`, computed in float64. These are also its
 * singular values, since the covariance is symmetric positive semi-definite; rounding can leave
 * the smallest a hair below 0, and they are clipped to 0.
 *
 * @param rows - `[n, d]` embeddings, row-major.
 * @param d - width of a row.
 */
export function covarianceSpectrum(rows: ArrayLike<number>, d: number): Float64Array {
  const n = rows.length / d;
  if (!Number.isInteger(n) || n < 1 || d < 1) {
    throw new Error(`rows must be [n, ${d}] (got ${rows.length} values).`);
  }
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += rows[i * d + j]! / n;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = rows[i * d + j]! - mean[j]!;
    for (let a = 0; a < d; a++) {
      const xa = centred[a]! / n;
      for (let b = a; b < d; b++) cov[a * d + b]! += xa * centred[b]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a]!;
  return symmetricEigenvalues(cov, d).map((v) => Math.max(v, 0));
}

/**
 * Effective rank of a spectrum (Roy & Vetterli 2007): `exp(−Σ_k p_k log p_k)` with
 * `p_k = σ_k / Σ_j σ_j`. It is 1 when one direction carries all the variance and d when all d
 * carry the same; NaN for an all-zero spectrum (nothing varies: no rank to speak of).
 */
export function effectiveRank(spectrum: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < spectrum.length; k++) total += Math.max(spectrum[k]!, 0);
  if (!(total > 0)) return Number.NaN;
  let entropy = 0;
  for (let k = 0; k < spectrum.length; k++) {
    const p = Math.max(spectrum[k]!, 0) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}
