import type { SidebarOptions } from '@vuepress/theme-default';

/** The reading order: every page, as the issue lists it. Titles come from each page's `# heading`. */
export const pages = [
  '/',
  '/what-is-contrastive-learning.md',
  '/temperature.md',
  '/uniformity.md',
  '/metric-learning.md',
  '/simclr.md',
  '/simcse.md',
  '/under-the-hood.md',
] as const;

/** One flat sidebar for the whole site; each entry expands into its page's headings. */
export const sidebar: SidebarOptions = [...pages];
