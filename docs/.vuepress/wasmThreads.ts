// Makes TensorFlow.js's threaded WebAssembly build work in the production bundle.
//
// The cause of its failure (tensorflow/tfjs#4107, #4539): each thread of that build is a Web Worker
// that must run the Emscripten glue of the main module. tfjs gives the workers that glue by
// stringifying the bundled factory function (`factory.toString()` into a Blob) and the worker's own
// script from an inlined string (another Blob). After bundling and minification the factory's text
// refers to identifiers of its chunk that the worker never sees — Rolldown's CommonJS helpers,
// renamed to one letter — so every thread dies at start-up with `ReferenceError: e is not defined`
// and the backend never finishes initialising. Blob workers are also outside the pages' policy
// (`worker-src 'self'` and `script-src 'self'` do not match `blob:`).
//
// The fix: the workers get both scripts as files of their own, copied unminified from the package
// and emitted as hashed assets next to the other tfjs chunks — `tfjs-wasm-threaded-glue-*.js`
// (the glue, as Emscripten wrote it, self-contained) and `tfjs-wasm-pthread-*.js` (the thread's
// start-up script). The module tfjs imports the glue from is replaced by a thin wrapper that hands
// Emscripten those two URLs (`mainScriptUrlOrBlob` and the `.worker.js` answer of `locateFile`),
// see wasmThreadsRuntime.ts; tfjs's own module and the minified glue that runs on the calling
// thread are untouched. The wrapper also corrects the core count the binary sees, without which a
// 2-core machine would still get one thread (wasmThreadsRuntime.ts, `reportedCores`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The Emscripten glue of the threaded SIMD build, as tfjs-backend-wasm imports it. */
const GLUE =
  /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/** Query that loads the original glue from inside the wrapper. */
const ORIGINAL = '?contrastive-original';

/** Names of the emitted assets (hash added by the bundler; `tfjs-` keeps them in TFJS_ASSET). */
export const WASM_THREAD_ASSETS = {
  glue: 'tfjs-wasm-threaded-glue.js',
  pthread: 'tfjs-wasm-pthread.js',
} as const;

/**
 * The thread start-up script exactly as tfjs would put it in a Blob: the package exports it as a
 * string whose `\n` escapes the template literal turned into newlines, which tfjs turns back.
 *
 * @param gluePath absolute path of the glue module
 */
export function pthreadScript(gluePath: string): string {
  const require = createRequire(gluePath);
  const { wasmWorkerContents } = require(gluePath.replace(/\.js$/, '.worker.js')) as {
    wasmWorkerContents: string;
  };
  return wasmWorkerContents.replace(/\n/g, '\\n');
}

/** The browser half of the repair, which the wrapper imports. */
const RUNTIME = fileURLToPath(new URL('./wasmThreadsRuntime.ts', import.meta.url));

/**
 * The module that stands in for the glue: Emscripten's factory, with the settings of
 * wasmThreadsRuntime.ts (the two asset URLs, the core count) put in before tfjs's reach it.
 *
 * @param gluePath absolute path of the glue module
 * @param glueRef reference of the emitted glue asset
 * @param pthreadRef reference of the emitted thread script
 */
export function wrapperModule(gluePath: string, glueRef: string, pthreadRef: string): string {
  return `import factory from ${JSON.stringify(gluePath + ORIGINAL)};
import { threadedConfig } from ${JSON.stringify(RUNTIME)};
const assets = {
  glue: import.meta.ROLLUP_FILE_URL_${glueRef},
  pthread: import.meta.ROLLUP_FILE_URL_${pthreadRef},
};
export default function WasmBackendModuleThreadedSimd(config = {}) {
  return factory(threadedConfig(config, assets, globalThis.navigator?.hardwareConcurrency));
}
`;
}

/**
 * The Vite plugin (production builds only; the dev server pre-bundles tfjs and serves pages
 * without isolation, so it runs WebAssembly on one thread). It must be given to the page build and
 * to the worker build (`worker.plugins`), since both bundle tfjs-backend-wasm.
 */
export const wasmThreads = (): Plugin => ({
  name: 'contrastive:wasm-threads',
  apply: 'build',
  enforce: 'pre',
  load(id, options) {
    if (id.endsWith(ORIGINAL)) return readFileSync(id.slice(0, -ORIGINAL.length), 'utf8');
    if (!GLUE.test(id) || options?.ssr) return null;
    const glueRef = this.emitFile({
      type: 'asset',
      name: WASM_THREAD_ASSETS.glue,
      source: readFileSync(id, 'utf8'),
    });
    const pthreadRef = this.emitFile({
      type: 'asset',
      name: WASM_THREAD_ASSETS.pthread,
      source: pthreadScript(id),
    });
    return wrapperModule(id, glueRef, pthreadRef);
  },
});
