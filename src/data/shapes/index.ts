// The built-in shapes data set: seeded, pure TypeScript, no DOM (see generate.ts). The core turns
// it into tensors (imagesToTensor in src/core/images.ts).
export { SHAPE_CLASSES, type ShapeClass } from './classes';
export { generateShapes, renderShape, type ShapesDataset, type ShapesOptions } from './generate';
export { mulberry32, type UniformSource } from '../prng';
export { SIMCLR_DATA_SEED, simclrShapes, type SimclrShapes } from './simclr';
export {
  MOCO_STREAM_COUNT,
  MOCO_STREAM_SEED,
  mocoShapes,
  type MocoShapes,
  type ShapesStream,
} from './moco';
export {
  CLIP_STREAM_COUNT,
  clipHeldOutPicture,
  clipShapes,
  type CaptionStream,
  type CaptionedPictures,
  type ClipShapes,
} from './clip';
export {
  CAPTION_COLOURS,
  captionWords,
  classPrompt,
  combinationPrompt,
  type Caption,
  type PictureAttributes,
} from './captions';
