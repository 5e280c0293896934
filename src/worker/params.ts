// Experiment parameters are flat records of numbers, strings and booleans (a figure's settings
// without the seed, see src/settings/). These helpers compare them key by key — no JSON strings —
// for the page (send only what changed) and the host (rebuild or update). Pure; no tfjs.

/** One value of a flat parameter record. */
export type ParamValue = number | string | boolean;

/** A flat parameter record: the settings' keys to their values. */
export type FlatParams = Readonly<Record<string, ParamValue>>;

/** Keys of both records, each once, `before`'s order first. */
function keysOf<P extends FlatParams>(before: P, after: P): (keyof P & string)[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof P & string)[];
}

/** SameValueZero: `===`, except that NaN equals NaN (0 and −0 are the same setting). */
function same(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** The keys whose values differ between `before` and `after`, a key missing on one side included. */
export function changedKeys<P extends FlatParams>(before: P, after: P): (keyof P & string)[] {
  return keysOf(before, after).filter((key) => !same(before[key], after[key]));
}

/** Whether two parameter records hold the same values under the same keys. */
export function sameParams<P extends FlatParams>(a: P, b: P): boolean {
  return changedKeys(a, b).length === 0;
}

/** Whether going from `before` to `after` changes one of the `rebuildOn` keys. */
export function needsRebuild<P extends FlatParams>(
  rebuildOn: readonly (keyof P & string)[],
  before: P,
  after: P,
): boolean {
  return rebuildOn.some((key) => !same(before[key], after[key]));
}

/** A plain copy of `params` (a reactive proxy cannot be posted to a worker; a copy can). */
export function plainParams<P extends FlatParams>(params: P): P {
  return { ...params };
}
