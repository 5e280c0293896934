// Parameters of the "same data, four losses" lab: one declarative schema serves the URL, the
// sliders' ranges and the worker's validation. No tfjs here, so the page can import it without
// loading TensorFlow.js.
import {
  defaultParams,
  defineUrlSchema,
  paramsParser,
  type TrainerParams,
  type UrlValues,
} from './schema';

/** Triplet mining strategies (the core's `MiningStrategy`), listed here without importing tfjs. */
export const METRIC_MINING = ['random', 'semi-hard', 'hard'] as const;

/** Reader-facing name of each mining strategy. */
export const METRIC_MINING_LABELS: Readonly<Record<(typeof METRIC_MINING)[number], string>> = {
  random: 'random',
  'semi-hard': 'semi-hard (FaceNet)',
  hard: 'hardest (batch-hard)',
};

/** The four panels, in display order. */
export const METRIC_PANELS = ['contrastive', 'triplet', 'ntxent', 'supcon'] as const;

/** One of {@link METRIC_PANELS}. */
export type MetricPanel = (typeof METRIC_PANELS)[number];

/** What each panel shows: its loss, where its embedding lives, what supervises it. */
export const METRIC_PANEL_INFO: Readonly<
  Record<MetricPanel, { title: string; space: 'plane' | 'circle'; supervision: string }>
> = {
  contrastive: {
    title: 'Margin contrastive (Hadsell et al. 2006)',
    space: 'plane',
    supervision: 'labelled pairs, margin m',
  },
  triplet: {
    title: 'Triplet (FaceNet 2015)',
    space: 'plane',
    supervision: 'labelled triplets, margin α = m',
  },
  ntxent: {
    title: 'NT-Xent (SimCLR 2020)',
    space: 'circle',
    supervision: 'two noisy views, no labels, τ',
  },
  supcon: {
    title: 'SupCon (Khosla et al. 2020)',
    space: 'circle',
    supervision: 'labels as positives, τ',
  },
};

/** Prefix of the figure's URL parameters (`metric.tau=…`). */
export const METRIC_NAMESPACE = 'metric';

/** The lab's settings, also its URL parameters (`metric.tau=0.1`, …). */
export const METRIC_SCHEMA = defineUrlSchema({
  clusters: { type: 'int', min: 2, max: 8, default: 4 },
  noise: { type: 'number', min: 0.02, max: 0.6, default: 0.2 },
  margin: { type: 'number', min: 0.1, max: 2, default: 1 },
  tau: { type: 'number', min: 0.05, max: 1, default: 0.2, scale: 'log' },
  mining: { type: 'enum', values: METRIC_MINING, default: 'semi-hard' },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the lab's link holds: the experiment's parameters and the seed. */
export type MetricSettings = UrlValues<typeof METRIC_SCHEMA>;

/** Validated parameters of the metric experiment (the seed travels separately). */
export type MetricParams = TrainerParams<typeof METRIC_SCHEMA>;

/** The default parameters. */
export const METRIC_DEFAULTS = defaultParams(METRIC_SCHEMA);

/** Checks untrusted parameters (a worker message, a test) with {@link parseSettings}. */
export const parseMetricParams = paramsParser(METRIC_SCHEMA, 'metric');
