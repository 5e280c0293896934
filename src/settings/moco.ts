// Parameters of the live MoCo trainer: one declarative schema serves the URL, the controls' ranges
// and the worker's validation. No tfjs here, so the page can import it without TensorFlow.js.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** The momentum values the figure offers (the paper's ablation, less its 0.9999). */
export const MOCO_MOMENTA = ['0', '0.9', '0.99', '0.999'] as const;

/** How the figure names each momentum. */
export const MOCO_MOMENTUM_LABELS: Record<(typeof MOCO_MOMENTA)[number], string> = {
  '0': 'm = 0 (key encoder = query encoder)',
  '0.9': 'm = 0.9',
  '0.99': 'm = 0.99',
  '0.999': 'm = 0.999 (the paper’s)',
};

/** Prefix of the figure's URL parameters (`moco.queue=1024`). */
export const MOCO_NAMESPACE = 'moco';

/** The largest queue the figure offers. */
export const MOCO_MAX_QUEUE = 4096;

/**
 * The trainer's settings, also its URL parameters (`moco.batch=16`, …): batch size N down to 8,
 * queue size K from 0 (no queue: in-batch negatives) to 4,096, the key encoder's momentum m, the
 * temperature τ and the learning rate. The augmentations are the SimCLR trainer's defaults.
 */
export const MOCO_SCHEMA = defineUrlSchema({
  batch: { type: 'int', min: 8, max: 128, default: 16 },
  queue: { type: 'int', min: 0, max: MOCO_MAX_QUEUE, default: 4096 },
  m: { type: 'enum', values: MOCO_MOMENTA, default: '0.99' },
  tau: { type: 'number', min: 0.02, max: 5, default: 0.2, scale: 'log' },
  lr: { type: 'number', min: 0.0003, max: 0.03, default: 0.001, scale: 'log' },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the trainer's link holds. */
export type MocoSettings = UrlValues<typeof MOCO_SCHEMA>;

/** Validated parameters of the MoCo experiment (the seed travels separately). */
export type MocoExperimentParams = TrainerParams<typeof MOCO_SCHEMA>;

/** The default parameters. */
export const MOCO_EXPERIMENT_DEFAULTS = defaultParams(MOCO_SCHEMA);

/** Checks untrusted parameters (a worker message, a test) with {@link parseSettings}. */
export const parseMocoParams = paramsParser(MOCO_SCHEMA, 'MoCo');
