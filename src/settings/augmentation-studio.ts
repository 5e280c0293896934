// Settings of the augmentation studio: the picture, the strength, which augmentations run, the
// seed. One declaration serves the URL state and the sliders. No tfjs here.
import { defineUrlSchema, type UrlValues } from './schema';

/** Prefix of the figure's URL parameters (`studio.strength=1`, …). */
export const STUDIO_NAMESPACE = 'studio';

/** The studio's settings, also its URL parameters. */
export const STUDIO_SCHEMA = defineUrlSchema({
  image: { type: 'int', min: 0, max: 9, default: 1 },
  strength: { type: 'number', min: 0, max: 1.5, default: 1 },
  crop: { type: 'boolean', default: true },
  flip: { type: 'boolean', default: true },
  color: { type: 'boolean', default: true },
  gray: { type: 'boolean', default: true },
  blur: { type: 'boolean', default: true },
  seed: { type: 'int', min: 0, max: 99999, default: 1 },
});

/** Everything the studio's link holds. */
export type StudioSettings = UrlValues<typeof STUDIO_SCHEMA>;
