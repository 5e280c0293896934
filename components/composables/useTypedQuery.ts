// A figure's query box: what the reader types, cut to the length the figure encodes, and sent on
// once typing has stopped for a moment (the first value at once, after the same pause), so a
// worker is not asked to answer every keystroke.
import { computed, onBeforeUnmount, ref, watch, type ComputedRef, type Ref } from 'vue';
import { capText, type CappedText } from '../../src/settings/text';

/** Milliseconds without typing before the query is sent. */
export const QUERY_DEBOUNCE_MS = 300;

/** The typed text (bind it to the input) and its capped form. */
export interface TypedQuery {
  typed: Ref<string>;
  capped: ComputedRef<CappedText>;
}

/**
 * A query box's state: `typed` starts at `initial`; `send` gets the capped text (at most `limit`
 * characters) {@link QUERY_DEBOUNCE_MS} after the last change, and once for the initial text.
 */
export function useTypedQuery(
  initial: string,
  limit: number,
  send: (text: string) => void,
): TypedQuery {
  const typed = ref(initial);
  const capped = computed(() => capText(typed.value, limit));
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    capped,
    (value) => {
      clearTimeout(timer);
      timer = setTimeout(() => send(value.text), QUERY_DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));
  return { typed, capped };
}
