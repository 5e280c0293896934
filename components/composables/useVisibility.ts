// Tracks whether an element is on screen, for lazy loading and for pausing work off screen.
import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';

/** Options of {@link useVisibility}. */
export interface VisibilityOptions {
  /** Grows the viewport for the test, so loading can start just before the element shows. */
  rootMargin?: string;
}

/**
 * Observes an element with an IntersectionObserver once mounted. Browsers without the API are
 * treated as always visible. Client-only: during server rendering both flags stay `false`.
 *
 * @param target - the element to observe
 * @returns `visible` (on screen now) and `seen` (has been on screen at least once)
 */
export function useVisibility(target: Ref<HTMLElement | null>, options: VisibilityOptions = {}) {
  const visible = ref(false);
  const seen = ref(false);
  let observer: IntersectionObserver | null = null;

  const update = (isVisible: boolean) => {
    visible.value = isVisible;
    if (isVisible) seen.value = true;
  };

  onMounted(() => {
    if (!target.value) return;
    if (typeof IntersectionObserver === 'undefined') {
      update(true);
      return;
    }
    observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) update(entry.isIntersecting);
      },
      { rootMargin: options.rootMargin ?? '0px' },
    );
    observer.observe(target.value);
  });

  onBeforeUnmount(() => observer?.disconnect());

  return { visible: readonly(visible), seen: readonly(seen) };
}
