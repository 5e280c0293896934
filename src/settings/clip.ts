// Parameters of the live CLIP trainer: one declarative schema serves the URL, the controls' ranges
// and the worker's validation. No tfjs here, so the page can import it without TensorFlow.js. The
// reader's retrieval query travels with the parameters but not in the URL.
import { capText, checkQueryField } from './text';
import {
  checkSettings,
  defaultValues,
  defineUrlSchema,
  withoutSeed,
  type UrlValues,
} from './schema';

/** Prefix of the figure's URL parameters (`clip.batch=32`). */
export const CLIP_NAMESPACE = 'clip';

/** How the logit scale behaves: learned from 1/0.07 (CLIP), or held there. */
export const CLIP_TEMPERATURES = ['learned', 'fixed'] as const;

/** How the figure names each. */
export const CLIP_TEMPERATURE_LABELS: Record<(typeof CLIP_TEMPERATURES)[number], string> = {
  learned: 'learned, from 1/0.07 (CLIP)',
  fixed: 'fixed at 1/0.07',
};

/**
 * The trainer's settings, also its URL parameters (`clip.batch=64`, …): pairs per step N, the
 * learning rate, whether the temperature is learned, and the seed.
 */
export const CLIP_SCHEMA = defineUrlSchema({
  batch: { type: 'int', min: 8, max: 128, default: 64 },
  lr: { type: 'number', min: 0.0003, max: 0.03, default: 0.003, scale: 'log' },
  temperature: { type: 'enum', values: CLIP_TEMPERATURES, default: 'learned' },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the trainer's link holds. */
export type ClipSettings = UrlValues<typeof CLIP_SCHEMA>;

/** Held-out pictures a query retrieves. */
export const CLIP_RETRIEVED = 6;

/** Longest retrieval query sent to the experiment (characters; longer ones are cut). */
export const CLIP_QUERY_LIMIT = 10_000;

/** Validated parameters of the CLIP experiment (the seed travels separately). */
export type ClipExperimentParams = Omit<ClipSettings, 'seed'> & {
  /** The retrieval query ('' for none). */
  query: string;
};

/** The default parameters. */
export const CLIP_EXPERIMENT_DEFAULTS: Readonly<ClipExperimentParams> = Object.freeze({
  ...withoutSeed(defaultValues(CLIP_SCHEMA)),
  query: '',
});

/** The experiment's parameters out of the figure's settings and the query. */
export function clipParams(settings: ClipSettings, query: string): ClipExperimentParams {
  return { ...withoutSeed(settings), query: capText(query, CLIP_QUERY_LIMIT).text };
}

/**
 * Checks untrusted parameters (a worker message, a test): the schema's fields with
 * {@link checkSettings}, and `query` a string of at most {@link CLIP_QUERY_LIMIT} characters.
 *
 * @throws an Error naming each bad field
 */
export function parseClipParams(input: unknown): ClipExperimentParams {
  const { values, problems } = checkSettings(CLIP_SCHEMA, input, ['seed']);
  const query = checkQueryField(input, CLIP_QUERY_LIMIT, problems);
  if (problems.length) throw new Error(`Bad CLIP parameters: ${problems.join(' ')}`);
  return { ...values, query };
}
