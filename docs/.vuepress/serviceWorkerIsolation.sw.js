// Cross-origin isolation from the service worker, for hosts that cannot set response headers
// (GitHub Pages, for one). WebAssembly threads need a cross-origin isolated page, and a page is
// isolated when its response carries Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy
// (and so must the scripts of its workers). Browsers honour those headers on a response the
// service worker hands over, so this script, put at the top of the PWA plugin's service worker
// (serviceWorkerIsolation.ts), adds them to every same-origin response the worker answers with.
//
// It works with Workbox rather than beside it: Workbox's fetch listener is registered through
// this script's `addEventListener`, which keeps it; the one listener this script registers calls
// it first, so Workbox still answers from the offline cache, and then adds the headers to the
// answer. Navigations and worker scripts that Workbox leaves to the network (pages with a query,
// such as ?backend=wasm) are fetched here, with the headers added. A page is isolated from the
// first load the service worker controls; the first visit to the site runs on one thread.
// A classic script with no imports: it runs in the service worker as written here.

/** The headers of a cross-origin isolated response (as ISOLATION_HEADERS in scripts/server.mjs). */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `response` with the isolation headers, or unchanged: opaque responses cannot be copied, and a
 * response that already has them (a host that sets headers) needs nothing.
 *
 * @param {Response} response
 * @returns {Response}
 */
function isolated(response) {
  if (!response || response.status === 0 || response.type === 'opaqueredirect') return response;
  if (response.headers.has('Cross-Origin-Embedder-Policy')) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * Whether a request nobody answered must still get the headers: a same-origin page or worker
 * script. Other requests go to the network untouched, as without this script.
 *
 * @param {Request} request
 * @param {string} origin the service worker's origin
 */
function needsIsolation(request, origin) {
  if (request.method !== 'GET' || new URL(request.url).origin !== origin) return false;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return false;
  return (
    request.mode === 'navigate' ||
    request.destination === 'worker' ||
    request.destination === 'sharedworker'
  );
}

/**
 * Installs the isolation on a service worker global scope. Must run before any other script
 * registers a fetch listener.
 *
 * @param {ServiceWorkerGlobalScope} scope
 */
function installIsolation(scope) {
  /** The fetch listeners of the other scripts (Workbox), called in order by the one below. */
  const listeners = [];
  const addEventListener = scope.addEventListener;
  scope.addEventListener = function (type, listener, options) {
    if (type === 'fetch' && listener) listeners.push(listener);
    else addEventListener.call(this, type, listener, options);
  };
  addEventListener.call(scope, 'fetch', (event) => {
    const respondWith = event.respondWith.bind(event);
    let answered = false;
    // For the listeners: whatever they answer with gets the headers on the way out.
    Object.defineProperty(event, 'respondWith', {
      configurable: true,
      value: (response) => {
        answered = true;
        respondWith(Promise.resolve(response).then(isolated));
      },
    });
    for (const listener of listeners) {
      if (typeof listener === 'function') listener.call(scope, event);
      else listener.handleEvent(event);
    }
    if (!answered && needsIsolation(event.request, scope.location.origin)) {
      respondWith(fetch(event.request).then(isolated));
    }
  });
}

installIsolation(self);
