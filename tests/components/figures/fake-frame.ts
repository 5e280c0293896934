// What the figures' component tests share: the CPU backend, a DemoFrame context without a frame
// (errors collected), and a live part mounted with settings it updates itself, as SettingsFigure
// does.
import '@tensorflow/tfjs-backend-cpu';
import { mount } from '@vue/test-utils';
import { beforeAll } from 'vitest';
import { ref, type Component, type Ref } from 'vue';
import { DEMO_FRAME, type DemoFrameContext } from '../../../components/composables/useDemoFrame';
import { tf } from '../../../src/core/tf';

/** Runs the file's tests on tfjs's CPU backend (registers a `beforeAll`). */
export function useCpuBackend(): void {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });
}

/** A frame context for a live part mounted on its own; `fail` pushes to `errors`. */
export function fakeFrame(
  errors: unknown[] = [],
  visible: Ref<boolean> = ref(true),
): DemoFrameContext {
  return {
    tf: ref(tf),
    backend: ref('cpu'),
    visible,
    state: ref('ready'),
    setActivity: () => undefined,
    fail: (e: unknown) => errors.push(e),
    guard: async <T>(work: Promise<T> | (() => Promise<T>)) =>
      typeof work === 'function' ? work() : work,
  } as unknown as DemoFrameContext;
}

/** The `global` mounting option that provides `frame` to the live part. */
export const withFrame = (frame: DemoFrameContext) => ({
  provide: { [DEMO_FRAME as symbol]: frame },
});

/**
 * Mounts a live part with `state`, applying every `change` patch to its `state` prop (as the
 * figure around it does).
 */
export function mountWithState<S extends object>(
  component: Component,
  state: S,
  options: { frame?: DemoFrameContext; attachTo?: Element } = {},
) {
  const wrapper = mount(component, {
    attachTo: options.attachTo,
    global: options.frame ? withFrame(options.frame) : {},
    props: {
      state,
      onChange: (patch: Partial<S>) =>
        wrapper.setProps({ state: { ...(wrapper.props('state') as S), ...patch } }),
    },
  });
  return wrapper;
}
