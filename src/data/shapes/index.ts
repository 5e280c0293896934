// The built-in shapes data set: seeded, pure TypeScript, no DOM (see generate.ts).
export { SHAPE_CLASSES, type ShapeClass } from './classes';
export { generateShapes, type ShapesDataset, type ShapesOptions } from './generate';
export { mulberry32, type Rng } from './prng';
export { shapesToTensor } from './tensor';
