import { afterEach, describe, expect, it } from 'vitest';
import type { RouteLocationNormalizedLoaded } from 'vuepress/client';
import { appMounted, isActiveSidebarItem } from '../../../components/theme/isActiveSidebarItem';

/** The parts of a route the check reads. */
function route(path: string, hash = ''): RouteLocationNormalizedLoaded {
  return { path, hash } as RouteLocationNormalizedLoaded;
}

describe('isActiveSidebarItem', () => {
  afterEach(() => (appMounted.value = false));

  const page = {
    link: '/metric-learning.html',
    children: [{ link: '#what-they-share' }, { link: '#summary' }],
  };

  it('marks the current page, whatever its suffix, and not another one', () => {
    expect(isActiveSidebarItem(page, route('/metric-learning.html'))).toBe(true);
    expect(
      isActiveSidebarItem({ link: '/metric-learning.md' }, route('/metric-learning.html')),
    ).toBe(true);
    expect(isActiveSidebarItem({ link: '/' }, route('/index.html'))).toBe(true);
    expect(isActiveSidebarItem(page, route('/simclr.html'))).toBe(false);
  });

  it('marks the heading in the hash only once the app has mounted', () => {
    const heading = { link: '#summary' };
    const at = route('/metric-learning.html', '#summary');
    expect(isActiveSidebarItem(heading, at)).toBe(false);
    appMounted.value = true;
    expect(isActiveSidebarItem(heading, at)).toBe(true);
    expect(isActiveSidebarItem({ link: '#what-they-share' }, at)).toBe(false);
  });

  it('marks a group through an active child', () => {
    const group = { children: [{ link: '/simclr.html' }, page] };
    expect(isActiveSidebarItem(group, route('/metric-learning.html'))).toBe(true);
    expect(isActiveSidebarItem(group, route('/uniformity.html'))).toBe(false);
  });
});
