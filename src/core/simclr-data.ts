// The seed of the SimCLR chapter's data set, on its own so the page's sample grid can show the
// very images the trainer learns from without loading TensorFlow.js.

/** Seed of the built-in training and held-out images (fixed: a new run seed reuses them). */
export const SIMCLR_DATA_SEED = 2020;
