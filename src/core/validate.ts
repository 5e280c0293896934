// Argument checks shared by the public functions. Each throws an Error that names the offending
// argument, so a wrong slider value or a mis-shaped batch fails loudly instead of producing NaN.
import type { tf } from './tf';

/** Throws unless `value` is a finite number strictly greater than zero. */
export function assertPositive(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a finite number greater than 0 (got ${String(value)}).`);
  }
}

/** Throws unless `value` is a finite number (any sign). */
export function assertFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number (got ${String(value)}).`);
  }
}

/** Throws unless `value` is an integer no smaller than `min`. */
export function assertInteger(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min} (got ${String(value)}).`);
  }
}

/** Throws unless `x` is a float32 matrix with at least `minRows` rows and one column. */
export function assertMatrix(x: tf.Tensor, name: string, minRows = 1): asserts x is tf.Tensor2D {
  if (x == null || typeof x !== 'object' || !Array.isArray(x.shape)) {
    throw new Error(`${name} must be a tf.Tensor.`);
  }
  if (x.rank !== 2) {
    throw new Error(`${name} must be 2-D [rows, dims] (got shape [${x.shape.join(', ')}]).`);
  }
  if (x.dtype !== 'float32') {
    throw new Error(`${name} must be float32 (got ${x.dtype}).`);
  }
  const [rows, columns] = x.shape as [number, number];
  if (rows < minRows) {
    throw new Error(`${name} needs at least ${minRows} rows (got ${rows}).`);
  }
  if (columns < 1) {
    throw new Error(`${name} needs at least one column (got shape [${x.shape.join(', ')}]).`);
  }
}

/** Throws unless `x` is a vector of one of `dtypes` (default float32), of length `length` if given. */
export function assertVector(
  x: tf.Tensor,
  name: string,
  length?: number,
  dtypes: readonly tf.DataType[] = ['float32'],
): asserts x is tf.Tensor1D {
  if (x == null || typeof x !== 'object' || !Array.isArray(x.shape)) {
    throw new Error(`${name} must be a tf.Tensor.`);
  }
  if (x.rank !== 1) {
    throw new Error(`${name} must be 1-D (got shape [${x.shape.join(', ')}]).`);
  }
  if (!dtypes.includes(x.dtype)) {
    throw new Error(`${name} must be ${dtypes.join(' or ')} (got ${x.dtype}).`);
  }
  if (length !== undefined && x.shape[0] !== length) {
    throw new Error(`${name} must have length ${length} (got ${x.shape[0]}).`);
  }
}

/** Throws unless `a` and `b` have identical shapes. */
export function assertSameShape(a: tf.Tensor, nameA: string, b: tf.Tensor, nameB: string): void {
  const same = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
  if (!same) {
    throw new Error(
      `${nameA} and ${nameB} must have the same shape (got [${a.shape.join(', ')}] and [${b.shape.join(', ')}]).`,
    );
  }
}

/** Throws unless matrices `a` and `b` have the same number of columns. */
export function assertSameWidth(
  a: tf.Tensor2D,
  nameA: string,
  b: tf.Tensor2D,
  nameB: string,
): void {
  if (a.shape[1] !== b.shape[1]) {
    throw new Error(
      `${nameA} and ${nameB} must have the same number of columns (got ${a.shape[1]} and ${b.shape[1]}).`,
    );
  }
}

/**
 * Checks class labels against `rows` and returns them as plain integers: the one label check of
 * the core (SupCon, triplet mining, the k-NN and linear-probe read-outs).
 *
 * @throws if the count is wrong or a label is not a non-negative integer
 */
export function checkLabels(labels: ArrayLike<number>, rows: number, name = 'labels'): number[] {
  const values = Array.from(labels);
  if (values.length !== rows) {
    throw new Error(`${name} must have one label per row (${rows}), got ${values.length}.`);
  }
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`${name}[${i}] must be a non-negative integer class id (got ${v}).`);
    }
  });
  return values;
}
