import type { Component } from 'vue';

/** A lazy module loader as `import.meta.glob` returns it. */
type Loader = () => Promise<{ default: Component }>;

/**
 * Turns `import.meta.glob` results into `[ComponentName, loader]` pairs: the component name is
 * the file name without `.vue` (`../figures/BackendReport.vue` → `BackendReport`).
 *
 * @throws if a file name is not a PascalCase component name, which markdown could not use
 */
export function figureComponents(loaders: Record<string, Loader>): [string, Loader][] {
  return Object.entries(loaders).map(([path, loader]) => {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.vue$/, '');
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
      throw new Error(`Figure file ${path} must be named in PascalCase, e.g. LossCurve.vue.`);
    }
    return [name, loader];
  });
}
