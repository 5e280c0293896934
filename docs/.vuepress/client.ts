// Client enhance: registers DemoFrame, ScrollBox and every figure in components/figures/ globally,
// so a page uses <FileName /> in markdown with no import. Figures are async components: a figure's code is
// fetched only on the pages that use it, when it comes near the screen. The page head resolves
// without `localeCompare` (pageHead.ts). Navigations within a page keep the figures' settings in the
// address (keepAddressQuery.ts), and another page opens without a smooth scroll across it
// (instantPageScroll.ts). A figure or page whose code did not download says why and reloads for
// it (components/composables/chunkFailure.ts).
import { defineSearchConfig } from '@vuepress/plugin-slimsearch/client';
import { defineAsyncComponent, h, hydrateOnVisible, onMounted, type Component } from 'vue';
import { defineClientConfig, resolvers } from 'vuepress/client';
// The PWA plugin imports register-service-worker lazily, after the page's `load` event, but the
// library waits for that event with a listener it adds when first evaluated, so the service
// worker would never register. Evaluating it with the entry chunk makes the listener early enough.
import 'register-service-worker';
import { diagnoseChunkFailure, isChunkLoadError } from '../../components/composables/chunkFailure';
import DemoFrame from '../../components/DemoFrame.vue';
import FigureUnavailable from '../../components/ui/FigureUnavailable.vue';
import ScrollBox from '../../components/ui/ScrollBox.vue';
import { appMounted } from '../../components/theme/isActiveSidebarItem';
import { figureComponents } from './figures';
import { instantPageScroll } from './instantPageScroll';
import { keepAddressQuery } from './keepAddressQuery';
import { resolvePageHead } from './pageHead';
import { splitQuery } from './searchQuery';

defineSearchConfig({ querySplitter: splitQuery });

const loaders = import.meta.glob<{ default: Component }>('../../components/figures/*.vue');

export default defineClientConfig({
  enhance({ app, router }) {
    resolvers.resolvePageHead = resolvePageHead;
    keepAddressQuery(router);
    instantPageScroll(router);
    // A generic SFC's type is a function signature; the registry only needs a component.
    app.component('DemoFrame', DemoFrame as unknown as Component);
    // The box every display formula and table of the markdown sits in (markdownLayout.ts).
    app.component('ScrollBox', ScrollBox);
    for (const [name, loader] of figureComponents(loaders)) {
      // Hydrated near the screen, so the page's own hydration task does not also fetch and
      // set up every figure (each one's chunk and its preload links) on load.
      app.component(
        name,
        defineAsyncComponent({
          // A figure whose code did not download says so in its place; a rejected loader would be
          // an uncaught error and leave the server's frame on the page, never hydrated.
          loader: () =>
            loader().catch((error: unknown) => {
              if (!isChunkLoadError(error)) throw error;
              console.warn(`[figure ${name}]`, error);
              const unavailable: Component = () => h(FigureUnavailable, { figure: name });
              return unavailable;
            }),
          hydrate: hydrateOnVisible({ rootMargin: '200px 0px' }),
        }),
      );
    }
    // A page's code that did not download because a new build replaced it: load the page in full,
    // from the new build, instead of leaving the click without effect. Offline, there is no page
    // to load, and the reader stays where they are. VuePress's links leave the failed
    // navigation's promise unhandled; the listener below marks it handled.
    const handled = new WeakSet<object>();
    router.onError((error: unknown, to) => {
      if (!isChunkLoadError(error)) return;
      if (error instanceof Error) handled.add(error);
      void diagnoseChunkFailure().then((failure) => {
        if (failure === 'updated') location.assign(router.resolve(to).href);
      });
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('unhandledrejection', (event) => {
        if (event.reason instanceof Error && handled.has(event.reason)) event.preventDefault();
      });
    }
  },
  setup() {
    onMounted(() => (appMounted.value = true));
  },
});
