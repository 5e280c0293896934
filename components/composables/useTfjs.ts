// One TensorFlow.js per page: every demo frame shares the library, the active backend and the
// reader's backend request. Nothing here loads tfjs until `loadTfjs` is first called.
import { reactive, readonly } from 'vue';
import {
  parseBackendRequest,
  selectBackend,
  type BackendChoice,
  type BackendName,
  type Tfjs,
} from '../../src/core/backend';

/** Shared, reactive view of the page's TensorFlow.js. */
export interface TfjsState {
  /** `idle` until a demo asks for tfjs, then `loading`, then `ready` or `error`. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The active backend and why; `null` until ready. */
  choice: BackendChoice | null;
  /** What the reader asked for, from `?backend=` or a frame's control; `null` = automatic. */
  requested: BackendName | null;
  /** A visible notice about the request (an unknown `?backend=` value). */
  notice: string | null;
  /** Why loading failed, in words; `null` unless `status` is `error`. */
  error: string | null;
  /** Bumped on each backend switch, so frames can re-mount their demos on the new backend. */
  generation: number;
}

const state = reactive<TfjsState>({
  status: 'idle',
  choice: null,
  requested: null,
  notice: null,
  error: null,
  generation: 0,
});

let urlRead = false;
let pending: Promise<Tfjs> | null = null;

function readUrlOnce(): void {
  if (urlRead || typeof location === 'undefined') return;
  urlRead = true;
  const request = parseBackendRequest(location.search);
  state.requested = request.backend;
  state.notice = request.notice;
}

async function load(requested: BackendName | null): Promise<Tfjs> {
  state.status = 'loading';
  state.error = null;
  try {
    const { tf } = await import('../../src/core/tf');
    const choice = await selectBackend({ requested, tf });
    state.choice = choice;
    state.status = 'ready';
    state.generation += 1;
    return tf;
  } catch (error) {
    state.status = 'error';
    state.error = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

/**
 * Loads TensorFlow.js and selects a backend, once per page (later calls share the first).
 * The first call reads the `?backend=` URL parameter.
 *
 * @returns the tfjs namespace with a verified backend active
 */
export function loadTfjs(): Promise<Tfjs> {
  readUrlOnce();
  if (!pending || state.status === 'error') {
    pending = load(state.requested);
  }
  return pending;
}

/**
 * Switches every demo on the page to another backend, or back to automatic choice.
 *
 * @param backend - a backend name, or `null` for automatic
 */
export function requestBackend(backend: BackendName | null): Promise<Tfjs> {
  readUrlOnce();
  state.requested = backend;
  state.notice = null;
  // Queue behind a load in progress so two selections never interleave.
  const previous = pending ?? Promise.resolve();
  pending = previous.catch(() => undefined).then(() => load(backend));
  return pending;
}

/** Read-only access to the page's shared TensorFlow.js state. */
export function useTfjs() {
  return { state: readonly(state), loadTfjs, requestBackend };
}
