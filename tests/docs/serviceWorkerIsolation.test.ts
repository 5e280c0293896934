// The service worker's cross-origin isolation (docs/.vuepress/serviceWorkerIsolation.sw.js), run on a
// stand-in for the service worker's global scope: Workbox's answers get the headers, the pages and
// worker scripts it leaves to the network get them too, and nothing else changes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isolationScript, withIsolation } from '../../docs/.vuepress/serviceWorkerIsolation';

const ORIGIN = 'https://example.org';

type Listener = (event: FakeFetchEvent) => void;

/** The parts of a FetchEvent the script uses; `answer` is what `respondWith` received. */
interface FakeFetchEvent {
  request: Partial<Request>;
  respondWith(response: Response | Promise<Response>): void;
  answer?: Promise<Response>;
}

/** A service worker scope with the isolation installed, and Workbox's listener after it. */
function scope(workbox: Listener) {
  const listeners: { type: string; listener: Listener }[] = [];
  const self = {
    location: { origin: ORIGIN },
    addEventListener(type: string, listener: Listener) {
      listeners.push({ type, listener });
    },
  };
  new Function('self', isolationScript())(self);
  self.addEventListener('fetch', workbox);
  self.addEventListener('message', () => undefined);
  return {
    /** What the browser registered: the isolation's one fetch listener, Workbox's others. */
    types: () => listeners.map((l) => l.type),
    /** Dispatches a fetch event the way the browser would, to the registered listeners. */
    fetch(request: Partial<Request>): Promise<Response> | undefined {
      const event: FakeFetchEvent = {
        request: { method: 'GET', cache: 'default', destination: '', mode: 'cors', ...request },
        respondWith(response) {
          if (this.answer) throw new Error('respondWith called twice');
          this.answer = Promise.resolve(response);
        },
      };
      for (const { type, listener } of listeners) if (type === 'fetch') listener(event);
      return event.answer;
    },
  };
}

const page = (path: string, mode = 'navigate') => ({
  url: `${ORIGIN}${path}`,
  mode: mode as RequestMode,
  destination: (mode === 'navigate' ? 'document' : 'image') as RequestDestination,
});

/** Workbox's stand-in: answers from its "cache" for the paths it knows. */
const workbox =
  (cached: Record<string, () => Response>): Listener =>
  (event) => {
    const path = new URL(event.request.url ?? '').pathname;
    const hit = cached[path];
    if (hit) event.respondWith(hit());
  };

afterEach(() => vi.unstubAllGlobals());

describe('the isolation in the service worker', () => {
  it('adds the headers to what Workbox answers with, body and status kept', async () => {
    const sw = scope(
      workbox({
        '/simclr.html': () =>
          new Response('<h1>SimCLR</h1>', {
            status: 200,
            headers: {
              'Content-Type': 'text/html',
              'Content-Security-Policy': "default-src 'self'",
            },
          }),
      }),
    );
    expect(sw.types()).toEqual(['fetch', 'message']);
    const response = await sw.fetch(page('/simclr.html'));
    expect(response?.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(response?.headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect(await response?.text()).toBe('<h1>SimCLR</h1>');
  });

  it('fetches the pages and worker scripts Workbox leaves, with the headers', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (request: Partial<Request>) => {
      fetched.push(request.url ?? '');
      return new Response('network');
    });
    const sw = scope(workbox({}));
    const navigation = await sw.fetch(page('/simclr.html?backend=wasm'));
    expect(navigation?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    const worker = await sw.fetch({ url: `${ORIGIN}/assets/w.js`, destination: 'worker' });
    expect(worker?.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(fetched).toEqual([`${ORIGIN}/simclr.html?backend=wasm`, `${ORIGIN}/assets/w.js`]);
  });

  it('leaves other requests, other hosts and non-GET requests to the browser', () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('must not fetch');
    });
    const sw = scope(workbox({}));
    expect(sw.fetch(page('/favicon.svg', 'no-cors'))).toBeUndefined();
    expect(sw.fetch({ ...page('/'), url: 'https://elsewhere.org/' })).toBeUndefined();
    expect(sw.fetch({ ...page('/form'), method: 'POST' })).toBeUndefined();
  });

  it('passes on responses it cannot or need not copy', async () => {
    const already = new Response('x', {
      headers: { 'Cross-Origin-Embedder-Policy': 'credentialless' },
    });
    const failed = Response.error();
    const sw = scope(workbox({ '/a.html': () => already, '/b.html': () => failed }));
    expect(await sw.fetch(page('/a.html'))).toBe(already);
    expect(await sw.fetch(page('/b.html'))).toBe(failed);
    const notModified = scope(workbox({ '/c.html': () => new Response(null, { status: 304 }) }));
    const response = await notModified.fetch(page('/c.html'));
    expect(response?.status).toBe(304);
    expect(response?.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});

describe('withIsolation', () => {
  const generated = 'if(!self.define){/* workbox */}define(["./workbox-0bb07689"],function(e){});';

  it('puts the script in front of Workbox once', () => {
    const once = withIsolation(generated);
    expect(once.endsWith(generated)).toBe(true);
    expect(once.startsWith('/* contrastive: cross-origin isolation */')).toBe(true);
    expect(withIsolation(once)).toBe(once);
  });

  it("refuses a service worker that is not Workbox's", () => {
    expect(() => withIsolation('self.addEventListener("fetch", f)')).toThrow(/not Workbox/);
  });
});
