import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_WASM_THREADS,
  NOT_ISOLATED,
  backendLabel,
  currentThreadingEnv,
  explainThreads,
  isSoftwareRenderer,
  planWasmThreads,
  parseBackendRequest,
  probeBackends,
  rankBackends,
  selectBackend,
  timeOnBackend,
  type BackendCapability,
  type BackendName,
  type ThreadingEnv,
} from '../../src/core/backend';
import { tf } from '../../src/core/tf';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

function capabilities(
  overrides: Partial<Record<BackendName, Partial<BackendCapability>>> = {},
): BackendCapability[] {
  return (['webgpu', 'webgl', 'wasm', 'cpu'] as const).map((name) => ({
    name,
    available: true,
    software: false,
    detail: 'test',
    ...overrides[name],
  }));
}

const names = (ranked: { name: BackendName }[]) => ranked.map((r) => r.name);

describe('parseBackendRequest', () => {
  it('means automatic choice when the parameter is missing, empty or "auto"', () => {
    for (const search of ['', '?x=1', '?backend=', '?backend=auto', '?backend=AUTO']) {
      expect(parseBackendRequest(search)).toEqual({ backend: null, notice: null });
    }
  });

  it('accepts every known backend, in any case', () => {
    expect(parseBackendRequest('?backend=wasm').backend).toBe('wasm');
    expect(parseBackendRequest('?backend=WebGPU').backend).toBe('webgpu');
    expect(parseBackendRequest('?a=b&backend=%20cpu%20').backend).toBe('cpu');
  });

  it('falls back to automatic with a notice naming an unknown value', () => {
    const request = parseBackendRequest('?backend=bogus');
    expect(request.backend).toBeNull();
    expect(request.notice).toContain('“bogus”');
    expect(request.notice).toContain('webgpu, webgl, wasm, cpu');
  });
});

describe('isSoftwareRenderer', () => {
  it('recognises software rasterisers', () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('google swiftshader')).toBe(true);
  });

  it('accepts hardware GPUs', () => {
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(isSoftwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(false);
  });
});

describe('rankBackends', () => {
  it('puts hardware GPUs first, then WASM, then CPU', () => {
    expect(names(rankBackends(capabilities(), null))).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('prefers WASM to a software WebGL and puts software WebGPU last', () => {
    const ranked = rankBackends(
      capabilities({ webgpu: { software: true }, webgl: { software: true, detail: SWIFTSHADER } }),
      null,
    );
    expect(names(ranked)).toEqual(['wasm', 'webgl', 'cpu', 'webgpu']);
    expect(ranked[0]?.why).toMatch(/software renderer/);
  });

  it('leaves out what the browser lacks, but always keeps CPU', () => {
    const ranked = rankBackends(
      capabilities({
        webgpu: { available: false },
        webgl: { available: false },
        wasm: { available: false },
      }),
      null,
    );
    expect(names(ranked)).toEqual(['cpu']);
  });

  it('tries a requested backend first, even one the probe did not find', () => {
    const ranked = rankBackends(capabilities({ webgpu: { available: false } }), 'webgpu');
    expect(names(ranked)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(ranked[0]?.why).toBe('you asked for it');
  });
});

describe('probeBackends (in Node)', () => {
  it('finds no GPU, WebAssembly with SIMD, and CPU', async () => {
    const found = await probeBackends();
    expect(found.map((c) => [c.name, c.available])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    // Node 20 supports WASM SIMD, so the probe module must validate; Node is never isolated.
    expect(found[2]?.detail).toBe('SIMD, one thread, as the page is not cross-origin isolated');
  });
});

describe('planWasmThreads', () => {
  const env: ThreadingEnv = { isolated: true, sharedMemory: true, simd: true, cores: 2 };

  it('runs one thread per core on an isolated page, up to the cap', () => {
    expect(planWasmThreads(env)).toEqual({
      threads: 2,
      why: 'the page is cross-origin isolated, one per core',
    });
    expect(planWasmThreads({ ...env, cores: 16 })).toEqual({
      threads: MAX_WASM_THREADS,
      why: `the page is cross-origin isolated, at most ${MAX_WASM_THREADS} of its 16 cores`,
    });
  });

  it('runs one thread, and says why, where threads cannot run', () => {
    expect(planWasmThreads({ ...env, isolated: false, sharedMemory: false })).toEqual({
      threads: 1,
      why: NOT_ISOLATED,
    });
    expect(planWasmThreads({ ...env, sharedMemory: false }).why).toMatch(/SharedArrayBuffer/);
    expect(planWasmThreads({ ...env, simd: false }).why).toMatch(/SIMD/);
    expect(planWasmThreads({ ...env, cores: 1 })).toMatchObject({ threads: 1 });
  });

  it('finds Node not isolated', () => {
    expect(currentThreadingEnv().isolated).toBe(false);
    expect(planWasmThreads(currentThreadingEnv()).threads).toBe(1);
  });
});

describe('backendLabel and explainThreads', () => {
  it('names WebAssembly with its threads, other backends plainly', () => {
    expect(backendLabel('wasm', 4)).toBe('WebAssembly, 4 threads');
    expect(backendLabel('wasm', 1)).toBe('WebAssembly, 1 thread');
    expect(backendLabel('wasm', null)).toBe('WebAssembly');
    expect(backendLabel('webgl', 4)).toBe('WebGL');
  });

  it('explains one thread on a page without isolation, with what isolation takes', () => {
    const text = explainThreads({ threads: 1, why: NOT_ISOLATED });
    expect(text).toMatch(/^WebAssembly runs on one thread, because the page is not cross-origin/);
    expect(text).toContain('Cross-Origin-Embedder-Policy');
    expect(explainThreads({ threads: 2, why: 'x' })).toBe(
      'WebAssembly runs on 2 threads, because x.',
    );
  });
});

describe('selectBackend', () => {
  const cpuLoader = async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  };

  afterEach(() => {
    for (const name of ['webgl', 'webgpu', 'wasm']) {
      if (tf.findBackendFactory(name)) tf.removeBackend(name);
    }
  });

  it('uses the first backend that passes its check and says why', async () => {
    const choice = await selectBackend({
      tf,
      capabilities: capabilities({
        webgpu: { available: false },
        webgl: { available: false },
        wasm: { available: false },
      }),
      loaders: { cpu: cpuLoader },
    });
    expect(choice.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.reason).toBe('Plain JavaScript (CPU), because it always works.');
    expect(choice.attempts).toHaveLength(1);
    expect(choice.attempts[0]?.ok).toBe(true);
  });

  it('falls back when a backend registers but cannot compute', async () => {
    // A "webgl" backend with no kernels registered: it initialises, then the check op fails.
    const loaders = {
      webgl: async () => {
        tf.registerBackend('webgl', () => new MathBackendCPU());
      },
      cpu: cpuLoader,
    };
    const choice = await selectBackend({
      tf,
      capabilities: capabilities({ webgpu: { available: false }, wasm: { available: false } }),
      loaders,
    });
    expect(choice.backend).toBe('cpu');
    expect(choice.attempts.map((a) => [a.name, a.ok])).toEqual([
      ['webgl', false],
      ['cpu', true],
    ]);
    expect(choice.attempts[0]?.error).toMatch(/not registered/i);
    expect(choice.reason).toMatch(/Tried first and failed: WebGL/);
  });

  it('falls back when a backend fails to initialise or to load', async () => {
    const choice = await selectBackend({
      tf,
      capabilities: capabilities({ webgl: { available: false } }),
      loaders: {
        webgpu: async () => {
          tf.registerBackend('webgpu', () => {
            throw new Error('no adapter');
          });
        },
        wasm: async () => {
          throw new Error('binary missing');
        },
        cpu: cpuLoader,
      },
    });
    expect(choice.backend).toBe('cpu');
    expect(choice.attempts.map((a) => a.error)).toEqual([
      'it could not be initialised',
      'binary missing',
      null,
    ]);
  });

  it('honours a request, and falls back from a failing one', async () => {
    const caps = capabilities({ webgpu: { available: false }, wasm: { available: false } });
    const asked = await selectBackend({
      tf,
      requested: 'cpu',
      capabilities: caps,
      loaders: { cpu: cpuLoader },
    });
    expect(asked.backend).toBe('cpu');
    expect(asked.requested).toBe('cpu');
    expect(asked.reason).toMatch(/you asked for it/);

    const failing = await selectBackend({
      tf,
      requested: 'wasm',
      capabilities: capabilities({ webgpu: { available: false }, webgl: { available: false } }),
      loaders: {
        wasm: async () => {
          throw new Error('blocked');
        },
        cpu: cpuLoader,
      },
    });
    expect(failing.backend).toBe('cpu');
    expect(failing.attempts[0]).toMatchObject({ name: 'wasm', ok: false, error: 'blocked' });
  });

  it('throws a readable error when nothing works', async () => {
    const broken = async () => {
      throw new Error('nope');
    };
    await expect(
      selectBackend({
        tf,
        capabilities: capabilities({
          webgpu: { available: false },
          webgl: { available: false },
          wasm: { available: false },
        }),
        loaders: { cpu: broken },
      }),
    ).rejects.toThrow(/No TensorFlow.js backend works in this browser \(cpu: nope\)/);
  });
});

describe('timeOnBackend', () => {
  it('warms up, times each step, reports the median and restores the previous backend', async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    tf.registerBackend('webgl', () => new MathBackendCPU());
    const seen: string[] = [];
    let disposed = 0;
    const timing = await selectedTiming(() => ({
      run: async () => {
        seen.push(tf.getBackend());
      },
      dispose: () => (disposed += 1),
    }));
    expect(seen).toEqual(Array(5).fill('webgl'));
    expect(timing.samplesMs).toHaveLength(3);
    expect(timing.medianMs).toBe([...timing.samplesMs].sort((a, b) => a - b)[1]);
    expect(disposed).toBe(1);
    expect(tf.getBackend()).toBe('cpu');
    tf.removeBackend('webgl');
  });

  it('restores the previous backend when the workload fails', async () => {
    await tf.setBackend('cpu');
    tf.registerBackend('webgl', () => new MathBackendCPU());
    await expect(
      selectedTiming(() => ({
        run: async () => {
          throw new Error('step failed');
        },
        dispose: () => undefined,
      })),
    ).rejects.toThrow('step failed');
    expect(tf.getBackend()).toBe('cpu');
    tf.removeBackend('webgl');
  });
});

/** Times on the fake "webgl" backend registered by the test: 2 warm-up steps, 3 timed. */
function selectedTiming(build: () => { run(): Promise<void>; dispose(): void }) {
  return timeOnBackend(tf, 'webgl', build, {
    warmup: 2,
    repeats: 3,
    loader: async () => undefined,
  });
}
