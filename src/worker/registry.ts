// The experiments a training host can run, by name: the one map the page's types come from. Each
// is imported on first use, so a host (and, in the main-thread fallback, the page) loads only the
// figure code it needs. A figure imports only the types below (`import type`), never the modules.
//
//   ExperimentName              'sphere' | 'metric' | 'simcse' | 'simclr' | 'mi' | 'collapse' | 'moco' | 'clip'
//   ExperimentParams<'sphere'>  what useTrainingWorker sends (src/settings/sphere.ts SphereParams)
//   ExperimentMetrics<'sphere'> snapshot.metrics: { alignment, uniformity, loss }
//   ExperimentArrays<'sphere'>  snapshot.arrays: { points }
//   ExperimentLayout<'sphere'>  result.layout: { groups, pairs }
//
// To add a training figure: write src/worker/experiments/<name>.ts exporting an
// ExperimentDefinition<Shape>, and add its loader here; its types follow.
import type { AnyExperimentDefinition, Created, ExperimentDefinition } from './experiment';

/** Name → loader of every experiment. */
export const EXPERIMENTS = {
  sphere: async () => (await import('./experiments/sphere')).sphereExperiment,
  metric: async () => (await import('./experiments/metric')).metricExperiment,
  simcse: async () => (await import('./experiments/simcse')).simcseExperiment,
  simclr: async () => (await import('./experiments/simclr')).simclrExperiment,
  mi: async () => (await import('./experiments/mi')).miExperiment,
  collapse: async () => (await import('./experiments/collapse')).collapseExperiment,
  moco: async () => (await import('./experiments/moco')).mocoExperiment,
  clip: async () => (await import('./experiments/clip')).clipExperiment,
} as const satisfies Readonly<Record<string, () => Promise<AnyExperimentDefinition>>>;

/** The registry's names: what `create(name, …)` accepts. */
export type ExperimentName = keyof typeof EXPERIMENTS;

/** The definition the registry loads for `N`. */
export type DefinitionOf<N extends ExperimentName> = Awaited<ReturnType<(typeof EXPERIMENTS)[N]>>;

/** The ExperimentShape of experiment `N` (its params, metrics, arrays and layout types). */
export type ShapeOf<N extends ExperimentName> = N extends ExperimentName
  ? DefinitionOf<N> extends ExperimentDefinition<infer T, Created<infer T>>
    ? T
    : never
  : never;

/** Parameters experiment `N` is created and updated with. */
export type ExperimentParams<N extends ExperimentName> = ShapeOf<N>['params'];
/** `snapshot.metrics` of experiment `N`. */
export type ExperimentMetrics<N extends ExperimentName> = ShapeOf<N>['metrics'];
/** `snapshot.arrays` of experiment `N`. */
export type ExperimentArrays<N extends ExperimentName> = ShapeOf<N>['arrays'];
/** `result.layout` of experiment `N`. */
export type ExperimentLayout<N extends ExperimentName> = ShapeOf<N>['layout'];

/** Whether `name` is a registry name (a message from the page is checked with this). */
export function isExperimentName(name: unknown): name is ExperimentName {
  return typeof name === 'string' && Object.hasOwn(EXPERIMENTS, name);
}

/** Loads the definition of `name`. */
export async function loadExperiment<N extends ExperimentName>(name: N): Promise<DefinitionOf<N>> {
  return (await EXPERIMENTS[name]()) as DefinitionOf<N>;
}
