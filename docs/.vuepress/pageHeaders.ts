// Puts each page's headings, extracted from its markdown at build time, into the page data the
// browser receives, for the sidebar (components/theme/useHeaders.ts), and cuts them to a depth.
import type { Plugin } from 'vuepress/core';
import type { PageHeader } from 'vuepress/shared';

/** The page data with the headings this plugin adds. */
export interface PageDataWithHeaders {
  headers: PageHeader[];
}

/** The plugin: copies `page.headers` (levels 2–3, nested) into `page.data.headers`. */
export const pageHeaders = (): Plugin => ({
  name: 'contrastive:page-headers',
  extendsPage(page) {
    (page.data as typeof page.data & PageDataWithHeaders).headers = page.headers;
  },
});

/**
 * `headers` cut below `maxLevel`: each heading keeps only the children at that level or above.
 *
 * @param headers nested headings, as VuePress extracts them
 * @param maxLevel the deepest level kept (`sidebarDepth` + 1)
 */
export function headersUpTo(headers: PageHeader[], maxLevel: number): PageHeader[] {
  return headers
    .filter((header) => header.level <= maxLevel)
    .map((header) => ({ ...header, children: headersUpTo(header.children, maxLevel) }));
}
