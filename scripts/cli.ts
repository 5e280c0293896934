// What the headless training scripts share: numeric flag parsing that fails with the usage line,
// and the Node resolve hook that tfjs-core's ES build needs.
import { register } from 'node:module';

/** Parses a numeric flag, failing with the usage line when it is not a number. */
export function numberFlag(
  value: string | undefined,
  name: string,
  usage: string,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new Error(`--${name} must be a number (got "${value}").\n${usage}`);
  }
  return parsed;
}

/** Parses a whole-number flag with a lower bound. */
export function integerFlag(
  value: string | undefined,
  name: string,
  min: number,
  usage: string,
): number | undefined {
  const parsed = numberFlag(value, name, usage);
  if (parsed !== undefined && (!Number.isInteger(parsed) || parsed < min)) {
    throw new Error(`--${name} must be an integer ≥ ${min} (got "${value}").\n${usage}`);
  }
  return parsed;
}

/** The tfjs backends the headless scripts train on. */
export type ScriptBackend = 'cpu' | 'wasm';

/** Checks the `--backend` flag, failing with the usage line on anything but cpu or wasm. */
export function backendFlag(value: string | undefined, usage: string): ScriptBackend {
  if (value !== 'cpu' && value !== 'wasm') {
    throw new Error(`--backend must be cpu or wasm (got "${value}").\n${usage}`);
  }
  return value;
}

/**
 * tfjs-core's ES build imports "./gradients", both a file (gradients.js) and a folder; bundlers
 * and Vitest pick the file, Node refuses a folder import. This resolve hook makes Node retry such
 * relative imports with `.js`. Call it before tfjs is imported (so import tfjs dynamically after).
 */
export function resolveFolderImports(): void {
  const hook = `export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_UNSUPPORTED_DIR_IMPORT' || !specifier.startsWith('.')) throw error;
    return next(specifier + '.js', context);
  }
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
