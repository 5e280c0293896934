import { onMounted, onScopeDispose, reactive, ref, watch, type Ref } from 'vue';
import { parseUrlState, replaceUrlState } from '../../src/support/url-state';
import { defaultValues, type UrlSchema, type UrlValues } from '../../src/settings/schema';

/** What `useUrlState` returns. */
export interface UrlState<S extends UrlSchema> {
  /** Reactive, always-valid values; assign to them and the address bar follows. */
  state: UrlValues<S>;
  /** Sentences about clamped or ignored parameters from the link; show them with `NoticeBar`. */
  notices: Ref<string[]>;
  /** Puts every value back to its default (the URL follows). */
  resetToDefaults(): void;
}

/**
 * Binds a figure's URL schema to reactive state under `namespace` (e.g. `sphere`).
 *
 * The state starts at the defaults so server rendering and hydration agree, then reads the link
 * in `onMounted`: call this before registering your own `onMounted` hooks, and they see the
 * link's values. Changes are written back with `history.replaceState`, debounced (browsers
 * throttle that call). A write still pending at unmount is dropped: by then the router may already
 * show the next page's address, which must not receive this figure's parameters.
 */
export function useUrlState<S extends UrlSchema>(
  namespace: string,
  schema: S,
  options: { debounceMs?: number } = {},
): UrlState<S> {
  const debounceMs = options.debounceMs ?? 250;
  const state = reactive(defaultValues(schema)) as UrlValues<S>;
  const notices = ref<string[]>([]);
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (loaded) replaceUrlState(schema, { ...state }, namespace);
  };

  onMounted(() => {
    const parsed = parseUrlState(schema, new URLSearchParams(window.location.search), namespace);
    Object.assign(state, parsed.values);
    notices.value = parsed.notices;
    loaded = true;
    // Rewrites a corrected link at once, so what the address bar shows is what the figure uses.
    if (parsed.notices.length) flush();
  });

  watch(
    () => ({ ...state }),
    () => {
      if (!loaded) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    },
  );

  onScopeDispose(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    loaded = false;
  });

  return {
    state,
    notices,
    resetToDefaults: () => Object.assign(state, defaultValues(schema)),
  };
}
