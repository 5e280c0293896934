// Site configuration: default theme, Vite bundler, offline search, build-time KaTeX, PWA.
import { fileURLToPath } from 'node:url';
import { viteBundler } from '@vuepress/bundler-vite';
import { markdownMathPlugin } from '@vuepress/plugin-markdown-math';
import { pwaPlugin } from '@vuepress/plugin-pwa';
import { slimsearchPlugin } from '@vuepress/plugin-slimsearch';
import { defaultTheme } from '@vuepress/theme-default';
import { defineUserConfig } from 'vuepress';
import { resolveBase } from './base';
import { tfjsChunkGroups } from './chunks';
import { contentSecurityPolicyPlugin } from './contentSecurityPolicy';
import { katexFontDisplay } from './katexFontDisplay';
import { markdownLayout } from './markdownLayout';
import { pageHeaders } from './pageHeaders';
import { pageHints } from './pageHints';
import { serviceWorkerIsolation } from './serviceWorkerIsolation';
import { sidebar } from './sidebar';
import { slimsearchWorkerFix } from './slimsearchWorker';
import { wasmThreads } from './wasmThreads';

const base = resolveBase(process.env.BASE);

export default defineUserConfig({
  base,
  public: fileURLToPath(new URL('../../public', import.meta.url)),
  lang: 'en-US',
  title: 'Contrastive',
  description:
    'Contrastive learning explained by running it: real losses, real gradient descent, in your browser.',
  head: [['link', { rel: 'icon', href: `${base}favicon.svg`, type: 'image/svg+xml' }]],
  // The theme's prev/next links get accessible names that include their visible text.
  alias: {
    '@theme/VPPageNav.vue': fileURLToPath(
      new URL('../../components/theme/PageNav.vue', import.meta.url),
    ),
    // The sidebar's headings come from the page data, so the server renders them too; the
    // heading in the address's hash is marked active only after hydration.
    '@theme/useHeaders': fileURLToPath(
      new URL('../../components/theme/useHeaders.ts', import.meta.url),
    ),
    '@theme/isActiveSidebarItem': fileURLToPath(
      new URL('../../components/theme/isActiveSidebarItem.ts', import.meta.url),
    ),
  },
  // Prefetch hints would pull every page's chunks, tfjs included, before any demo is visible.
  shouldPrefetch: false,

  bundler: viteBundler({
    viteOptions: {
      // TensorFlow.js's threaded WebAssembly build, repaired for the bundle (wasmThreads.ts).
      // …and KaTeX's fonts shown only if they are there before the first layout (katexFontDisplay.ts).
      plugins: [wasmThreads(), katexFontDisplay()],
      build: {
        // tfjs is large by nature; named chunks let the e2e suite prove it is never fetched early.
        chunkSizeWarningLimit: 2000,
        // Fonts stay files rather than `data:` URLs, so the pages' policy can keep `font-src 'self'`.
        assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
        rolldownOptions: { output: { codeSplitting: { groups: tfjsChunkGroups } } },
      },
      // The theme imports the git plugin's client (with its CSS) even when the plugin is off; the
      // server build must bundle it rather than leave it to Node, which cannot load CSS.
      ssr: { noExternal: ['@vuepress/plugin-git'] },
      // ES-module workers can split: the training worker loads only the tfjs backend it picks
      // instead of inlining all four into one IIFE.
      worker: { format: 'es', plugins: () => [wasmThreads()] },
    },
  }),

  theme: defaultTheme({
    logo: '/favicon.svg',
    sidebar,
    sidebarDepth: 2,
    colorModeSwitch: true,
    lastUpdated: false,
    contributors: false,
    editLink: false,
    themePlugins: {
      copyCode: true,
      // Needs a committed history for every page; the site does not show it anyway.
      git: false,
      // Zooms images in the text, and the pages have none (figures draw on canvas and SVG).
      mediumZoom: false,
      // Both need a public hostname, which a locally served or sub-path build does not have.
      seo: false,
      sitemap: false,
    },
  }),

  plugins: [
    markdownMathPlugin({ type: 'katex' }),
    // After the math plugin: wraps its display formulas (and tables) in scroll boxes.
    markdownLayout(),
    slimsearchPlugin({ indexContent: true, suggestion: true }),
    slimsearchWorkerFix(),
    pageHints(),
    pageHeaders(),
    contentSecurityPolicyPlugin(),
    pwaPlugin({
      cacheHTML: true,
      // KB. The tfjs backends and the WASM binaries are several MB; a demo offline needs them all.
      maxSize: 16 * 1024,
      // A new build is announced once its service worker is installed and waiting, when
      // "Reload" can show it (the default "hint" only said so while it downloaded).
      update: 'available',
      readyComponent: fileURLToPath(
        new URL('../../components/theme/UpdateNotice.vue', import.meta.url),
      ),
      generateSWConfig: {
        // The default patterns miss the WASM binaries and the SimCSE chapter's pretrained encoder
        // (`bin`; its hashed file name is its version, so a new one is a new cache entry). Every
        // browser with service workers reads WOFF2, so the KaTeX fonts' TTF and WOFF fallbacks are
        // not precached.
        globPatterns: ['**/*.{html,js,css,svg,woff2,wasm,bin,webmanifest}'],
      },
      showInstall: false,
      favicon: '/favicon.svg',
      appendBase: true,
      themeColor: '#3a7bd5',
      manifest: {
        name: 'Contrastive — learn contrastive learning by running it',
        short_name: 'Contrastive',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
    }),
    // After the PWA plugin: isolation from the service worker, where the host sets no headers.
    serviceWorkerIsolation(),
  ],
});
