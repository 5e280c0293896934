import type { Router } from 'vue-router';

/**
 * Makes the scroll that opens another page instant. The theme sets `scroll-behavior: smooth` on
 * the document, so the router's scroll to the new page's top (or heading) would animate from the
 * old page's offset, sweeping across every figure in between: each one it passed counted as seen
 * and started loading, and a trainer built its model out of the reader's sight. Scrolls within a
 * page (a heading link) stay smooth.
 */
export function instantPageScroll(router: Router): void {
  const scrollBehavior = router.options.scrollBehavior;
  if (!scrollBehavior) return;
  router.options.scrollBehavior = async (to, from, savedPosition) => {
    const position = await scrollBehavior(to, from, savedPosition);
    if (!position || to.path === from.path) return position;
    return { ...position, behavior: 'instant' };
  };
}
