import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeadConfig, PageFrontmatter, SiteLocaleData } from 'vuepress/client';
import { dedupeHead, headIdentifier, resolvePageHead } from '../../docs/.vuepress/pageHead';

describe('headIdentifier', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ignores the order of attributes and drops false ones', () => {
    const a: HeadConfig = ['link', { rel: 'icon', href: '/a.svg', type: 'image/svg+xml' }];
    const b: HeadConfig = [
      'link',
      { type: 'image/svg+xml', href: '/a.svg', rel: 'icon', x: false },
    ];
    expect(headIdentifier(a)).toBe(headIdentifier(b));
  });

  it('tells apart entries that differ in a value, a true flag or the content', () => {
    const base: HeadConfig = ['script', { src: '/a.js' }];
    expect(headIdentifier(base)).not.toBe(headIdentifier(['script', { src: '/b.js' }]));
    expect(headIdentifier(base)).not.toBe(
      headIdentifier(['script', { src: '/a.js', async: true }]),
    );
    expect(headIdentifier(['style', {}, 'a{}'])).not.toBe(headIdentifier(['style', {}, 'b{}']));
  });

  it('keys unique tags by tag, meta by name, template by id; unmanaged tags get none', () => {
    expect(headIdentifier(['title', {}, 'A'])).toBe(headIdentifier(['title', {}, 'B']));
    expect(headIdentifier(['meta', { name: 'x', content: '1' }])).toBe('meta.x');
    expect(headIdentifier(['template', { id: 't' }, '<p>'])).toBe('template.t');
    expect(headIdentifier(['body', {}] as unknown as HeadConfig)).toBeNull();
  });

  it('orders attribute names by code unit, without localeCompare', () => {
    const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
    expect(headIdentifier(['link', { rel: 'b', Href: 'a', href: 'c' }])).toBe(
      JSON.stringify([
        'link',
        [
          ['Href', 'a'],
          ['href', 'c'],
          ['rel', 'b'],
        ],
        undefined,
      ]),
    );
    expect(localeCompare).not.toHaveBeenCalled();
  });
});

describe('resolvePageHead', () => {
  const site = {
    head: [
      ['link', { rel: 'icon', href: '/favicon.svg' }],
      ['meta', { name: 'theme-color', content: '#fff' }],
    ],
    description: 'site description',
  } as unknown as SiteLocaleData;

  it('puts the page entries first, then the site, title and description, without duplicates', () => {
    const frontmatter = {
      head: [
        ['meta', { name: 'theme-color', content: '#000' }],
        ['link', { href: '/favicon.svg', rel: 'icon' }],
      ],
    } as unknown as PageFrontmatter;
    expect(resolvePageHead('Page | Site', frontmatter, site)).toEqual([
      ['meta', { name: 'theme-color', content: '#000' }],
      ['link', { href: '/favicon.svg', rel: 'icon' }],
      ['title', {}, 'Page | Site'],
      ['meta', { name: 'description', content: 'site description' }],
    ]);
  });

  it("uses the page's own description when it has one", () => {
    const head = resolvePageHead('T', { description: 'mine' }, site);
    expect(head.at(-1)).toEqual(['meta', { name: 'description', content: 'mine' }]);
    expect(head).toHaveLength(4);
  });

  it('keeps the first of two equal entries', () => {
    const first: HeadConfig = ['script', { src: '/a.js', defer: true }];
    expect(dedupeHead([first, ['script', { defer: true, src: '/a.js' }]])).toEqual([first]);
  });
});
