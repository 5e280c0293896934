// The repair of tfjs's threaded WebAssembly build: the threads' scripts are the package's own,
// emitted as files, and the settings the wrapper hands Emscripten point at them and correct the
// core count the binary sees.
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import {
  THREADED_BINARY,
  reportedCores,
  threadedConfig,
  type EmscriptenConfig,
} from '../../docs/.vuepress/wasmThreadsRuntime';
import { pthreadScript, wrapperModule } from '../../docs/.vuepress/wasmThreads';

const require = createRequire(import.meta.url);
const GLUE =
  require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const ASSETS = { glue: '/assets/glue.js', pthread: '/assets/pthread.js' };

describe('pthreadScript', () => {
  it('is the thread start-up script tfjs inlines, as a script that parses', () => {
    const script = pthreadScript(GLUE);
    expect(script.startsWith('"use strict";')).toBe(true);
    // It loads the glue named in its "load" message and calls the factory by its global name.
    expect(script).toContain('importScripts(e.data.urlOrBlob)');
    expect(script).toContain('WasmBackendModuleThreadedSimd(Module)');
    expect(() => new Function(script)).not.toThrow();
  });
});

describe('wrapperModule', () => {
  it('imports the original glue and the runtime, and passes the emitted URLs', () => {
    const code = wrapperModule(GLUE, 'ref1', 'ref2');
    expect(code).toContain(`import factory from ${JSON.stringify(`${GLUE}?contrastive-original`)}`);
    expect(code).toContain('import.meta.ROLLUP_FILE_URL_ref1');
    expect(code).toContain('import.meta.ROLLUP_FILE_URL_ref2');
    expect(code).toMatch(/export default function WasmBackendModuleThreadedSimd/);
  });
});

describe('reportedCores', () => {
  it('doubles the logical count, which the binary halves back', () => {
    expect(reportedCores(2)).toBe(4);
    expect(reportedCores(8)).toBe(16);
    expect(reportedCores(undefined)).toBe(2);
  });
});

describe('threadedConfig', () => {
  it('points the threads at the emitted scripts and leaves other files to tfjs', () => {
    const tfjsLocate = vi.fn((path: string, prefix: string) => `${prefix}mapped/${path}`);
    const config = threadedConfig(
      { locateFile: tfjsLocate, mainScriptUrlOrBlob: new Blob(['minified']) },
      ASSETS,
      2,
    );
    expect(config.mainScriptUrlOrBlob).toBe('/assets/glue.js');
    expect(config.locateFile?.('tfjs-backend-wasm-threaded-simd.worker.js', '/x/')).toBe(
      '/assets/pthread.js',
    );
    expect(config.locateFile?.(THREADED_BINARY, '/x/')).toBe(`/x/mapped/${THREADED_BINARY}`);
  });

  it('instantiates the binary tfjs maps, with the corrected core count', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('');
    });
    const instance = {} as WebAssembly.Instance;
    const module = {} as WebAssembly.Module;
    const streaming = vi
      .spyOn(WebAssembly, 'instantiateStreaming')
      .mockResolvedValue({ instance, module });
    try {
      const config: EmscriptenConfig = threadedConfig(
        { locateFile: (path) => `/assets/${path}` },
        ASSETS,
        2,
      );
      const env = { emscripten_num_logical_cores: () => 1, other: () => 0 };
      const received = new Promise((resolve) =>
        config.instantiateWasm?.({ env }, (i, m) => resolve([i, m])),
      );
      expect(await received).toEqual([instance, module]);
      expect(env.emscripten_num_logical_cores()).toBe(4);
      expect(fetched).toEqual([`/assets/${THREADED_BINARY}`]);
    } finally {
      streaming.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('reports a binary that does not load to tfjs (its onAbort rejects the backend)', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new Error('offline');
    });
    try {
      const aborted = new Promise((resolve) => {
        const config = threadedConfig({ onAbort: resolve }, ASSETS, 4);
        config.instantiateWasm?.({ env: {} }, () => undefined);
      });
      expect(String(await aborted)).toMatch(/offline/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
