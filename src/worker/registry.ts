// The experiments a training host can run, by name. Each is imported on first use, so a host
// (and, in the main-thread fallback, the page) loads only the figure code it needs.
import type { ExperimentDefinition } from './experiment';

/** Loads one experiment definition. */
export type ExperimentLoader = () => Promise<ExperimentDefinition<unknown>>;

/** Name → loader of every experiment; add later training figures here. */
export const EXPERIMENTS: Readonly<Record<string, ExperimentLoader>> = {
  sphere: async () =>
    (await import('./experiments/sphere')).sphereExperiment as ExperimentDefinition<unknown>,
  metric: async () =>
    (await import('./experiments/metric')).metricExperiment as ExperimentDefinition<unknown>,
  simcse: async () =>
    (await import('./experiments/simcse')).simcseExperiment as ExperimentDefinition<unknown>,
  simclr: async () =>
    (await import('./experiments/simclr')).simclrExperiment as ExperimentDefinition<unknown>,
};

/** Names the registry knows, for error messages. */
export function experimentNames(): string[] {
  return Object.keys(EXPERIMENTS);
}
