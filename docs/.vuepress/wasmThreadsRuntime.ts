// Runs in the browser, inside the module that stands in for the threaded build's Emscripten glue
// (wasmThreads.ts generates it): what the site changes in the Emscripten module's settings before
// tfjs's settings reach the glue.

/** The parts of an Emscripten module's settings this file reads or sets. */
export interface EmscriptenConfig {
  locateFile?: (path: string, prefix: string) => string;
  mainScriptUrlOrBlob?: string | Blob;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
  onAbort?: (reason: unknown) => void;
}

/** Where the threads find their scripts: the emitted assets. */
export interface ThreadAssets {
  /** The glue, unminified, which each thread loads with `importScripts`. */
  glue: string;
  /** The thread's start-up script (Emscripten's `.worker.js`). */
  pthread: string;
}

/** The threaded binary's name, as tfjs's `locateFile` maps it to a URL. */
export const THREADED_BINARY = 'tfjs-backend-wasm-threaded-simd.wasm';

/**
 * The logical core count the glue reports to the binary. tfjs's C++ halves that count (it assumes
 * two hardware threads per core) and never starts more threads than the half, so a 2-core machine
 * got one thread whatever `setThreadsCount` asked for. Doubled, the half is the real count, and
 * the site's own choice (src/core/backend.ts, `planWasmThreads`) decides.
 *
 * @param hardwareConcurrency - `navigator.hardwareConcurrency`
 */
export function reportedCores(hardwareConcurrency: number | undefined): number {
  return 2 * Math.max(1, Number(hardwareConcurrency) || 1);
}

/**
 * `config` with the threads' scripts taken from files (not from Blobs of minified code) and the
 * core count the binary sees corrected. Emscripten calls `instantiateWasm` instead of fetching the
 * binary itself; this one changes the one import and then instantiates as Emscripten would.
 *
 * @param config - the settings tfjs passes to the factory (changed in place and returned)
 * @param assets - the threads' scripts
 * @param cores - `navigator.hardwareConcurrency` of the calling thread
 */
export function threadedConfig(
  config: EmscriptenConfig,
  assets: ThreadAssets,
  cores: number | undefined,
): EmscriptenConfig {
  const locate = config.locateFile;
  const located = (path: string, prefix: string) =>
    locate ? locate(path, prefix) : `${prefix}${path}`;
  config.mainScriptUrlOrBlob = assets.glue;
  config.locateFile = (path, prefix) =>
    path.endsWith('.worker.js') ? assets.pthread : located(path, prefix);
  config.instantiateWasm = (imports, receive) => {
    const env = imports.env as Record<string, unknown> | undefined;
    // Without the import (another tfjs build) the binary keeps its own count.
    if (typeof env?.emscripten_num_logical_cores === 'function') {
      env.emscripten_num_logical_cores = () => reportedCores(cores);
    }
    const url = located(THREADED_BINARY, '');
    const get = () => fetch(url, { credentials: 'same-origin' });
    WebAssembly.instantiateStreaming(get(), imports)
      // As Emscripten does: where streaming fails (a server that sends no application/wasm
      // type), fetch again and compile the bytes.
      .catch(() =>
        get()
          .then((response) => response.arrayBuffer())
          .then((bytes) => WebAssembly.instantiate(bytes, imports)),
      )
      .then(({ instance, module }) => receive(instance, module))
      .catch((reason: unknown) => config.onAbort?.(reason));
    return {};
  };
  return config;
}
