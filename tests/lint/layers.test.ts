// The layers of README.md's "Layout", as ESLint enforces them (eslint.config.js): a wrong-way
// import or a DOM global in the compute core is a lint error, so `npm test` fails on it.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids ESLint reports as errors for `code` placed at `filePath` (relative to the root). */
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'fatal');
}

/** Asserts that each snippet, at its path, breaks the import rule of its layer. */
async function expectRestricted(cases: [code: string, filePath: string][]): Promise<void> {
  for (const [code, filePath] of cases) {
    expect(await errors(`${code}\nexport {};\n`, filePath), code).toContain(
      'no-restricted-imports',
    );
  }
}

describe('src/core', () => {
  it('may not import Vue, VueUse, d3, comlink or Node built-ins', async () => {
    for (const code of [
      "import { ref } from 'vue';\nexport const r = ref(0);\n",
      "import { useRafFn } from '@vueuse/core';\nexport const f = useRafFn;\n",
      "import { scaleLinear } from 'd3-scale';\nexport const s = scaleLinear;\n",
      "import * as d3 from 'd3';\nexport const d = d3;\n",
      "import { wrap } from 'comlink';\nexport const w = wrap;\n",
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    ]) {
      expect(await errors(code, 'src/core/x.ts'), code).toEqual(['no-restricted-imports']);
    }
  });

  it('may not reach into the data sets, the views, the worker or the pages', async () => {
    const cases: [string, string][] = [
      ["import { generateShapes } from '../data/shapes';", 'src/core/x.ts'],
      ["import type { ShapesDataset } from '../data/shapes/generate';", 'src/core/x.ts'],
      ["import { stsPairs } from '../../data/sentences';", 'src/core/text/x.ts'],
      ["import { readVector } from '../support/single-anchor-loss';", 'src/core/x.ts'],
      ["import { sphereExperiment } from '../worker/experiments/sphere';", 'src/core/x.ts'],
      ["import { lineChart } from '../viz/line-chart';", 'src/core/x.ts'],
      ["import Frame from '../../components/DemoFrame.vue';", 'src/core/x.ts'],
      ["export { makeClusters } from '../data/clusters';", 'src/core/x.ts'],
    ];
    await expectRestricted(cases);
  });

  it('has no DOM: document, window, navigator, localStorage are errors', async () => {
    for (const code of [
      'export const body = document.body;\n',
      'export const width = window.innerWidth;\n',
      'export const agent = navigator.userAgent;\n',
      "export const saved = localStorage.getItem('k');\n",
      'export const gpu = globalThis.navigator;\n',
    ]) {
      const found = await errors(code, 'src/core/x.ts');
      expect(found.length, code).toBeGreaterThan(0);
      expect(
        found.every((id) => id === 'no-restricted-globals' || id === 'no-restricted-properties'),
        code,
      ).toBe(true);
    }
  });

  it('may import TensorFlow.js and its own files', async () => {
    const code = [
      "import * as tfc from '@tensorflow/tfjs-core';",
      "import { tf } from './tf';",
      "import { spearman } from '../spearman';",
      "import type { ScoredPair } from './metrics';",
      'export const ok = [tfc, tf, spearman] as const;',
      'export type P = ScoredPair;',
      'export const now = performance.now();',
      '',
    ].join('\n');
    expect(await errors(code.replace("'../spearman'", "'./spearman'"), 'src/core/x.ts')).toEqual(
      [],
    );
    expect(await errors(code, 'src/core/text/x.ts')).toEqual([]);
    // A sibling file named like a layer is still the core's own.
    expect(
      await errors(
        "import { trainingSentences } from './data';\nexport { trainingSentences };\n",
        'src/core/text/x.ts',
      ),
    ).toEqual([]);
  });
});

describe('src/data', () => {
  it('may not import TensorFlow.js', async () => {
    expect(
      await errors(
        "import * as tf from '@tensorflow/tfjs-core';\nexport const t = tf;\n",
        'src/data/x.ts',
      ),
    ).toEqual(['no-restricted-imports']);
  });

  it('may not import the core, the views, the worker or the components', async () => {
    const cases: [string, string][] = [
      ["import { createRng } from '../core/rng';", 'src/data/x.ts'],
      ["import { tf } from '../../core/tf';", 'src/data/shapes/x.ts'],
      ["import { readVector } from '../support/single-anchor-loss';", 'src/data/x.ts'],
      ["import { sphereExperiment } from '../worker/experiments/sphere';", 'src/data/x.ts'],
      ["import Frame from '../../components/DemoFrame.vue';", 'src/data/x.ts'],
    ];
    await expectRestricted(cases);
  });

  it('may import its own files', async () => {
    const code =
      "import { mulberry32 } from '../prng';\nimport { CORPUS } from './corpus';\nexport const ok = [mulberry32, CORPUS];\n";
    expect(await errors(code, 'src/data/sentences/x.ts')).toEqual([]);
  });
});

describe('src/settings', () => {
  it('imports nothing but its own files', async () => {
    await expectRestricted([
      ["import { ref } from 'vue';", 'src/settings/x.ts'],
      ["import { tf } from '../core/tf';", 'src/settings/x.ts'],
      ["import { formatFixed } from '../support/format';", 'src/settings/x.ts'],
      ["import { EXPERIMENTS } from '../worker/registry';", 'src/settings/x.ts'],
    ]);
    const own = "import { defineUrlSchema } from './schema';\nexport const d = defineUrlSchema;\n";
    expect(await errors(own, 'src/settings/x.ts')).toEqual([]);
  });
});

describe('src/support and src/worker', () => {
  it('do not import each other, in either direction', async () => {
    await expectRestricted([
      ["import { EXPERIMENTS } from '../worker/registry';", 'src/support/x.ts'],
      ["import { formatFixed } from '../../support/format';", 'src/worker/experiments/x.ts'],
      ["import { ref } from 'vue';", 'src/support/x.ts'],
      ["import { ref } from 'vue';", 'src/worker/x.ts'],
    ]);
  });

  it('may use the core and the settings', async () => {
    const code =
      "import { tf } from '../core/tf';\nimport { SPHERE_SCHEMA } from '../settings/sphere';\nexport const ok = [tf, SPHERE_SCHEMA];\n";
    expect(await errors(code, 'src/support/x.ts')).toEqual([]);
    expect(await errors(code, 'src/worker/x.ts')).toEqual([]);
  });
});

describe('components', () => {
  it('composables never import the views (components/ui, the figures)', async () => {
    await expectRestricted([
      ["import Player from '../ui/Player.vue';", 'components/composables/x.ts'],
      ["import SphereLab from '../figures/SphereLab.vue';", 'components/composables/x.ts'],
    ]);
  });

  it('views may import composables and the core', async () => {
    const code =
      "import { usePlayer } from '../composables/usePlayer';\nimport { tf } from '../../src/core/tf';\nexport const ok = [usePlayer, tf];\n";
    expect(await errors(code, 'components/ui/x.ts')).toEqual([]);
  });
});
