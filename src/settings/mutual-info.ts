// Settings of the mutual-information figure. One declaration serves the URL state and the
// sliders. No tfjs here.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** Prefix of the figure's URL parameters (`mi.n=64`, …). */
export const MI_NAMESPACE = 'mi';

/**
 * The figure's settings, also its URL parameters: N candidates per batch (one positive, N − 1
 * negatives), the correlation ρ per dimension, the dimension d, the seed.
 */
export const MI_SCHEMA = defineUrlSchema({
  n: { type: 'int', min: 2, max: 1024, default: 64, scale: 'log' },
  rho: { type: 'number', min: 0, max: 0.99, default: 0.9 },
  dim: { type: 'int', min: 1, max: 8, default: 4 },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the figure's link holds. */
export type MutualInfoSettings = UrlValues<typeof MI_SCHEMA>;

/** Validated parameters of the critic's training in the worker (the seed travels separately). */
export type MutualInfoParams = TrainerParams<typeof MI_SCHEMA>;

/** The default parameters. */
export const MI_DEFAULTS = defaultParams(MI_SCHEMA);

/**
 * Checks untrusted parameters (a worker message, a test) with the schema, clamping nothing.
 *
 * @throws an Error naming each bad field
 */
export const parseMutualInfoParams = paramsParser(MI_SCHEMA, 'mutual-information');
