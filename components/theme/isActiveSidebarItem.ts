// The default theme's @theme/isActiveSidebarItem (replaced through an alias in
// docs/.vuepress/config.ts): whether a sidebar entry, or one of its children, is the current page
// or the heading in the address's hash. The server cannot know the hash, and it now renders the
// page's headings (useHeaders.ts), so a heading counts as active through the hash only once the
// app has mounted; otherwise opening `page.html#heading` would not hydrate to the server's HTML.
import { ref } from 'vue';
import type { RouteLocationNormalizedLoaded } from 'vuepress/client';

/** A sidebar entry as far as this check needs it. */
interface SidebarEntry {
  link?: string;
  children?: SidebarEntry[];
}

/** Set once the app has mounted (docs/.vuepress/client.ts); never on the server. */
export const appMounted = ref(false);

/** A route path or link without its hash, `.md`/`.html` suffix or trailing `index`. */
function pagePath(path: string): string {
  return decodeURI(path)
    .replace(/#.*$/, '')
    .replace(/(index)?\.(md|html)$/, '');
}

/** Whether `link` is the current heading (after mount) or the current page. */
function isActiveLink(link: string, route: RouteLocationNormalizedLoaded): boolean {
  // The hash is compared first, so only the entry it names depends on `appMounted`.
  if (route.hash === link && appMounted.value) return true;
  return pagePath(route.path) === pagePath(link);
}

/** Whether `item` or any of its descendants is active. */
export function isActiveSidebarItem(
  item: SidebarEntry,
  route: RouteLocationNormalizedLoaded,
): boolean {
  if (item.link && isActiveLink(item.link, route)) return true;
  return item.children?.some((child) => isActiveSidebarItem(child, route)) ?? false;
}
