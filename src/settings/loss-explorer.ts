// Settings of the loss explorer: τ and the angle of every point. One declaration serves the URL
// state, the τ slider and the point handles' range. No tfjs here.
import { defineUrlSchema, type UrlValues } from './schema';

/** Prefix of the figure's URL parameters (`loss.tau`, `loss.n1`, …). */
export const LOSS_EXPLORER_NAMESPACE = 'loss';

const angle = (value: number) => ({ type: 'number', min: -180, max: 180, default: value }) as const;

/** The shareable state: τ and the angle of every point in degrees, counter-clockwise from +x. */
export const LOSS_EXPLORER_SCHEMA = defineUrlSchema({
  tau: { type: 'number', min: 0.01, max: 10, default: 0.5, scale: 'log' },
  anchor: angle(90),
  positive: angle(65),
  n1: angle(130),
  n2: angle(10),
  n3: angle(180),
  n4: angle(-130),
  n5: angle(-70),
});

/** The figure's validated state. */
export type LossExplorerState = UrlValues<typeof LOSS_EXPLORER_SCHEMA>;
