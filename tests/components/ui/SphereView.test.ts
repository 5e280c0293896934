import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SphereView from '../../../components/ui/SphereView.vue';
import { defaultView, identity } from '../../../src/viz/sphere';

/** A 2-D context that counts calls, since happy-dom has no canvas. */
function fakeContext() {
  const calls: Record<string, number> = {};
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (..._args: unknown[]) => {
        calls[key] = (calls[key] ?? 0) + 1;
      };
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx, calls };
}

let fake: ReturnType<typeof fakeContext>;
beforeEach(() => {
  fake = fakeContext();
  // getContext's overloads defeat the mock's typing; the fake only needs to be called.
  const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext') as unknown as {
    mockImplementation(f: () => unknown): void;
  };
  spy.mockImplementation(() => fake.ctx);
});
afterEach(() => vi.restoreAllMocks());

const points = (n: number, dim: number) =>
  Float32Array.from({ length: n * dim }, (_, i) => Math.cos(i * 1.7));

describe('SphereView', () => {
  it('is a focusable image with a descriptive name', () => {
    const wrapper = mount(SphereView, {
      props: { points: points(8, 3), groups: [0, 0, 1, 1, 2, 2, 3, 3], pairs: [0, 1, 2, 3] },
    });
    const root = wrapper.get('[role="img"]');
    expect(root.attributes('tabindex')).toBe('0');
    expect(root.attributes('aria-label')).toBe(
      'Embeddings on the sphere: 8 points on the sphere in 4 colour groups with lines joining ' +
        '2 positive pairs. Drag or use the arrow keys to rotate; Home resets the view.',
    );
    expect(wrapper.get('canvas').attributes('aria-hidden')).toBe('true');
  });

  it('paints every point, and repaints on a revision bump', async () => {
    const pts = points(64, 3);
    const wrapper = mount(SphereView, { props: { points: pts, revision: 0 } });
    expect(fake.calls.drawImage).toBe(64);
    pts[0] = -pts[0];
    await wrapper.setProps({ revision: 1 });
    expect(fake.calls.drawImage).toBe(128);
  });

  it('rotates with the arrow keys and resets with Home', async () => {
    const wrapper = mount(SphereView, { props: { points: points(4, 3) } });
    const vm = wrapper.vm as unknown as { rotation: Float64Array };
    expect(Array.from(vm.rotation)).toEqual(Array.from(defaultView()));
    const root = wrapper.get('[role="img"]');
    await root.trigger('keydown', { key: 'ArrowRight' });
    const turned = Array.from(vm.rotation);
    expect(turned).not.toEqual(Array.from(defaultView()));
    await root.trigger('keydown', { key: 'ArrowUp', shiftKey: true });
    expect(Array.from(vm.rotation)).not.toEqual(turned);
    await root.trigger('keydown', { key: 'Home' });
    expect(Array.from(vm.rotation)).toEqual(Array.from(defaultView()));
  });

  it('rotates when dragged', async () => {
    const wrapper = mount(SphereView, { props: { points: points(4, 3) } });
    const vm = wrapper.vm as unknown as { rotation: Float64Array };
    const canvas = wrapper.get('canvas');
    await canvas.trigger('pointerdown', { pointerId: 1, clientX: 100, clientY: 100, button: 0 });
    await canvas.trigger('pointermove', { pointerId: 1, clientX: 140, clientY: 90 });
    await canvas.trigger('pointerup', { pointerId: 1 });
    const after = Array.from(vm.rotation);
    expect(after).not.toEqual(Array.from(defaultView()));
    await canvas.trigger('pointermove', { pointerId: 1, clientX: 300, clientY: 300 });
    expect(Array.from(vm.rotation)).toEqual(after);
  });

  it('shows S¹ for 2-D data, starting unrotated and turning in the plane', async () => {
    const wrapper = mount(SphereView, { props: { points: points(10, 2), dim: 2 } });
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toContain(
      '10 points on the circle',
    );
    const vm = wrapper.vm as unknown as { rotation: Float64Array };
    expect(Array.from(vm.rotation)).toEqual(Array.from(identity()));
    await wrapper.get('[role="img"]').trigger('keydown', { key: 'ArrowLeft' });
    expect(vm.rotation[2]).toBe(0);
    expect(vm.rotation[8]).toBe(1);
    expect(vm.rotation[1]).not.toBe(0);
  });

  it('cancels a pending redraw on unmount', async () => {
    const request = vi.spyOn(window, 'requestAnimationFrame');
    const cancel = vi.spyOn(window, 'cancelAnimationFrame');
    const wrapper = mount(SphereView, { props: { points: points(4, 3) } });
    await wrapper.get('[role="img"]').trigger('keydown', { key: 'ArrowRight' });
    expect(request).toHaveBeenCalledTimes(1);
    const id = request.mock.results[0].value;
    wrapper.unmount();
    expect(cancel).toHaveBeenCalledWith(id);
  });
});
