// Backend selection for TensorFlow.js: WebGPU → WebGL → WASM → CPU, each verified with a tiny op.
// Nothing here imports tfjs statically, so a page can import this module without fetching any
// tfjs chunk; the library and each backend are loaded on demand when a demo needs them.
import type { StepWorkload } from './benchmark';
import type { tf as TF } from './tf';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The TensorFlow.js namespace as the core exports it. */
export type Tfjs = typeof TF;

/** The backends the site knows, fastest first on real hardware. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Name of a TensorFlow.js backend the site can run on. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Human-readable label of each backend, for reports and controls. */
export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'Plain JavaScript (CPU)',
};

/**
 * A backend's label with, for WebAssembly, its thread count: "WebAssembly, 4 threads".
 *
 * @param name - the backend
 * @param threads - WebAssembly threads in use; null or missing for other backends
 */
export function backendLabel(name: BackendName, threads?: number | null): string {
  if (name !== 'wasm' || !threads) return BACKEND_LABELS[name];
  return `${BACKEND_LABELS[name]}, ${threads} ${threads === 1 ? 'thread' : 'threads'}`;
}

/**
 * Most WebAssembly threads the site asks for. The figures' tensors are small (a few hundred rows),
 * so each op splits into few pieces, and the page itself and the browser need cores too.
 */
export const MAX_WASM_THREADS = 4;

/** What decides WebAssembly threading; {@link currentThreadingEnv} reads it from the browser. */
export interface ThreadingEnv {
  /** `crossOriginIsolated` of the page or worker. */
  isolated: boolean;
  /** Whether `SharedArrayBuffer` exists. */
  sharedMemory: boolean;
  /** Whether WebAssembly SIMD validates (the threaded build also uses SIMD). */
  simd: boolean;
  /** `navigator.hardwareConcurrency`, or 1 when unknown. */
  cores: number;
}

/** How many threads WebAssembly should run on, and why. */
export interface WasmThreading {
  threads: number;
  /** Why, as a clause: "the page is not cross-origin isolated". */
  why: string;
}

/** Why one thread, as {@link WasmThreading.why}, on a page without isolation. */
export const NOT_ISOLATED = 'the page is not cross-origin isolated';

/** What {@link NOT_ISOLATED} means, in a sentence for the reader. */
export const NOT_ISOLATED_DETAIL =
  'Browsers give WebAssembly threads the shared memory they need only on cross-origin isolated ' +
  'pages: served with the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers, ' +
  'or given them by the site’s service worker, from the visit after it was installed.';

/**
 * The thread count for the WebAssembly backend: threads need a cross-origin isolated page (for
 * `SharedArrayBuffer`), SIMD (the only threaded build) and more than one core; then one thread
 * per core, up to {@link MAX_WASM_THREADS}.
 *
 * @param env - from {@link currentThreadingEnv}
 */
export function planWasmThreads(env: ThreadingEnv): WasmThreading {
  if (!env.isolated) return { threads: 1, why: NOT_ISOLATED };
  if (!env.sharedMemory) return { threads: 1, why: 'this browser has no SharedArrayBuffer' };
  if (!env.simd)
    return { threads: 1, why: 'this browser lacks WebAssembly SIMD, which threads need' };
  if (env.cores < 2) return { threads: 1, why: 'this device reports a single processor core' };
  const threads = Math.min(env.cores, MAX_WASM_THREADS);
  const cores =
    threads < env.cores
      ? `, at most ${MAX_WASM_THREADS} of its ${env.cores} cores`
      : ', one per core';
  return { threads, why: `the page is cross-origin isolated${cores}` };
}

/** The {@link ThreadingEnv} of the current page, worker or Node process. */
export function currentThreadingEnv(): ThreadingEnv {
  const scope = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };
  // eslint-disable-next-line no-restricted-properties -- backend detection is the one place the core asks the browser (Node has navigator too, but is never isolated).
  const cores = Number(globalThis.navigator?.hardwareConcurrency) || 1;
  return {
    isolated: scope.crossOriginIsolated === true,
    sharedMemory: typeof scope.SharedArrayBuffer === 'function',
    simd: hasWasmSimd(),
    cores,
  };
}

/**
 * Whether a string names a known backend.
 *
 * @param value - any string, e.g. a URL parameter
 */
export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

/** What the reader asked for: a backend, or automatic choice, plus a notice when the ask was bad. */
export interface BackendRequest {
  /** The requested backend, or `null` for automatic choice. */
  backend: BackendName | null;
  /** Explains why a request was ignored; `null` when there is nothing to say. */
  notice: string | null;
}

/**
 * Reads the `backend` parameter of a URL query string. Missing, empty and `auto` mean automatic
 * choice; an unknown value also means automatic choice, with a notice saying so.
 *
 * @param search - a query string such as `location.search` (`?backend=wasm`)
 */
export function parseBackendRequest(search: string): BackendRequest {
  const raw = new URLSearchParams(search).get('backend');
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'auto') return { backend: null, notice: null };
  if (isBackendName(value)) return { backend: value, notice: null };
  return {
    backend: null,
    notice: `Unknown backend “${raw}” in the address (known: ${BACKEND_NAMES.join(', ')}); choosing one automatically.`,
  };
}

/**
 * Whether a GPU renderer or adapter description names a software rasteriser (SwiftShader,
 * llvmpipe, Mesa's softpipe, Microsoft Basic Render Driver, …). Those run "GPU" code on the CPU and
 * are slower than the WASM backend.
 *
 * @param description - e.g. the unmasked WebGL renderer string
 */
export function isSoftwareRenderer(description: string): boolean {
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen/i.test(
    description,
  );
}

/** What this browser offers for one backend, found without loading TensorFlow.js. */
export interface BackendCapability {
  name: BackendName;
  /** Whether the browser has the API at all (the backend may still fail its check). */
  available: boolean;
  /** True when the GPU behind WebGPU/WebGL is a software rasteriser. */
  software: boolean;
  /** Renderer, adapter or feature details, or why the backend is unavailable. */
  detail: string;
}

/** Minimal view of the WebGPU adapter we read (the DOM typings may not include WebGPU). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}

async function probeWebGpu(): Promise<BackendCapability> {
  const name = 'webgpu';
  // eslint-disable-next-line no-restricted-properties -- backend detection is the one place the core asks the browser (absent in Node: no WebGPU).
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)
    ?.gpu;
  if (!gpu) return { name, available: false, software: false, detail: 'navigator.gpu is missing' };
  try {
    const adapter = (await gpu.requestAdapter()) as GpuAdapterLike | null;
    if (!adapter) return { name, available: false, software: false, detail: 'no WebGPU adapter' };
    const info = adapter.info ?? {};
    const description =
      [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') ||
      'unnamed adapter';
    const software = Boolean(adapter.isFallbackAdapter) || isSoftwareRenderer(description);
    return { name, available: true, software, detail: description };
  } catch (error) {
    return { name, available: false, software: false, detail: errorMessage(error) };
  }
}

function probeWebGl(): BackendCapability {
  const name = 'webgl';
  /* eslint-disable no-restricted-globals -- backend detection is the one place the core asks the browser: WebGL's renderer string needs a canvas (absent in a worker or Node: reported unavailable). */
  if (typeof document === 'undefined') {
    return { name, available: false, software: false, detail: 'no DOM' };
  }
  const canvas = document.createElement('canvas');
  /* eslint-enable no-restricted-globals */
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
    WebGLRenderingContext | WebGL2RenderingContext | null;
  if (!gl) return { name, available: false, software: false, detail: 'WebGL is disabled' };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown renderer',
  );
  // Release the probe's context now: browsers cap the number of live WebGL contexts.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { name, available: true, software: isSoftwareRenderer(renderer), detail: renderer };
}

function probeWasm(): BackendCapability {
  const name = 'wasm';
  if (typeof WebAssembly !== 'object') {
    return { name, available: false, software: false, detail: 'WebAssembly is missing' };
  }
  const { threads, why } = planWasmThreads(currentThreadingEnv());
  const simd = hasWasmSimd() ? 'SIMD' : 'no SIMD';
  const plan = threads > 1 ? `${threads} threads` : `one thread, as ${why}`;
  return { name, available: true, software: false, detail: `${simd}, ${plan}` };
}

/** A minimal module using a v128 instruction; it validates only where WASM SIMD exists. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
]);

function hasWasmSimd(): boolean {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Finds which backends this browser offers, without loading TensorFlow.js: asks for a WebGPU
 * adapter, reads the WebGL renderer string and checks WebAssembly (and its SIMD extension).
 *
 * @returns one entry per backend, in {@link BACKEND_NAMES} order
 */
export async function probeBackends(): Promise<BackendCapability[]> {
  return [
    await probeWebGpu(),
    probeWebGl(),
    probeWasm(),
    { name: 'cpu', available: true, software: false, detail: 'always available' },
  ];
}

/** One step of the automatic order, with the reason the backend sits there. */
export interface RankedBackend {
  name: BackendName;
  why: string;
}

/**
 * The order in which to try backends: a requested one first, then hardware WebGPU and WebGL,
 * then WASM, then a software WebGL, then CPU. A software WebGPU comes last: it is the slowest of
 * all (an InfoNCE step at N = 256 took ~330 ms, against ~27 ms on WASM, in headless Chromium).
 * Backends the browser lacks are left out, except a requested one, which is tried anyway.
 *
 * @param capabilities - from {@link probeBackends}
 * @param requested - the reader's choice, or `null` for automatic
 */
export function rankBackends(
  capabilities: readonly BackendCapability[],
  requested: BackendName | null,
): RankedBackend[] {
  const byName = new Map(capabilities.map((c) => [c.name, c]));
  const has = (name: BackendName, software: boolean) => {
    const c = byName.get(name);
    return c !== undefined && c.available && c.software === software;
  };
  const auto: RankedBackend[] = [];
  if (has('webgpu', false))
    auto.push({ name: 'webgpu', why: 'a hardware WebGPU adapter is available' });
  if (has('webgl', false)) auto.push({ name: 'webgl', why: 'WebGL runs on a hardware GPU' });
  if (byName.get('wasm')?.available) {
    const softGl = has('webgl', true)
      ? ' (WebGL here is a software renderer, which is slower)'
      : '';
    auto.push({ name: 'wasm', why: `it is the fastest option here${softGl}` });
  }
  if (has('webgl', true))
    auto.push({
      name: 'webgl',
      why: 'WebAssembly was unusable, and software WebGL still beats plain JavaScript',
    });
  auto.push({ name: 'cpu', why: 'it always works' });
  if (has('webgpu', true)) {
    auto.push({
      name: 'webgpu',
      why: 'nothing else worked (software WebGPU is the slowest option)',
    });
  }
  if (requested === null) return auto;
  return [
    { name: requested, why: 'you asked for it' },
    ...auto.filter((step) => step.name !== requested),
  ];
}

/** The outcome of trying one backend. */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Milliseconds to initialise the backend and run the check op. */
  ms: number;
  /** Why it failed; `null` on success. */
  error: string | null;
}

/** The backend in use, why, and everything found on the way. */
export interface BackendChoice {
  backend: BackendName;
  /** One or two sentences for the reader (for WebAssembly, also why it runs on so many threads). */
  reason: string;
  /** WebAssembly threads in use (the calling thread included); null for other backends. */
  threads: number | null;
  /** Why WebAssembly runs on `threads` threads, as a clause; null for other backends. */
  threadsWhy: string | null;
  requested: BackendName | null;
  capabilities: readonly BackendCapability[];
  attempts: readonly BackendAttempt[];
}

/** Loads the code of one backend and registers it with TensorFlow.js. */
export type BackendLoader = (tf: Tfjs) => Promise<void>;

/** Reads the WebAssembly backend's thread count once it runs; set by the default wasm loader. */
let wasmThreadsInUse: (() => number) | null = null;

/** Where each backend's code comes from; every import is dynamic so it is fetched only on use. */
export const DEFAULT_LOADERS: Readonly<Record<BackendName, BackendLoader>> = {
  webgpu: async () => {
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async (tf) => {
    const { setWasmPaths, setThreadsCount, getThreadsCount } =
      await import('@tensorflow/tfjs-backend-wasm');
    wasmThreadsInUse = getThreadsCount;
    // Threads where the page is cross-origin isolated; the threaded build needs the site's bundler
    // repair (docs/.vuepress/wasmThreads.ts) and is fetched only then. Elsewhere tfjs would find
    // no SharedArrayBuffer by itself; saying so spares it the probe.
    const { threads } = planWasmThreads(currentThreadingEnv());
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
    setThreadsCount(threads);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
};

/** Options of {@link selectBackend}; the defaults probe the real browser. */
export interface SelectOptions {
  /** The reader's choice, or `null`/missing for automatic. */
  requested?: BackendName | null;
  /** Overrides the capability probe (tests use it). */
  capabilities?: BackendCapability[];
  /** Overrides how backends are loaded (tests use it). */
  loaders?: Partial<Record<BackendName, BackendLoader>>;
  /** The TensorFlow.js namespace; loaded from `./tf` when missing. */
  tf?: Tfjs;
}

/**
 * Runs a matrix product on the active backend and checks the numbers, so a backend that
 * registers but cannot compute is caught here and not in the middle of a demo.
 *
 * @param tf - the TensorFlow.js namespace, with the backend to check already active
 * @throws when the op fails or returns wrong values
 */
export async function verifyActiveBackend(tf: Tfjs): Promise<void> {
  const result = tf.tidy(() =>
    tf.add(tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 1], [2, 1])), 1),
  );
  try {
    const values = Array.from(await result.data());
    if (values.length !== 2 || values[0] !== 4 || values[1] !== 8) {
      throw new Error(`check op returned [${values.join(', ')}] instead of [4, 8]`);
    }
  } finally {
    result.dispose();
  }
}

/**
 * Picks, activates and verifies a TensorFlow.js backend. Each candidate from
 * {@link rankBackends} is loaded, made active and checked with {@link verifyActiveBackend}; the
 * first that passes wins. A requested backend that fails falls back to the automatic order.
 *
 * @returns the choice with its reason, the capabilities found and every attempt made
 * @throws only if every backend, CPU included, fails
 */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendChoice> {
  const tf = options.tf ?? (await import('./tf')).tf;
  const requested = options.requested ?? null;
  const capabilities = options.capabilities ?? (await probeBackends());
  const loaders = { ...DEFAULT_LOADERS, ...options.loaders };
  const attempts: BackendAttempt[] = [];
  const tried = new Set<BackendName>();

  for (const { name, why } of rankBackends(capabilities, requested)) {
    if (tried.has(name)) continue;
    tried.add(name);
    const start = performance.now();
    try {
      await loaders[name](tf);
      if (!(await tf.setBackend(name))) throw new Error('it could not be initialised');
      await verifyActiveBackend(tf);
      attempts.push({ name, ok: true, ms: performance.now() - start, error: null });
      const threading = name === 'wasm' ? wasmThreading() : null;
      const threadsNote = threading ? ` ${explainThreads(threading)}` : '';
      return {
        backend: name,
        reason: explain(name, why, attempts) + threadsNote,
        threads: threading?.threads ?? null,
        threadsWhy: threading?.why ?? null,
        requested,
        capabilities,
        attempts,
      };
    } catch (error) {
      attempts.push({ name, ok: false, ms: performance.now() - start, error: errorMessage(error) });
    }
  }
  const failures = attempts.map((a) => `${a.name}: ${a.error}`).join('; ');
  throw new Error(`No TensorFlow.js backend works in this browser (${failures}).`);
}

/**
 * The active WebAssembly backend's threads and why, or null when a loader other than the default
 * one started it (tests). When tfjs started fewer threads than planned, that is the reason given.
 */
function wasmThreading(): WasmThreading | null {
  let threads: number;
  try {
    threads = wasmThreadsInUse?.() ?? NaN;
  } catch {
    return null;
  }
  if (!Number.isFinite(threads)) return null;
  const plan = planWasmThreads(currentThreadingEnv());
  if (threads === plan.threads) return { threads, why: plan.why };
  return { threads, why: `TensorFlow.js started ${threads} where ${plan.threads} were planned` };
}

/**
 * Why WebAssembly runs on so many threads, in one or two sentences for the reader.
 *
 * @param threading - the threads in use and why
 */
export function explainThreads({ threads, why }: WasmThreading): string {
  const count = threads === 1 ? 'one thread' : `${threads} threads`;
  const head = `WebAssembly runs on ${count}, because ${why}.`;
  return why === NOT_ISOLATED ? `${head} ${NOT_ISOLATED_DETAIL}` : head;
}

function explain(name: BackendName, why: string, attempts: readonly BackendAttempt[]): string {
  const failed = attempts.filter((a) => !a.ok);
  const head = `${BACKEND_LABELS[name]}, because ${why}.`;
  if (failed.length === 0) return head;
  const list = failed.map((a) => `${BACKEND_LABELS[a.name]} (${a.error})`).join(', ');
  return `${head} Tried first and failed: ${list}.`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How long one step of a workload took on one backend. */
export interface BackendTiming {
  backend: BackendName;
  /** Median of the timed steps, in milliseconds. */
  medianMs: number;
  /** Every timed step, in milliseconds, in order. */
  samplesMs: number[];
}

/** Options of {@link timeOnBackend}. */
export interface TimingOptions {
  /** Untimed steps first (shader compilation, WASM start-up). Default 3. */
  warmup?: number;
  /** Timed steps. Default 10. */
  repeats?: number;
  /** Overrides how the backend is loaded (tests use it). */
  loader?: BackendLoader;
}

/**
 * Times a workload on one backend, then restores the backend that was active before, so other
 * demos on the page are not moved. The workload is built after the switch, so its tensors live
 * on the backend being timed.
 *
 * @param tf - the TensorFlow.js namespace
 * @param backend - where to run
 * @param build - creates the workload (called once, on `backend`)
 * @throws if the backend cannot be initialised or the workload fails; the previous backend is
 *   restored either way
 */
export async function timeOnBackend(
  tf: Tfjs,
  backend: BackendName,
  build: () => StepWorkload,
  options: TimingOptions = {},
): Promise<BackendTiming> {
  const { warmup = 3, repeats = 10, loader = DEFAULT_LOADERS[backend] } = options;
  const previous = tf.getBackend();
  let workload: StepWorkload | null = null;
  try {
    await loader(tf);
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} could not be initialised`);
    workload = build();
    for (let i = 0; i < warmup; i += 1) await workload.run();
    const samplesMs: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      const start = performance.now();
      await workload.run();
      samplesMs.push(performance.now() - start);
    }
    return { backend, medianMs: median(samplesMs), samplesMs };
  } finally {
    workload?.dispose();
    if (previous && previous !== tf.getBackend()) await tf.setBackend(previous);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
