// The default theme's @theme/useHeaders (replaced through an alias in docs/.vuepress/config.ts):
// the current page's headings under its sidebar entry. The theme reads them from the DOM after
// the content mounts, so the server-rendered sidebar lacks them: every first load renders the
// whole layout again (about 30 ms on a phone) and, on a wide screen, the sidebar grows under the
// reader (a layout shift). Here they come from the page data (docs/.vuepress/pageHeaders.ts),
// identical on the server and in the browser, so hydration has nothing to change.
import { useData } from '@vuepress/theme-default/client';
import { injectLocal, provideLocal } from '@vueuse/core';
import { computed, type ComputedRef, type InjectionKey } from 'vue';
import type { PageHeader } from 'vuepress/shared';
import { headersUpTo, type PageDataWithHeaders } from '../../docs/.vuepress/pageHeaders';

/** The headings the sidebar shows for the current page. */
export type HeadersRef = ComputedRef<PageHeader[]>;

export const headersSymbol: InjectionKey<HeadersRef> = Symbol('headers');

/** The theme's app-level setup: provides the current page's headings to `useHeaders`. */
export function setupHeaders(): void {
  const { frontmatter, page, themeLocale } = useData();
  const depth = computed(
    () => frontmatter.value.sidebarDepth ?? themeLocale.value.sidebarDepth ?? 2,
  );
  provideLocal(
    headersSymbol,
    computed(() => {
      if (depth.value <= 0) return [];
      const { headers } = page.value as typeof page.value & Partial<PageDataWithHeaders>;
      return headersUpTo(headers ?? [], depth.value + 1);
    }),
  );
}

/** The current page's headings, as the theme's sidebar asks for them. */
export function useHeaders(): HeadersRef {
  const headers = injectLocal(headersSymbol);
  if (!headers) throw new Error('useHeaders() is called without provider.');
  return headers;
}
