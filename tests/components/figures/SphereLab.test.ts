// The sphere lab's live part and its training composable in happy-dom, on the CPU backend:
// a worker that cannot start, crashes or hangs turns into a visible notice and training on the
// main thread; a working (in-process) worker trains; unmounting frees every main-thread tensor.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import SphereLabLive from '../../../components/figures/live/SphereLabLive.vue';
import {
  isWorkerFailure,
  useTrainingWorker,
  WorkerFailure,
  type TrainingWorker,
} from '../../../components/composables/useTrainingWorker';
import { tf } from '../../../src/core/tf';
import { defaultValues } from '../../../src/settings/schema';
import { SPHERE_DEFAULTS, SPHERE_SCHEMA, type SphereSettings } from '../../../src/settings/sphere';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';
import { TrainingHost } from '../../../src/worker/host';
import { serveHost } from '../../../src/worker/protocol';

useCpuBackend();

const errors: unknown[] = [];
// The fallback explains itself on the console too; keep the test output readable.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => {
  vi.restoreAllMocks();
  errors.length = 0;
  window.history.replaceState(null, '', '/');
});

/** Waits until `check` holds, flushing promises and letting tfjs work in between. */
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const small: SphereSettings = { ...defaultValues(SPHERE_SCHEMA), points: 64, groups: 3 };

function mountLive(state: SphereSettings = small) {
  const wrapper = mount(SphereLabLive, {
    attachTo: document.body,
    props: {
      state,
      onChange: (patch: Partial<SphereSettings>) =>
        wrapper.setProps({ state: { ...wrapper.props('state'), ...patch } }),
    },
    global: withFrame(fakeFrame(errors)),
  });
  return wrapper;
}

/** A Worker look-alike whose other end is a real training host over a MessageChannel. */
class InProcessWorker extends EventTarget {
  terminated = false;
  private readonly port: MessagePort;
  constructor(answer = true) {
    super();
    const { port1, port2 } = new MessageChannel();
    if (answer) {
      serveHost(
        new TrainingHost(async () => ({
          backend: 'cpu',
          reason: 'test worker',
          threads: null,
          threadsWhy: null,
        })),
        port1,
      );
    }
    this.port = port2;
    port2.onmessage = (event) =>
      this.dispatchEvent(Object.assign(new Event('message'), { data: event.data }));
  }
  private silent = false;
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated && !this.silent) this.port.postMessage(data, transfer);
  }
  /** Stops answering without any event, as a worker that called `self.close()`. */
  fallSilent(): void {
    this.silent = true;
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
}

function mountComposable(worker: InProcessWorker, timeoutMs = 30_000) {
  let training: TrainingWorker | null = null;
  const results: number[] = [];
  const Harness = defineComponent({
    setup() {
      training = useTrainingWorker({
        experiment: 'sphere',
        params: () => ({ ...SPHERE_DEFAULTS, points: 64, groups: 3 }),
        seed: 4,
        tf,
        onResult: (r) => results.push(r.step),
        onError: (e) => errors.push(e),
        createWorker: () => worker as unknown as Worker,
        timeoutMs,
      });
      return () => h('div');
    },
  });
  const wrapper = mount(Harness);
  return { wrapper, training: training as unknown as TrainingWorker, results };
}

describe('SphereLabLive', () => {
  it('falls back to the main thread with a notice when no worker can start, and trains', async () => {
    // happy-dom has no Worker: starting one throws, as in a browser that forbids workers.
    const wrapper = mountLive();
    const root = () => wrapper.get('.sphere-lab');
    await until(() => root().attributes('data-mode') === 'main', 'the main-thread fallback');
    expect(wrapper.get('[role="alert"]').text()).toMatch(/background worker stopped.*main thread/);
    await until(() => root().attributes('data-updates') !== '0', 'the first picture');
    expect(root().attributes('data-step')).toBe('0');
    expect(wrapper.text()).toContain('Training on the main thread on');
    await wrapper.get('button[aria-label="Step once"]').trigger('click');
    await until(() => root().attributes('data-step') === '1', 'one step');
    expect(Number(root().attributes('data-alignment'))).toBeGreaterThan(0);
    expect(Number(root().attributes('data-uniformity'))).toBeLessThan(0);
    expect(root().attributes('data-trajectory-points')).toBe('2');
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('keeps a bad seed out and says why', async () => {
    const wrapper = mountLive();
    await until(() => wrapper.get('.sphere-lab').attributes('data-mode') === 'main', 'start');
    const seed = wrapper.get('input.sphere-lab__seed');
    await seed.setValue('12x');
    await seed.trigger('change');
    expect(wrapper.text()).toContain('The seed must be a whole number from 0 to 99999; keeping 1.');
    expect(wrapper.props('state').seed).toBe(1);
    await seed.setValue('42');
    await seed.trigger('change');
    expect(wrapper.props('state').seed).toBe(42);
    wrapper.unmount();
  });

  it('frees every main-thread tensor on unmount', async () => {
    const cycle = async () => {
      const wrapper = mountLive();
      const root = () => wrapper.get('.sphere-lab');
      await until(() => root().attributes('data-updates') !== '0', 'the first picture');
      await wrapper.get('button[aria-label="Step once"]').trigger('click');
      await until(() => root().attributes('data-step') === '1', 'one step');
      wrapper.unmount();
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await cycle(); // warms the cached constants, which are kept on purpose
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await cycle();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('useTrainingWorker', () => {
  it('trains in a worker, then moves to the main thread when the worker crashes', async () => {
    const worker = new InProcessWorker();
    const { wrapper, training, results } = mountComposable(worker);
    await until(() => training.mode.value === 'worker', 'the worker');
    expect(training.backend.value).toEqual({
      backend: 'cpu',
      reason: 'test worker',
      threads: null,
      threadsWhy: null,
    });
    await training.player.stepOnce();
    expect(training.step.value).toBe(1);

    // A crash while idle: training moves at once, without waiting for the next command.
    worker.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
    await until(() => training.mode.value === 'main', 'the fallback');
    expect(worker.terminated).toBe(true);
    expect(training.notice.value).toMatch(/it failed: out of memory.*main thread, from step 1/);
    await until(() => results.at(-1) === 1, 'the picture at the step reached');
    await training.player.stepOnce();
    expect(training.step.value).toBe(2); // replayed on the main thread, then one more step
    expect(results.at(-1)).toBe(2);
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('gives up on a worker that never answers', async () => {
    const worker = new InProcessWorker(false);
    const { wrapper, training } = mountComposable(worker, 300);
    await until(() => training.mode.value === 'main', 'the fallback');
    // Start-up gets twice the silence limit.
    expect(training.notice.value).toMatch(/did not answer within 0.6 s/);
    expect(worker.terminated).toBe(true);
    wrapper.unmount();
  });

  it('moves on from a worker that falls silent without an error, at the step it reached', async () => {
    const worker = new InProcessWorker();
    const { wrapper, training, results } = mountComposable(worker, 300);
    await until(() => training.mode.value === 'worker', 'the worker');
    for (let i = 0; i < 3; i++) await training.player.stepOnce();
    expect(training.step.value).toBe(3);
    worker.fallSilent(); // as after self.close(): no error event, no answer
    const started = Date.now();
    void training.player.stepOnce();
    await until(() => training.mode.value === 'main', 'the fallback', 5_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(training.notice.value).toMatch(
      /did not answer within 0.3 s\).*main thread, from step 3/,
    );
    await until(() => results.at(-1) === 3, 'the picture at step 3');
    await training.player.stepOnce();
    expect(training.step.value).toBe(4);
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('terminates a worker that is still starting when the component unmounts', async () => {
    const worker = new InProcessWorker(false);
    const { wrapper, training } = mountComposable(worker);
    await flushPromises();
    const hooks = (window as unknown as { __contrastiveTraining: { workers(): number } })
      .__contrastiveTraining;
    expect(hooks.workers()).toBe(1);
    wrapper.unmount();
    expect(worker.terminated).toBe(true);
    expect(hooks.workers()).toBe(0);
    expect(training.mode.value).toBe('starting');
  });

  it('terminates the worker on unmount', async () => {
    const worker = new InProcessWorker();
    const { wrapper, training } = mountComposable(worker);
    await until(() => training.mode.value === 'worker', 'the worker');
    wrapper.unmount();
    expect(worker.terminated).toBe(true);
  });

  it('tells worker failures from ordinary command errors', () => {
    expect(isWorkerFailure(new WorkerFailure('gone'))).toBe(true);
    expect(isWorkerFailure(new Error('RangeError: Array buffer allocation failed'))).toBe(true);
    expect(isWorkerFailure(new Error('WebGL context lost'))).toBe(true);
    expect(isWorkerFailure(new Error('Bad sphere parameters: "tau=0" …'))).toBe(false);
  });
});
