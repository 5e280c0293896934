// Constant tensors that depend only on sizes (and a temperature), built once per backend and reused,
// so a training loop does not rebuild an n × n mask on every step.
import { tf } from './tf';

/** Most constants kept; the least recently used are disposed beyond this… */
const MAX_ENTRIES = 16;
/** …or beyond this many elements in all (32 MiB of float32: two 2048 × 2048 masks). */
const MAX_ELEMENTS = 2 ** 23;

const entries = new Map<string, tf.Tensor>();

/**
 * Returns the cached tensor for `key` on the active backend, building it with `build` (inside a
 * tidy, then kept) on first use. Kept tensors outlive `tf.tidy`, so callers must never dispose the
 * result; {@link disposeCachedConstants} frees them all.
 */
export function cachedConstant<T extends tf.Tensor>(key: string, build: () => T): T {
  const fullKey = `${tf.getBackend()}:${key}`;
  const hit = entries.get(fullKey);
  if (hit !== undefined && !hit.isDisposed) {
    // Re-insert to mark it most recently used.
    entries.delete(fullKey);
    entries.set(fullKey, hit);
    return hit as T;
  }
  const made = tf.keep(tf.tidy(build));
  entries.delete(fullKey); // a disposed stale entry, if any
  entries.set(fullKey, made);
  let elements = 0;
  for (const t of entries.values()) elements += t.size;
  // Oldest first; the entry just made is never evicted.
  for (const [oldKey, old] of entries) {
    if (old === made || (entries.size <= MAX_ENTRIES && elements <= MAX_ELEMENTS)) break;
    entries.delete(oldKey);
    elements -= old.size;
    old.dispose();
  }
  return made;
}

/** Disposes every cached constant (they are rebuilt on demand). */
export function disposeCachedConstants(): void {
  for (const t of entries.values()) t.dispose();
  entries.clear();
}

/** Number of live cached constants, for leak accounting in tests and diagnostics. */
export function cachedConstantCount(): number {
  let live = 0;
  for (const t of entries.values()) if (!t.isDisposed) live += 1;
  return live;
}
