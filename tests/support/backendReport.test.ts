// The backend report's rows: the backend in use never reads "no" beside its passed check, and
// every other row says what the probe and the check found.
import { describe, expect, it } from 'vitest';
import type { BackendCapability, BackendChoice } from '../../src/core/backend';
import { backendReportRows } from '../../src/support/backendReport';

const capabilities: BackendCapability[] = [
  { name: 'webgpu', available: false, software: false, detail: 'navigator.gpu is missing' },
  { name: 'webgl', available: false, software: false, detail: 'WebGL is disabled' },
  { name: 'wasm', available: true, software: false, detail: 'SIMD, 2 threads' },
  { name: 'cpu', available: true, software: false, detail: 'always available' },
];

describe('backendReportRows', () => {
  it('calls a backend offered when it passed its check, whatever the probe said', () => {
    const choice: BackendChoice = {
      backend: 'webgl',
      reason: 'WebGL, because you asked for it.',
      threads: null,
      threadsWhy: null,
      requested: 'webgl',
      capabilities,
      attempts: [{ name: 'webgl', ok: true, ms: 41.7, error: null }],
    };
    const [webgpu, webgl, wasm] = backendReportRows(choice);
    expect(webgl).toEqual({
      name: 'webgl',
      label: expect.any(String),
      offered: 'yes — its check passed, though the probe before it said: WebGL is disabled',
      kind: 'unknown',
      check: 'passed in 42 ms',
      chosen: true,
    });
    expect(webgpu).toMatchObject({ offered: 'no — navigator.gpu is missing', kind: '—' });
    expect(wasm).toMatchObject({ offered: 'yes — SIMD, 2 threads', check: 'not tried' });
  });

  it('keeps the probe\'s "no" beside a failed check, and its GPU kind where it found one', () => {
    const choice: BackendChoice = {
      backend: 'wasm',
      reason: 'WebAssembly, because you asked for it.',
      threads: 2,
      threadsWhy: 'the page is cross-origin isolated, one per core',
      requested: 'webgl',
      capabilities: [
        ...capabilities.slice(0, 1),
        { name: 'webgl', available: true, software: true, detail: 'SwiftShader' },
        ...capabilities.slice(2),
      ],
      attempts: [
        { name: 'webgl', ok: false, ms: 3, error: 'it could not be initialised' },
        { name: 'wasm', ok: true, ms: 12, error: null },
      ],
    };
    const [, webgl, wasm] = backendReportRows(choice);
    expect(webgl).toMatchObject({
      offered: 'yes — SwiftShader',
      kind: 'software',
      check: 'failed: it could not be initialised',
      chosen: false,
    });
    expect(wasm).toMatchObject({
      label: 'WebAssembly, 2 threads',
      offered: 'yes — SIMD, 2 threads',
      chosen: true,
    });
  });
});
