// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { keepAddressQuery } from '../../docs/.vuepress/keepAddressQuery';

/** A router on `start`, whose address bar (window.location) a figure then rewrites to `address`. */
async function routerAt(start: string, address: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: {} }],
  });
  keepAddressQuery(router);
  await router.push(start);
  window.history.replaceState(null, '', address);
  return router;
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('keepAddressQuery', () => {
  it('gives a heading update within the page the query the address shows, not the old one', async () => {
    const router = await routerAt(
      '/uniformity.html?temp.tau=abc',
      '/uniformity.html?sphere.tau=0.5383',
    );
    const { path, query } = router.currentRoute.value;
    await router.replace({ path, query, hash: '#why-the-sphere' });
    expect(router.currentRoute.value.fullPath).toBe(
      '/uniformity.html?sphere.tau=0.5383#why-the-sphere',
    );
  });

  it('keeps the query on a heading link that names none', async () => {
    const router = await routerAt('/simclr.html', '/simclr.html?simclr.lr=0.01&backend=cpu');
    await router.push('/simclr.html#train-it-yourself');
    expect(router.currentRoute.value.query).toEqual({ 'simclr.lr': '0.01', backend: 'cpu' });
    expect(router.currentRoute.value.hash).toBe('#train-it-yourself');
  });

  it('leaves a navigation to another page alone', async () => {
    const router = await routerAt('/simclr.html', '/simclr.html?simclr.lr=0.01');
    await router.push('/simcse.html?simcse.tau=0.1');
    expect(router.currentRoute.value.fullPath).toBe('/simcse.html?simcse.tau=0.1');
  });
});
