import { parseQuery, stringifyQuery, type Router } from 'vue-router';

/**
 * Gives every navigation within the current page the query the address bar shows now.
 *
 * Figures write their settings into the address with `history.replaceState`
 * (src/support/url-state.ts), out of the router's sight, so the router's current route keeps the
 * query the page was opened with. The theme's active-heading update (a `router.replace` while the
 * reader scrolls) and a click on a heading link navigate within the page with that old query, or
 * none, and would put it back in the address: a figure's settings vanished from the link, and a
 * corrected bad value returned. A page's figures stay mounted across such a navigation, so the
 * address's query still describes them and is what the navigation keeps.
 */
export function keepAddressQuery(router: Router): void {
  router.beforeEach((to, from) => {
    if (typeof window === 'undefined' || to.path !== from.path) return true;
    const query = parseQuery(window.location.search);
    if (stringifyQuery(to.query) === stringifyQuery(query)) return true;
    return { path: to.path, query, hash: to.hash };
  });
}
