/**
 * Rolldown code-splitting groups that put TensorFlow.js in chunks whose file names start with
 * `tfjs-`. The site loads them only when a demo scrolls into view, and the end-to-end tests check
 * that no such file is requested before then. Only JavaScript modules are grouped: the `?url`
 * imports of the WASM binaries are tiny string modules that the page may load early.
 */
const tensorflow = (name: string) =>
  new RegExp(`node_modules[\\\\/]@tensorflow[\\\\/]${name}[\\\\/].*\\.js$`);

export const tfjsChunkGroups = [
  // src/core/tf.ts, the core's one import point, travels with the library it re-exports.
  {
    name: 'tfjs-core',
    test: /(node_modules[\\/]@tensorflow[\\/]tfjs-core[\\/].*\.js|[\\/]src[\\/]core[\\/]tf\.ts)$/,
  },
  { name: 'tfjs-backend-cpu', test: tensorflow('tfjs-backend-cpu') },
  { name: 'tfjs-backend-webgl', test: tensorflow('tfjs-backend-webgl') },
  { name: 'tfjs-backend-wasm', test: tensorflow('tfjs-backend-wasm') },
  { name: 'tfjs-backend-webgpu', test: tensorflow('tfjs-backend-webgpu') },
];

/**
 * Matches the URL of anything that carries TensorFlow.js: its chunks and WASM binaries
 * (`/assets/tfjs-core-AbC123.js`) and the Web Worker bundles under `/assets/`, which carry their
 * own copy of the library (`/assets/training-worker-AbC123.js`). The search worker lives at the
 * site root and does not match.
 */
export const TFJS_ASSET = /\/assets\/(tfjs-[\w-]+|[\w-]*worker[\w-]*)\.(js|wasm)(\?.*)?$/;
