import { describe, expect, it } from 'vitest';
import { addPageHints } from '../../docs/.vuepress/pageHints';

describe('addPageHints', () => {
  const page =
    '<html><head><link rel="modulepreload" href="/assets/app.js">' +
    '<link rel="modulepreload" href="/assets/page.js"><link rel="stylesheet" href="/assets/s.css">' +
    '</head><body><script type="module" src="/assets/app.js" defer></script></body></html>';

  it('lowers the priority of every module preload and of the entry script', () => {
    const html = addPageHints(page);
    expect(html.match(/<link rel="modulepreload" fetchpriority="low" href=/g)).toHaveLength(2);
    expect(html).toContain('<script type="module" fetchpriority="low" src="/assets/app.js" defer>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/s.css">');
  });

  it('adds no font preloads: nothing shares the network with the text and its stylesheet', () => {
    expect(addPageHints(page)).not.toContain('rel="preload"');
  });

  it('refuses a page without a module script', () => {
    expect(() => addPageHints('<html><head></head><body></body></html>')).toThrow(/module/);
  });
});
