/**
 * Which edges of a box that scrolls sideways have more content beyond them, for the fades that
 * say so (components/ui/ScrollBox.vue).
 */

/** Whether the box scrolls at all, and whether there is content past its start or its end. */
export interface ScrollEdges {
  scrolls: boolean;
  start: boolean;
  end: boolean;
}

/** Pixels of overflow too small to scroll for (sub-pixel widths, rounding). */
const SLACK = 1;

/**
 * The edges of a box from its `scrollLeft`, `scrollWidth` and `clientWidth` (left to right text).
 */
export function scrollEdges(
  scrollLeft: number,
  scrollWidth: number,
  clientWidth: number,
): ScrollEdges {
  const max = scrollWidth - clientWidth;
  const scrolls = max > SLACK;
  return {
    scrolls,
    start: scrolls && scrollLeft > SLACK,
    end: scrolls && scrollLeft < max - SLACK,
  };
}

/** The edges as a `data-overflow` value: `"start end"`, `"start"`, `"end"`, or `undefined`. */
export function edgeAttribute(edges: ScrollEdges): string | undefined {
  const names = [edges.start && 'start', edges.end && 'end'].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}
