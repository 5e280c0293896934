// Settings of the temperature figure: τ, the positive's similarity, how many negatives and each
// negative's similarity. One declaration serves the URL state and the sliders. No tfjs here.
import { defineUrlSchema, type UrlValues } from './schema';

/** Prefix of the figure's URL parameters (`temp.tau`, `temp.s1`, …). */
export const TEMPERATURE_NAMESPACE = 'temp';

/** The most negatives the figure offers. */
const MAX_NEGATIVES = 8;

const similarity = (value: number) =>
  ({ type: 'number', min: -1, max: 1, default: value }) as const;

/**
 * The shareable state. The defaults are the worked example of the chapter: four negatives at 0.9,
 * 0.5, 0.1 and −0.3, the positive at 0.8, τ = 1. Negatives 5–8 appear when `count` grows.
 */
export const TEMPERATURE_SCHEMA = defineUrlSchema({
  tau: { type: 'number', min: 0.01, max: 10, default: 1, scale: 'log' },
  count: { type: 'int', min: 2, max: MAX_NEGATIVES, default: 4 },
  pos: similarity(0.8),
  s1: similarity(0.9),
  s2: similarity(0.5),
  s3: similarity(0.1),
  s4: similarity(-0.3),
  s5: similarity(0.7),
  s6: similarity(-0.6),
  s7: similarity(0.3),
  s8: similarity(-0.9),
});

/** The figure's validated state. */
export type TemperatureState = UrlValues<typeof TEMPERATURE_SCHEMA>;
