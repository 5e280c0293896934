// Parameters of the SimCSE trainer figure: one declarative schema serves the URL, the sliders'
// ranges and the worker's validation. No tfjs here, so the page can import it without loading
// TensorFlow.js. The reader's nearest-neighbour query travels with the parameters but not in the
// URL: it is free text, checked and capped here.
import {
  defaultValues,
  defineUrlSchema,
  checkSettings,
  withoutSeed,
  type UrlValues,
} from './schema';
import { capText, checkQueryField } from './text';

/** Unsupervised (dropout views) or supervised (NLI triples) SimCSE. */
export const SIMCSE_MODES = ['unsup', 'sup'] as const;

/** Reader-facing name of each mode. */
export const SIMCSE_MODE_LABELS: Readonly<Record<(typeof SIMCSE_MODES)[number], string>> = {
  unsup: 'Unsupervised: two dropout passes',
  sup: 'Supervised: entailment + contradiction',
};

/**
 * The unsupervised views the reader can train on (Gao et al. 2021, Tables 1 and 3): `standard`
 * is SimCSE (independent masks); `no-dropout` forces p = 0 (identical views); `same-mask` keeps p
 * but uses one mask for both passes ("fixed 0.1"); `word-deletion` deletes 10% of the words of
 * each view independently, on top of the dropout the slider sets (p = 0: deletion alone).
 */
export const SIMCSE_ABLATIONS = ['standard', 'no-dropout', 'same-mask', 'word-deletion'] as const;

/** One of {@link SIMCSE_ABLATIONS}. */
export type SimcseViewAblation = (typeof SIMCSE_ABLATIONS)[number];

/** Reader-facing name of each ablation. */
export const SIMCSE_ABLATION_LABELS: Readonly<Record<SimcseViewAblation, string>> = {
  standard: 'Two independent dropout masks (SimCSE)',
  'no-dropout': 'No dropout (p = 0)',
  'same-mask': 'Same mask on both passes',
  'word-deletion': 'Delete 10% of the words in each view',
};

/** Prefix of the figure's URL parameters (`simcse.tau=…`). */
export const SIMCSE_NAMESPACE = 'simcse';

/** The trainer's settings, also its URL parameters (`simcse.tau=0.05`, …). */
export const SIMCSE_SCHEMA = defineUrlSchema({
  mode: { type: 'enum', values: SIMCSE_MODES, default: 'unsup' },
  ablation: { type: 'enum', values: SIMCSE_ABLATIONS, default: 'standard' },
  tau: { type: 'number', min: 0.01, max: 1, default: 0.05, scale: 'log' },
  // p = 0.5, not the paper's 0.1: chosen on the development pairs (src/core/text/README.md).
  dropout: { type: 'number', min: 0, max: 0.5, default: 0.5 },
  seed: { type: 'int', min: 0, max: 99999, default: 0 },
});

/** Everything the trainer's link holds. */
export type SimcseSettings = UrlValues<typeof SIMCSE_SCHEMA>;

/** Nearest corpus sentences the experiment returns per query, before and after fine-tuning. */
export const SIMCSE_NEIGHBOURS = 5;

/** Longest nearest-neighbour query sent to the experiment (characters; longer ones are cut). */
export const SIMCSE_QUERY_LIMIT = 1_000;

/** Validated parameters of the SimCSE experiment (the seed travels separately). */
export type SimcseParams = Omit<SimcseSettings, 'seed'> & {
  /** The nearest-neighbour query ('' for none). */
  query: string;
};

/** The default parameters. */
export const SIMCSE_DEFAULTS: Readonly<SimcseParams> = Object.freeze({
  ...withoutSeed(defaultValues(SIMCSE_SCHEMA)),
  query: '',
});

/** The experiment's parameters out of the figure's settings and the query. */
export function simcseParams(settings: SimcseSettings, query: string): SimcseParams {
  return { ...withoutSeed(settings), query: capText(query, SIMCSE_QUERY_LIMIT).text };
}

/** The dropout a run trains with: the slider's, except where the ablation fixes it at 0. */
export function effectiveDropout(params: Pick<SimcseParams, 'ablation' | 'dropout'>): number {
  return params.ablation === 'no-dropout' ? 0 : params.dropout;
}

/**
 * Checks untrusted parameters (a worker message, a test): the schema's fields with
 * {@link parseSettings}, and `query` a string of at most {@link SIMCSE_QUERY_LIMIT} characters.
 *
 * @throws an Error naming each bad field
 */
export function parseSimcseParams(input: unknown): SimcseParams {
  const { values, problems } = checkSettings(SIMCSE_SCHEMA, input, ['seed']);
  const query = checkQueryField(input, SIMCSE_QUERY_LIMIT, problems);
  if (problems.length) throw new Error(`Bad SimCSE parameters: ${problems.join(' ')}`);
  return { ...values, query };
}
