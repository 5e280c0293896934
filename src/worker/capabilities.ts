// What a Web Worker offers each TensorFlow.js backend. The page's probe reads WebGL from a DOM
// canvas, which a worker lacks: here WebGL means WebGL 2 on an OffscreenCanvas (the only way
// tfjs-backend-webgl runs in a worker) and WebGPU means `navigator.gpu` in the worker.
import { isSoftwareRenderer, probeBackends, type BackendCapability } from '../core/backend';

function probeOffscreenWebGl(): BackendCapability {
  const name = 'webgl';
  if (typeof OffscreenCanvas === 'undefined') {
    return { name, available: false, software: false, detail: 'no OffscreenCanvas in workers' };
  }
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) {
    return { name, available: false, software: false, detail: 'no WebGL 2 on OffscreenCanvas' };
  }
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown renderer',
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return {
    name,
    available: true,
    software: isSoftwareRenderer(renderer),
    detail: `${renderer} (OffscreenCanvas)`,
  };
}

/**
 * Backend capabilities inside a worker, in the core's `BackendCapability` form so the core's
 * ranking and selection apply unchanged.
 */
export async function probeWorkerBackends(): Promise<BackendCapability[]> {
  const page = await probeBackends();
  return page.map((c) => (c.name === 'webgl' ? probeOffscreenWebGl() : c));
}
