/* eslint-disable vue/one-component-per-file -- tiny inline figures play the slot's part */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, onMounted, type Component } from 'vue';
import type { BackendChoice, BackendName, SelectOptions } from '../../src/core/backend';

// No real TensorFlow.js here: selection is replaced by a recorder that "chooses" the requested
// backend (or WASM) instantly; WebGPU plays a backend that fails its check and falls back to WASM.
// Everything else in src/core/backend stays real.
const selectBackend = vi.fn(async ({ requested }: SelectOptions): Promise<BackendChoice> => ({
  backend: requested && requested !== 'webgpu' ? requested : 'wasm',
  reason: requested ? 'you asked for it' : 'fastest here',
  threads: requested && requested !== 'webgpu' && requested !== 'wasm' ? null : 2,
  threadsWhy: requested && requested !== 'webgpu' && requested !== 'wasm' ? null : 'tests',
  requested: requested ?? null,
  capabilities: [],
  attempts: [],
}));
vi.mock('../../src/core/backend', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/core/backend')>()),
  selectBackend: (options: SelectOptions) => selectBackend(options),
}));
vi.mock('../../src/core/tf', () => ({ tf: { fake: 'tfjs' } }));

/** A controllable IntersectionObserver: `setVisible` plays the browser's part. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.instances.push(this);
  }
  observe() {}
  disconnect() {}
  setVisible(isIntersecting: boolean) {
    this.callback([{ isIntersecting } as IntersectionObserverEntry], this as never);
  }
}
const scrollTo = async (visible: boolean) => {
  for (const observer of FakeObserver.instances) observer.setVisible(visible);
  await flushPromises();
};

// A fresh module graph per test: the page-wide tfjs state in useTfjs is a module singleton.
// `slot: null` mounts the frame without slot content.
async function mountFrame(
  props: Record<string, unknown> = {},
  slot?: ((p: Record<string, unknown>) => unknown) | null,
) {
  const { default: DemoFrame } = await import('../../components/DemoFrame.vue');
  // A generic SFC's type is a function signature; mount only needs a component.
  return mount(DemoFrame as unknown as Component, {
    props: { name: 'test-demo', title: 'A test demo', ...props },
    slots:
      slot === null
        ? {}
        : {
            default:
              slot ??
              ((p: Record<string, unknown>) =>
                h('p', { class: 'child' }, `on ${String(p.backend)}`)),
          },
  });
}

const root = (wrapper: Awaited<ReturnType<typeof mountFrame>>) =>
  wrapper.get('[data-demo="test-demo"]');

beforeEach(() => {
  vi.resetModules();
  selectBackend.mockClear();
  FakeObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  window.history.replaceState({}, '', '/page.html');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DemoFrame', () => {
  it('waits off screen: loading state, no backend, no tfjs, no slot', async () => {
    const wrapper = await mountFrame();
    await flushPromises();
    expect(root(wrapper).attributes('data-state')).toBe('loading');
    expect(root(wrapper).attributes('data-backend')).toBeUndefined();
    expect(wrapper.find('[role="status"]').text()).toMatch(/starts when you scroll to it/);
    expect(wrapper.find('.child').exists()).toBe(false);
    expect(selectBackend).not.toHaveBeenCalled();
  });

  it('loads on scroll, becomes ready, reports its backend and renders the slot', async () => {
    const load = vi.fn(async () => ({ answer: 42 }));
    const wrapper = await mountFrame({ load }, (p) =>
      h(
        'p',
        { class: 'child' },
        `${String(p.backend)} ${JSON.stringify(p.module)} ${JSON.stringify(p.tf)}`,
      ),
    );
    await scrollTo(true);
    expect(root(wrapper).attributes('data-state')).toBe('ready');
    expect(root(wrapper).attributes('data-backend')).toBe('wasm');
    expect(wrapper.get('.child').text()).toBe('wasm {"answer":42} {"fake":"tfjs"}');
    expect(wrapper.get('footer').text()).toContain('Running on WebAssembly');
    expect(load).toHaveBeenCalledTimes(1);
    expect(root(wrapper).attributes('aria-label')).toBe('A test demo');
  });

  it('without slot content, renders the live part that load resolved to', async () => {
    const Live = defineComponent({ setup: () => () => h('p', { class: 'live' }, 'live part') });
    const wrapper = await mountFrame({ load: async () => ({ default: Live }) }, null);
    expect(wrapper.find('.live').exists()).toBe(false);
    await scrollTo(true);
    expect(root(wrapper).attributes('data-state')).toBe('ready');
    expect(wrapper.get('.demo-frame__content > .live').text()).toBe('live part');
  });

  it('shows an error panel when loading fails, and recovers on "Reload demo"', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue('ok');
    const wrapper = await mountFrame({ load });
    await scrollTo(true);
    expect(root(wrapper).attributes('data-state')).toBe('error');
    expect(wrapper.get('[role="alert"]').text()).toContain('chunk failed');
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(root(wrapper).attributes('data-state')).toBe('ready');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('catches an error thrown by the figure inside', async () => {
    const Broken = defineComponent({
      setup() {
        onMounted(() => {
          throw new Error('figure exploded');
        });
        return () => h('p', 'broken');
      },
    });
    const wrapper = await mountFrame({}, () => h(Broken));
    await scrollTo(true);
    expect(root(wrapper).attributes('data-state')).toBe('error');
    expect(wrapper.get('[role="alert"]').text()).toContain('figure exploded');
  });

  it('gives the figure an API: activity drives data-state, and running pauses off screen', async () => {
    const { useDemoFrame } = await import('../../components/composables/useDemoFrame');
    let api: ReturnType<typeof useDemoFrame> | undefined;
    const Figure = defineComponent({
      setup() {
        api = useDemoFrame();
        return () => h('p', 'figure');
      },
    });
    const wrapper = await mountFrame({}, () => h(Figure));
    await scrollTo(true);
    expect(api?.tf).toEqual({ fake: 'tfjs' });
    expect(api?.backend.value).toBe('wasm');

    api?.setActivity('running');
    await flushPromises();
    expect(root(wrapper).attributes('data-state')).toBe('running');
    await scrollTo(false);
    expect(api?.visible.value).toBe(false);
    expect(root(wrapper).attributes('data-state')).toBe('paused');
    await scrollTo(true);
    expect(root(wrapper).attributes('data-state')).toBe('running');

    await api?.guard(Promise.reject(new Error('async step failed')));
    await flushPromises();
    expect(root(wrapper).attributes('data-state')).toBe('error');
    expect(wrapper.get('[role="alert"]').text()).toContain('async step failed');
  });

  it('hydrates to the server HTML when another frame has loaded tfjs in the meantime', async () => {
    const { renderToString } = await import('vue/server-renderer');
    const { createSSRApp } = await import('vue');
    const { default: DemoFrame } = await import('../../components/DemoFrame.vue');
    const { useTfjs } = await import('../../components/composables/useTfjs');
    const app = () =>
      createSSRApp(() => h(DemoFrame as unknown as Component, { name: 'late', title: 'Late' }));
    const container = document.createElement('div');
    container.innerHTML = await renderToString(app());
    await useTfjs().loadTfjs();
    // Scrolled near the screen only now, as a lazily hydrated figure is.
    app().mount(container);
    const mismatches = vi
      .mocked(console.warn)
      .mock.calls.filter((args) => String(args[0]).includes('Hydration'));
    expect(mismatches).toEqual([]);
    await flushPromises();
    expect(container.querySelector('footer')?.textContent).toContain('Running on WebAssembly');
  });

  it('honours ?backend= and shows a notice for an unknown value', async () => {
    window.history.replaceState({}, '', '/page.html?backend=cpu');
    const asked = await mountFrame();
    await scrollTo(true);
    expect(root(asked).attributes('data-backend')).toBe('cpu');
    expect(selectBackend).toHaveBeenLastCalledWith(expect.objectContaining({ requested: 'cpu' }));
    asked.unmount();

    vi.resetModules();
    FakeObserver.instances = [];
    window.history.replaceState({}, '', '/page.html?backend=bogus');
    const bogus = await mountFrame();
    await scrollTo(true);
    expect(root(bogus).attributes('data-state')).toBe('ready');
    expect(root(bogus).attributes('data-backend')).toBe('wasm');
    expect(bogus.get('p[role="status"]').text()).toContain('Unknown backend “bogus”');
  });

  it('switches backend from its control and re-mounts the figure', async () => {
    let mounts = 0;
    const Figure = defineComponent({
      setup() {
        onMounted(() => (mounts += 1));
        return () => h('p', 'figure');
      },
    });
    const wrapper = await mountFrame({}, () => h(Figure));
    await scrollTo(true);
    expect(mounts).toBe(1);
    await wrapper.get('select').setValue('cpu' satisfies BackendName);
    await flushPromises();
    expect(root(wrapper).attributes('data-backend')).toBe('cpu');
    expect(selectBackend).toHaveBeenLastCalledWith(expect.objectContaining({ requested: 'cpu' }));
    expect(mounts).toBe(2);
  });

  it('says so when a requested backend fails and the demos run elsewhere', async () => {
    const wrapper = await mountFrame();
    await scrollTo(true);
    expect(wrapper.text()).not.toContain('did not work');
    await wrapper.get('select').setValue('webgpu' satisfies BackendName);
    await flushPromises();
    expect(root(wrapper).attributes('data-backend')).toBe('wasm');
    expect(wrapper.get('p[role="status"]').text()).toBe(
      'WebGPU did not work in this browser, so the demos run on WebAssembly.',
    );
  });

  describe('when the code does not download', () => {
    const chunkError = () =>
      new TypeError('Failed to fetch dynamically imported module: http://x/assets/Live-a1.js');
    let online = true;
    const fetchPage = vi.fn(async () => new Response(null, { status: 200 }));
    const reloadPage = vi.fn();

    beforeEach(() => {
      online = true;
      fetchPage.mockClear();
      reloadPage.mockClear();
      vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
      vi.stubGlobal('fetch', fetchPage);
      vi.spyOn(window.location, 'reload').mockImplementation(reloadPage);
    });

    it('offline: says so, "Try again" waits for the network, and the page reloads once online', async () => {
      online = false;
      const wrapper = await mountFrame({ load: () => Promise.reject(chunkError()) });
      await scrollTo(true);
      expect(root(wrapper).attributes('data-state')).toBe('error');
      const panel = wrapper.get('[data-failure="offline"]');
      expect(panel.text()).toContain('This demo could not be downloaded. The browser is offline.');
      // A reload of the demo cannot fetch the same file again within the page.
      expect(wrapper.text()).not.toContain('Reload demo');

      await panel.get('button').trigger('click');
      await flushPromises();
      expect(reloadPage).not.toHaveBeenCalled();
      expect(panel.text()).toContain('The browser is still offline.');

      online = true;
      window.dispatchEvent(new Event('online'));
      await flushPromises();
      expect(fetchPage).toHaveBeenCalledWith(location.href, { method: 'HEAD', cache: 'no-store' });
      expect(reloadPage).toHaveBeenCalledTimes(1);
    });

    it('"Try again" reloads the page once the site answers again', async () => {
      fetchPage.mockRejectedValueOnce(new TypeError('Failed to fetch'));
      const wrapper = await mountFrame({ load: () => Promise.reject(chunkError()) });
      await scrollTo(true);
      await wrapper.get('[data-failure="offline"] button').trigger('click');
      await flushPromises();
      expect(reloadPage).toHaveBeenCalledTimes(1);
    });

    it('gone from a site that answers: offers the new version and reloads for it', async () => {
      const wrapper = await mountFrame({ load: () => Promise.reject(chunkError()) });
      await scrollTo(true);
      const panel = wrapper.get('[data-failure="updated"]');
      expect(panel.text()).toContain('A new version of this site is available.');
      await panel.get('button').trigger('click');
      expect(reloadPage).toHaveBeenCalledTimes(1);
    });
  });
});
