import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { defineUrlSchema } from '../../../src/settings/schema';
import { useUrlState } from '../../../components/composables/useUrlState';
import NoticeBar from '../../../components/ui/NoticeBar.vue';

const schema = defineUrlSchema({
  tau: { type: 'number', min: 0.01, max: 10, default: 0.1, scale: 'log' },
  objective: { type: 'enum', values: ['infonce', 'align'], default: 'infonce' },
});

function host() {
  let api!: ReturnType<typeof useUrlState<typeof schema>>;
  let seenInMounted: unknown;
  const Host = defineComponent({
    setup() {
      api = useUrlState('sphere', schema, { debounceMs: 10 });
      // A figure's own onMounted, registered after useUrlState, sees the link's values.
      return () =>
        h(NoticeBar, { notices: api.notices.value, onDismiss: () => (api.notices.value = []) });
    },
    mounted() {
      seenInMounted = { ...api.state };
    },
  });
  const wrapper = mount(Host);
  return { wrapper, api, seenInMounted: () => seenInMounted };
}

const go = (url: string) => window.history.replaceState({ router: 'kept' }, '', url);

afterEach(() => {
  vi.useRealTimers();
  go('/');
});

describe('useUrlState', () => {
  it('reads the link on mount, before the figure’s own mounted hook', () => {
    go('/uniformity.html?sphere.tau=0.5&sphere.objective=align#lab');
    const { api, seenInMounted } = host();
    expect(api.state).toEqual({ tau: 0.5, objective: 'align' });
    expect(seenInMounted()).toEqual({ tau: 0.5, objective: 'align' });
    expect(api.notices.value).toEqual([]);
  });

  it('shows notices for a bad link, rewrites it and lets the reader dismiss them', async () => {
    go('/uniformity.html?sphere.tau=99&sphere.objective=nope&keep=1#lab');
    const { wrapper, api } = host();
    await nextTick();
    expect(api.state).toEqual({ tau: 10, objective: 'infonce' });
    const bar = wrapper.get('[role="status"]');
    expect(bar.findAll('li')).toHaveLength(2);
    expect(bar.text()).toContain('above the maximum 10');
    expect(window.location.search).toBe('?sphere.tau=10&keep=1');
    expect(window.location.hash).toBe('#lab');
    await wrapper.get('button[aria-label="Dismiss notices"]').trigger('click');
    expect(wrapper.findAll('li')).toHaveLength(0);
    expect(wrapper.find('[role="status"]').exists()).toBe(true);
  });

  it('writes changes back, debounced, keeping other params and history.state', async () => {
    vi.useFakeTimers();
    go('/p?loss.tau=2');
    const { api } = host();
    api.state.tau = 0.05;
    await nextTick();
    api.state.objective = 'align';
    await nextTick();
    expect(window.location.search).toBe('?loss.tau=2');
    vi.advanceTimersByTime(20);
    expect(window.location.search).toBe('?loss.tau=2&sphere.tau=0.05&sphere.objective=align');
    expect(window.history.state).toEqual({ router: 'kept' });
    api.resetToDefaults();
    await nextTick();
    vi.advanceTimersByTime(20);
    expect(window.location.search).toBe('?loss.tau=2');
  });

  it('drops a pending write on unmount so the next page keeps its own address', async () => {
    vi.useFakeTimers();
    go('/a');
    const { wrapper, api } = host();
    api.state.tau = 2;
    await nextTick();
    wrapper.unmount();
    go('/b');
    vi.advanceTimersByTime(50);
    expect(window.location.pathname + window.location.search).toBe('/b');
  });
});
