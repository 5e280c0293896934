// Parameters of the sphere lab: one declarative schema serves the URL, the sliders' ranges and
// the worker's validation. No tfjs here, so the page can import it without loading TensorFlow.js.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** The objectives the lab can optimise. */
export const SPHERE_OBJECTIVES = [
  'infonce',
  'align-uniform',
  'align',
  'uniform',
  'simple',
] as const;

/** One of {@link SPHERE_OBJECTIVES}. */
export type SphereObjective = (typeof SPHERE_OBJECTIVES)[number];

/** Reader-facing name of each objective. */
export const SPHERE_OBJECTIVE_LABELS: Readonly<Record<SphereObjective, string>> = {
  infonce: 'InfoNCE (NT-Xent)',
  'align-uniform': 'Alignment + λ · uniformity',
  align: 'Alignment only',
  uniform: 'Uniformity only',
  simple: 'Simple loss',
};

/** Prefix of the figure's URL parameters (`sphere.tau=…`). */
export const SPHERE_NAMESPACE = 'sphere';

/**
 * The lab's settings, also its URL parameters (`sphere.tau=0.05`, …). `points` counts embedded
 * views: two per input, so it is rounded down to an even number.
 */
export const SPHERE_SCHEMA = defineUrlSchema({
  objective: { type: 'enum', values: SPHERE_OBJECTIVES, default: 'infonce' },
  tau: { type: 'number', min: 0.02, max: 2, default: 0.5, scale: 'log' },
  lambda: { type: 'number', min: 0, max: 4, default: 1 },
  lr: { type: 'number', min: 0.001, max: 0.1, default: 0.01, scale: 'log' },
  points: { type: 'int', min: 64, max: 512, default: 256 },
  groups: { type: 'int', min: 1, max: 12, default: 6 },
  dim: { type: 'int', min: 2, max: 3, default: 3 },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the lab's link holds: the experiment's parameters and the seed. */
export type SphereSettings = UrlValues<typeof SPHERE_SCHEMA>;

/** Validated parameters of the sphere experiment (the seed travels separately). */
export type SphereParams = TrainerParams<typeof SPHERE_SCHEMA>;

/** The default parameters. */
export const SPHERE_DEFAULTS = defaultParams(SPHERE_SCHEMA);

/**
 * Checks untrusted parameters (a worker message, a test) with {@link parseSettings}, and rounds
 * `points` down to an even number (two views per input).
 *
 * @throws an Error naming each bad field
 */
const parseSphereSettings = paramsParser(SPHERE_SCHEMA, 'sphere');

export function parseSphereParams(input: unknown): SphereParams {
  const params = parseSphereSettings(input);
  return { ...params, points: params.points - (params.points % 2) };
}
