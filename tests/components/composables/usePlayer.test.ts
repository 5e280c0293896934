import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, effectScope, h, nextTick, ref } from 'vue';
import { usePlayer, type PlayerOptions } from '../../../components/composables/usePlayer';

/** A hand-cranked requestAnimationFrame. */
function fakeFrames() {
  let next = 1;
  const queue = new Map<number, () => void>();
  return {
    request(cb: () => void) {
      queue.set(next, cb);
      return next++;
    },
    cancel(id: number) {
      queue.delete(id);
    },
    get waiting() {
      return queue.size;
    },
    /** Runs the callbacks queued so far, then lets every settled promise run on. */
    async frame() {
      const due = [...queue.values()];
      queue.clear();
      due.forEach((cb) => cb());
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function inScope(options: Omit<PlayerOptions, 'scheduler'>) {
  const frames = fakeFrames();
  const scope = effectScope();
  const player = scope.run(() => usePlayer({ ...options, scheduler: frames }))!;
  return { frames, scope, player };
}

describe('usePlayer', () => {
  it('runs stepsPerFrame × speed steps a frame and renders every renderEvery steps', async () => {
    const step = vi.fn();
    const render = vi.fn();
    const { frames, player } = inScope({ step, render, stepsPerFrame: 2, renderEvery: 5 });
    player.play();
    expect(player.playing.value).toBe(true);
    for (let i = 0; i < 3; i++) await frames.frame();
    expect(step).toHaveBeenCalledTimes(6);
    expect(render).toHaveBeenCalledTimes(1);
    player.speed.value = 0.25;
    for (let i = 0; i < 8; i++) await frames.frame();
    // ×¼ of 2 steps a frame: one step every other frame.
    expect(step).toHaveBeenCalledTimes(10);
    expect(player.stepCount.value).toBe(10);
  });

  it('never re-enters while an async step is pending', async () => {
    let active = 0;
    let maxActive = 0;
    let release: () => void = () => {};
    const step = vi.fn(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((resolve) => (release = resolve));
      active--;
    });
    const { frames, player } = inScope({ step });
    player.play();
    await frames.frame();
    await frames.frame();
    await frames.frame();
    expect(step).toHaveBeenCalledTimes(1);
    expect(player.busy.value).toBe(true);
    release();
    await frames.frame();
    await frames.frame();
    expect(step).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    // A reset waits for the pending step before resetting.
    const resetDone = player.reset();
    expect(player.playing.value).toBe(false);
    release();
    await resetDone;
    expect(player.stepCount.value).toBe(0);
    expect(maxActive).toBe(1);
  });

  it('pauses while not visible and resumes when visible again', async () => {
    const step = vi.fn();
    const visible = ref(true);
    const { frames, player } = inScope({ step, visible });
    player.play();
    await frames.frame();
    visible.value = false;
    await nextTick();
    expect(frames.waiting).toBe(0);
    await frames.frame();
    expect(step).toHaveBeenCalledTimes(1);
    expect(player.playing.value).toBe(true);
    visible.value = true;
    await nextTick();
    await frames.frame();
    expect(step).toHaveBeenCalledTimes(2);
  });

  it('steps once and renders; pause renders the state it stopped at', async () => {
    const step = vi.fn();
    const render = vi.fn();
    const { frames, player } = inScope({ step, render, renderEvery: 100 });
    await player.stepOnce();
    expect(step).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledTimes(1);
    player.play();
    await frames.frame();
    await frames.frame();
    expect(render).toHaveBeenCalledTimes(1);
    player.pause();
    await frames.frame();
    expect(render).toHaveBeenCalledTimes(2);
    expect(frames.waiting).toBe(0);
  });

  it('stops at maxSteps and will not play past it until reset', async () => {
    const step = vi.fn();
    const reset = vi.fn();
    const { frames, player } = inScope({ step, reset, maxSteps: 3, stepsPerFrame: 2 });
    player.play();
    for (let i = 0; i < 4; i++) await frames.frame();
    expect(step).toHaveBeenCalledTimes(3);
    expect(player.playing.value).toBe(false);
    player.play();
    expect(player.playing.value).toBe(false);
    await player.reset();
    expect(reset).toHaveBeenCalledTimes(1);
    player.play();
    expect(player.playing.value).toBe(true);
  });

  it('pauses and reports an error thrown by a step', async () => {
    const onError = vi.fn();
    const { frames, player } = inScope({
      step: () => {
        throw new Error('boom');
      },
      onError,
    });
    player.play();
    await frames.frame();
    expect(player.playing.value).toBe(false);
    expect((player.error.value as Error).message).toBe('boom');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('stops for good when its scope ends, even with a step in flight', async () => {
    let release: () => void = () => {};
    const step = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const render = vi.fn();
    const { frames, scope, player } = inScope({ step, render });
    player.play();
    await frames.frame();
    scope.stop();
    expect(frames.waiting).toBe(0);
    release();
    await frames.frame();
    expect(render).not.toHaveBeenCalled();
    expect(step).toHaveBeenCalledTimes(1);
    player.play();
    expect(frames.waiting).toBe(0);
  });

  it('cancels its frame when the component unmounts', async () => {
    const frames = fakeFrames();
    const step = vi.fn();
    const Host = defineComponent({
      setup() {
        const player = usePlayer({ step, scheduler: frames });
        player.play();
        return () => h('div');
      },
    });
    const wrapper = mount(Host);
    await frames.frame();
    expect(step).toHaveBeenCalledTimes(1);
    wrapper.unmount();
    expect(frames.waiting).toBe(0);
  });
});
