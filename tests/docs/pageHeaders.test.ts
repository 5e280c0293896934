import { describe, expect, it } from 'vitest';
import type { PageHeader } from 'vuepress/shared';
import { headersUpTo } from '../../docs/.vuepress/pageHeaders';

/** A heading with `children`, its slug derived from the title. */
function heading(level: number, title: string, children: PageHeader[] = []): PageHeader {
  const slug = title.toLowerCase().replaceAll(' ', '-');
  return { level, title, slug, link: `#${slug}`, children };
}

describe('headersUpTo', () => {
  const page = [
    heading(2, 'What they share'),
    heading(2, 'Metric learning', [
      heading(3, 'Siamese networks', [heading(4, 'The margin')]),
      heading(3, 'Triplet networks'),
    ]),
  ];

  it('keeps levels 2 and 3 at the default depth (2), nested as in the page', () => {
    expect(headersUpTo(page, 3)).toEqual([
      heading(2, 'What they share'),
      heading(2, 'Metric learning', [
        heading(3, 'Siamese networks'),
        heading(3, 'Triplet networks'),
      ]),
    ]);
  });

  it('keeps only the top level at depth 1, and everything when deep enough', () => {
    expect(headersUpTo(page, 2)).toEqual([
      heading(2, 'What they share'),
      heading(2, 'Metric learning'),
    ]);
    expect(headersUpTo(page, 4)).toEqual(page);
  });

  it('leaves its input as it was', () => {
    const before = JSON.stringify(page);
    headersUpTo(page, 2);
    expect(JSON.stringify(page)).toBe(before);
  });
});
