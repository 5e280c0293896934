// Parameters of the live SimCLR trainer: one declarative schema serves the URL, the controls'
// ranges and the worker's validation. No tfjs here, so the page can import it without TensorFlow.js.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** The encoder's readouts (see src/core/cnn.ts): a global average pool, or flatten and dense. */
export const SIMCLR_READOUTS = ['average', 'flatten'] as const;

/** How the figure names each readout. */
export const SIMCLR_READOUT_LABELS: Record<(typeof SIMCLR_READOUTS)[number], string> = {
  average: 'Global average pool',
  flatten: 'Flatten + dense (keeps position)',
};

/** Prefix of the figure's URL parameters (`simclr.tau=…`). */
export const SIMCLR_NAMESPACE = 'simclr';

/**
 * The trainer's settings, also its URL parameters (`simclr.tau=0.5`, …). Defaults are the tuned
 * ones of the core (src/core/simclr.ts SIMCLR_DEFAULTS); the ranges let the reader reproduce the
 * paper's ablations: colour jitter or crop off (crop matters once the readout can see position),
 * the paper's smallest crop (8 % of the image), a very large τ, small and large batches.
 */
export const SIMCLR_SCHEMA = defineUrlSchema({
  tau: { type: 'number', min: 0.02, max: 5, default: 0.2, scale: 'log' },
  batch: { type: 'int', min: 32, max: 256, default: 64 },
  lr: { type: 'number', min: 0.0003, max: 0.03, default: 0.003, scale: 'log' },
  crop: { type: 'boolean', default: true },
  flip: { type: 'boolean', default: true },
  color: { type: 'boolean', default: true },
  gray: { type: 'boolean', default: true },
  blur: { type: 'boolean', default: false },
  strength: { type: 'number', min: 0, max: 1.5, default: 1 },
  area: { type: 'number', min: 0.08, max: 1, default: 0.3 },
  readout: { type: 'enum', values: SIMCLR_READOUTS, default: 'average' },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the trainer's link holds. */
export type SimclrSettings = UrlValues<typeof SIMCLR_SCHEMA>;

/** Validated parameters of the SimCLR experiment (the seed travels separately). */
export type SimclrExperimentParams = TrainerParams<typeof SIMCLR_SCHEMA>;

/** The default parameters. */
export const SIMCLR_EXPERIMENT_DEFAULTS = defaultParams(SIMCLR_SCHEMA);

/** Checks untrusted parameters (a worker message, a test) with {@link parseSettings}. */
export const parseSimclrParams = paramsParser(SIMCLR_SCHEMA, 'SimCLR');
