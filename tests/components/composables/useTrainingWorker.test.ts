// useTrainingWorker and its parts on the main-thread host (CPU backend): parameter changes reach
// the host key by key (an update, or a rebuild that restarts the charts), the same values are not
// sent twice, results are the experiment's typed snapshot, and the page's diagnostics on
// `window.__contrastiveTraining` can only read. Worker start, crash and time-outs are tested in
// tests/components/figures/SphereLab.test.ts.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive } from 'vue';
import { connectWorker, WorkerFailure } from '../../../components/composables/trainingConnection';
import {
  fallbackNotice,
  MAIN_THREAD_NOTICE,
} from '../../../components/composables/useTrainingSession';
import {
  useTrainingWorker,
  type TrainingWorker,
} from '../../../components/composables/useTrainingWorker';
import { tf } from '../../../src/core/tf';
import { SPHERE_DEFAULTS, type SphereParams } from '../../../src/settings/sphere';
import { TrainingHost, type RunResult } from '../../../src/worker/host';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

afterEach(() => vi.restoreAllMocks());

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function mountSphere(params: SphereParams) {
  let training: TrainingWorker | null = null;
  const results: RunResult<'sphere'>[] = [];
  const errors: unknown[] = [];
  let restarts = 0;
  const Harness = defineComponent({
    setup() {
      training = useTrainingWorker({
        experiment: 'sphere',
        params: () => ({ ...params }),
        seed: 2,
        tf,
        forceMainThread: true,
        onResult: (r) => results.push(r),
        onRestart: () => (restarts += 1),
        onError: (e) => errors.push(e),
      });
      return () => h('div');
    },
  });
  const wrapper = mount(Harness);
  return {
    wrapper,
    training: training as unknown as TrainingWorker,
    results,
    errors,
    restarts: () => restarts,
  };
}

describe('useTrainingWorker parameters', () => {
  it('sends a changed value once, updates or rebuilds as the experiment says', async () => {
    const setParams = vi.spyOn(TrainingHost.prototype, 'setParams');
    const params = reactive<SphereParams>({ ...SPHERE_DEFAULTS, points: 64, groups: 3 });
    const { wrapper, training, results, errors, restarts } = mountSphere(params);
    await until(() => training.mode.value === 'main' && results.length > 0, 'the first picture');
    const first = results.at(-1) as RunResult<'sphere'>;
    // Typed fields, not names read by convention.
    expect(first.snapshot?.metrics.alignment).toBeGreaterThan(0);
    expect(first.snapshot?.arrays.points.length).toBe(64 * 3);
    expect(first.layout?.pairs.length).toBe(64);
    expect(setParams).not.toHaveBeenCalled();

    await training.player.stepOnce();
    expect(training.step.value).toBe(1);

    // τ: an update, training goes on from step 1.
    params.tau = 0.1;
    await until(() => setParams.mock.calls.length === 1, 'τ sent');
    await until(() => results.length >= 3, 'the refreshed picture');
    expect(setParams.mock.calls[0]?.[0]).toEqual({
      ...SPHERE_DEFAULTS,
      points: 64,
      groups: 3,
      tau: 0.1,
    });
    expect(training.step.value).toBe(1);
    expect(restarts()).toBe(0);

    // The same value again: nothing to send.
    params.tau = 0.1;
    await training.player.stepOnce();
    expect(setParams).toHaveBeenCalledTimes(1);
    expect(training.step.value).toBe(2);

    // The space's dimension: a rebuild from step 0, new layout.
    params.dim = 2;
    await until(() => restarts() === 1, 'the rebuild');
    await until(() => results.at(-1)?.snapshot?.arrays.points.length === 64 * 2, '2-D points');
    expect(setParams).toHaveBeenCalledTimes(2);
    expect(training.step.value).toBe(0);
    expect(results.at(-1)?.layout).not.toBeNull();
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('reports a bad value from the host’s one check, as an error of the figure', async () => {
    const params = reactive<SphereParams>({ ...SPHERE_DEFAULTS, points: 64, groups: 3 });
    const { wrapper, training, results, errors } = mountSphere(params);
    await until(() => results.length > 0, 'the first picture');
    params.tau = 0; // below the schema's minimum: no clamp on the way, the host refuses it
    await until(() => errors.length === 1, 'the error');
    expect(String(errors[0])).toMatch(/"tau" must lie in/);
    expect(training.mode.value).toBe('main');
    wrapper.unmount();
  });
});

describe('training on the main thread', () => {
  it('says so, and what the reader gets there', async () => {
    const { wrapper, training, results } = mountSphere({
      ...SPHERE_DEFAULTS,
      points: 64,
      groups: 3,
    });
    await until(() => results.length > 0, 'the first picture');
    expect(training.notice.value).toBe(MAIN_THREAD_NOTICE);
    expect(training.notice.value).toMatch(
      /^Training runs on the main thread \(training=main in the address\)\. It trains in slices of about 50 ms.*waits while you use the controls/,
    );
    wrapper.unmount();
  });
});

describe('training diagnostics', () => {
  it('offer counts only: no way to stop a worker ships with the page', async () => {
    const { wrapper, results } = mountSphere({ ...SPHERE_DEFAULTS, points: 64, groups: 3 });
    await until(() => results.length > 0, 'the first picture');
    const hooks = (window as unknown as { __contrastiveTraining: Record<string, unknown> })
      .__contrastiveTraining;
    expect(Object.keys(hooks).sort()).toEqual(['mainThreadTensors', 'workers']);
    expect((hooks.workers as () => number)()).toBe(0);
    expect((hooks.mainThreadTensors as () => number)()).toBeGreaterThan(0);
    wrapper.unmount();
  });
});

describe('training connection helpers', () => {
  it('fail every call in flight when the worker reports an error, and close it once', async () => {
    class SilentWorker extends EventTarget {
      terminated = 0;
      postMessage(): void {}
      terminate(): void {
        this.terminated += 1;
      }
    }
    const worker = new SilentWorker();
    const connection = await connectWorker<'sphere'>(() => worker as unknown as Worker, 10_000);
    expect(connection.isWorker).toBe(true);
    const call = connection.api.init(null);
    worker.dispatchEvent(new ErrorEvent('error', { message: 'boom' }));
    await expect(call).rejects.toThrow(/it failed: boom/);
    await expect(connection.failed).rejects.toBeInstanceOf(WorkerFailure);
    connection.close();
    connection.close();
    expect(worker.terminated).toBe(1);
  });

  it('explain the move to the main thread', () => {
    expect(fallbackNotice(new WorkerFailure('it failed: out of memory'))).toMatch(
      /^The background worker stopped \(it failed: out of memory\)\. Training continues on the main thread\. It trains in slices of about 50 ms/,
    );
    expect(fallbackNotice(new WorkerFailure('x'), 40)).toMatch(
      /main thread, from step 40 \(replayed with the current settings\)\./,
    );
  });
});
