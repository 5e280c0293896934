// Parameters of the collapse lab (chapter "Learning without negatives"): one declarative schema
// serves the URL, the controls' ranges and the worker's validation. No tfjs here.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** The objectives the lab can train with. */
export const COLLAPSE_OBJECTIVES = ['infonce', 'simsiam', 'byol', 'barlow'] as const;

/** One of {@link COLLAPSE_OBJECTIVES}. */
export type CollapseObjective = (typeof COLLAPSE_OBJECTIVES)[number];

/** Reader-facing name of each objective. */
export const COLLAPSE_OBJECTIVE_LABELS: Readonly<Record<CollapseObjective, string>> = {
  infonce: 'InfoNCE (with negatives)',
  simsiam: 'SimSiam',
  byol: 'BYOL (momentum target)',
  barlow: 'Barlow Twins',
};

/** Prefix of the figure's URL parameters (`collapse.objective=…`). */
export const COLLAPSE_NAMESPACE = 'collapse';

/**
 * The lab's settings, also its URL parameters. `stopgrad` applies to SimSiam, `predictor` to
 * SimSiam and BYOL, `momentum` to BYOL, `tau` to InfoNCE and `lambda` to Barlow Twins; `dim` is
 * the width d of the embedding z (a new network).
 */
export const COLLAPSE_SCHEMA = defineUrlSchema({
  objective: { type: 'enum', values: COLLAPSE_OBJECTIVES, default: 'simsiam' },
  stopgrad: { type: 'boolean', default: true },
  predictor: { type: 'boolean', default: true },
  tau: { type: 'number', min: 0.05, max: 2, default: 0.2, scale: 'log' },
  lambda: { type: 'number', min: 0, max: 0.5, default: 0.05 },
  momentum: { type: 'number', min: 0, max: 0.999, default: 0.99 },
  lr: { type: 'number', min: 0.0003, max: 0.03, default: 0.003, scale: 'log' },
  dim: { type: 'int', min: 4, max: 64, default: 16 },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the lab's link holds. */
export type CollapseSettings = UrlValues<typeof COLLAPSE_SCHEMA>;

/** Validated parameters of the collapse experiment (the seed travels separately). */
export type CollapseParams = TrainerParams<typeof COLLAPSE_SCHEMA>;

/** The default parameters. */
export const COLLAPSE_DEFAULTS = defaultParams(COLLAPSE_SCHEMA);

/** Checks untrusted parameters (a worker message, a test) with {@link parseSettings}. */
export const parseCollapseParams = paramsParser(COLLAPSE_SCHEMA, 'collapse');
