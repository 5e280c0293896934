import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';

/**
 * Repairs the search worker that `@vuepress/plugin-slimsearch` 2.0.0-rc.128 writes to dist. It is
 * loaded as a classic worker but ships as an unbundled ES module: it starts with
 * `import {isPlainObject} from "vuepress/shared"` and ends with `export{};`, so search fails with
 * "Cannot use import statement outside a module". The plugin also substitutes only the first of
 * two `__SLIMSEARCH_SORT_STRATEGY__` placeholders, leaving a ReferenceError in the other. The one
 * imported helper is inlined, the export dropped and the placeholder filled with the plugin's
 * default. Must come after the search plugin and before the PWA plugin, so the service worker
 * caches the repaired file.
 *
 * @throws at build time if the worker still has an import afterwards (a changed plugin version)
 */
export const slimsearchWorkerFix = (): Plugin => ({
  name: 'contrastive:slimsearch-worker-fix',
  async onGenerated(app) {
    const file = app.dir.dest('slimsearch.worker.js');
    const code = await fs.readFile(file, 'utf8');
    const fixed = code
      .replace(
        /^import\s*\{\s*isPlainObject as (\w+)\s*\}\s*from\s*"vuepress\/shared";?/,
        (_, local: string) =>
          `const ${local}=(v)=>Object.prototype.toString.call(v)==="[object Object]";`,
      )
      // The source map is not shipped, so its comment goes with the export.
      .replace(/export\s*\{\s*\};?\s*(\/\/# sourceMappingURL=\S+\s*)?$/, '')
      .replaceAll('__SLIMSEARCH_SORT_STRATEGY__', '"max"');
    if (/^\s*(import|export)[\s{*]/m.test(fixed) || fixed.includes('__SLIMSEARCH_')) {
      throw new Error(`${file} is still not a classic script; update slimsearchWorkerFix.`);
    }
    await fs.writeFile(file, fixed);
  },
});
