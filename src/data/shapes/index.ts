export { SHAPE_CLASSES, type ShapeClass } from './classes';
export { generateShapes, type ShapesDataset, type ShapesOptions } from './generate';
export { mulberry32, type Rng } from './prng';
export { shapesToTensor } from './tensor';
