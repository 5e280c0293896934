import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A relative import that climbs (`../`) into one of `folders`, each named by its path below the
 * repository root or below `src/` (`'data'`, `'components/ui'`). Imports are matched as written,
 * so `'./data'` (a sibling file) never matches; `'../data'` from a subfolder that has no sibling
 * folder of that name is the only false alarm, and no such import exists.
 */
const climbingInto = (folders) => `^(\\.\\./)+(src/)?(${folders.join('|')})(/|$)`;

/**
 * One layer of the tree: files matching `files` may not import the packages matching
 * `packages` (gitignore-style patterns such as `'d3-*'`, or a `{ regex }`), nor climb into
 * `folders`; `rules` adds other rules for the same files (e.g. forbidden globals).
 *
 * One call per folder. Layers must not overlap: where two match a file, the later one's
 * `no-restricted-imports` replaces the earlier one's rather than adding to it.
 */
function layer({ name, files, packages = [], folders = [], rules = {} }) {
  const message = `the ${name} layer's imports are restricted (see "Layout" in README.md).`;
  const patterns = [
    ...packages.map((p) =>
      typeof p === 'string' ? { group: [p], message } : { ...p, message: p.message ?? message },
    ),
    ...(folders.length ? [{ regex: climbingInto(folders), message }] : []),
  ];
  return {
    name: `layers/${name}`,
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }], ...rules },
  };
}

/** Browser globals the compute core must not touch: it runs unchanged in a worker and in Node. */
const DOM_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'HTMLCanvasElement',
  'OffscreenCanvas',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'matchMedia',
  'getComputedStyle',
  'alert',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'docs/.vuepress/.temp/**',
      'docs/.vuepress/.cache/**',
      'docs/.vuepress/dist/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      // Prettier owns formatting.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },

  // Layers (README.md, "Layout"): what each part of the tree may import.
  layer({
    name: 'src/core',
    files: ['src/core/**'],
    // TensorFlow.js and its own files only: no Vue, VueUse, d3, comlink, Node built-ins.
    packages: [
      {
        regex: '^(?!@tensorflow/)[^.]',
        message: 'src/core imports only @tensorflow/* and its own files.',
      },
    ],
    folders: ['data', 'support', 'worker', 'settings', 'viz', 'components', 'docs', 'scripts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({
          name,
          message: 'src/core has no DOM: it runs in a worker and in Node. Pass values in.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location'].map((property) => ({
          object: 'globalThis',
          property,
          message: 'src/core has no DOM: it runs in a worker and in Node. Pass values in.',
        })),
      ],
    },
  }),
  layer({
    name: 'src/data',
    files: ['src/data/**'],
    // Plain data and plain TypeScript: tensors are made by the core from what data returns.
    packages: ['@tensorflow/*', 'vue', '@vueuse/*', 'd3', 'd3-*', 'comlink'],
    folders: ['core', 'support', 'worker', 'settings', 'viz', 'components', 'docs', 'scripts'],
  }),
  layer({
    name: 'src/settings',
    files: ['src/settings/**'],
    // Declarations every other layer reads (page, URL, worker): they import nothing else.
    packages: [{ regex: '^[^.]', message: 'src/settings imports only its own files.' }],
    folders: ['core', 'data', 'support', 'worker', 'viz', 'components', 'docs', 'scripts'],
  }),
  layer({
    name: 'src/support',
    files: ['src/support/**'],
    // Pure helpers behind the views: no Vue, no worker plumbing (the worker does not import them
    // either, so neither side can grow a cycle through the other).
    packages: ['vue', '@vueuse/*', 'comlink'],
    folders: ['worker', 'viz', 'components', 'docs', 'scripts'],
  }),
  layer({
    name: 'src/worker',
    files: ['src/worker/**'],
    packages: ['vue', '@vueuse/*', 'd3', 'd3-*'],
    folders: ['support', 'viz', 'components', 'docs', 'scripts'],
  }),
  layer({
    name: 'src/viz',
    files: ['src/viz/**'],
    // d3 drawing helpers: no tensors, no Vue.
    packages: ['@tensorflow/*', 'vue', '@vueuse/*', 'comlink'],
    folders: ['core', 'data', 'support', 'worker', 'settings', 'components', 'docs', 'scripts'],
  }),
  layer({
    name: 'components/composables',
    files: ['components/composables/**'],
    // Logic behind the views: the views (components/ui, the figures) import it, never the reverse.
    folders: ['ui', 'figures', 'components/ui', 'components/figures', 'docs', 'scripts'],
  }),
);
