// An element's width in CSS px, kept up to date, for SVGs drawn at their real size (one SVG unit per
// CSS px) so that their text keeps one size on a phone and on a wide screen.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * Measures `target` once mounted and again whenever it resizes (ResizeObserver). Until then —
 * server render, or a browser without the API — the width is `fallback()`.
 *
 * @param target - the element to measure
 * @param fallback - the width to draw at before a measurement
 * @returns the width in whole CSS px
 */
export function useMeasuredWidth(target: Ref<Element | null>, fallback: () => number) {
  const measured = ref(0);
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    const el = target.value;
    if (!el || typeof ResizeObserver === 'undefined') return;
    measured.value = Math.floor(el.clientWidth);
    observer = new ResizeObserver(([entry]) => {
      if (entry) measured.value = Math.floor(entry.contentRect.width);
    });
    observer.observe(el);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return computed(() => (measured.value > 0 ? measured.value : fallback()));
}
