import type { SidebarOptions } from '@vuepress/theme-default';

/** The reading order: every page with its short sidebar title. */
export const chapters = [
  { text: 'Home', link: '/' },
  { text: 'What is contrastive learning', link: '/what-is-contrastive-learning.md' },
  { text: 'Temperature', link: '/temperature.md' },
  { text: 'Uniformity on the hypersphere', link: '/uniformity.md' },
  { text: 'InfoNCE and mutual information', link: '/mutual-information.md' },
  { text: 'Contrastive vs metric learning', link: '/metric-learning.md' },
  { text: 'SimCLR', link: '/simclr.md' },
  { text: 'MoCo: many negatives, small batch', link: '/moco.md' },
  { text: 'CLIP: images and text', link: '/clip.md' },
  { text: 'SimCSE', link: '/simcse.md' },
  { text: 'Learning without negatives', link: '/learning-without-negatives.md' },
  { text: 'Notation', link: '/notation.md' },
  { text: 'Under the hood', link: '/under-the-hood.md' },
] as const;

/** One flat sidebar for the whole site; each entry expands into its page's headings. */
export const sidebar: SidebarOptions = chapters.map((chapter) => ({ ...chapter }));
