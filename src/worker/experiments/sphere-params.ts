// Parameters of the sphere lab: one declarative schema serves the URL, the sliders' ranges and
// the worker's validation. No tfjs here, so the page can import it without loading TensorFlow.js.
import {
  defaultValues,
  defineUrlSchema,
  parseUrlState,
  type UrlValues,
} from '../../support/url-state';

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
export type SphereParams = Omit<SphereSettings, 'seed'>;

/** The default parameters. */
export const SPHERE_DEFAULTS: Readonly<SphereParams> = Object.freeze(
  withoutSeed(defaultValues(SPHERE_SCHEMA)),
);

/** The experiment's parameters out of the lab's settings. */
export function withoutSeed(settings: SphereSettings): SphereParams {
  const params: Partial<SphereSettings> = { ...settings };
  delete params.seed;
  return params as SphereParams;
}

/**
 * Checks untrusted settings (a worker message, a test): every field must be present and valid
 * after the schema's own clamping; anything it had to correct is an error here, because a figure
 * sends only values it has already clamped.
 *
 * @throws an Error naming each bad field
 */
export function parseSphereParams(input: unknown): SphereParams {
  if (typeof input !== 'object' || input === null) {
    throw new Error('sphere parameters must be an object.');
  }
  const search = new URLSearchParams();
  const missing: string[] = [];
  for (const name of Object.keys(SPHERE_DEFAULTS)) {
    const value = (input as Record<string, unknown>)[name];
    if (value === undefined) missing.push(name);
    else search.set(name, String(value));
  }
  const { values, notices } = parseUrlState(SPHERE_SCHEMA, search, '');
  const problems = [...missing.map((m) => `"${m}" is missing.`), ...notices];
  if (problems.length) throw new Error(`Bad sphere parameters: ${problems.join(' ')}`);
  return { ...withoutSeed(values), points: values.points - (values.points % 2) };
}
