// Public API of the compute core. Everything a page, component or worker needs is exported here.
export { ntXentLoss } from './ntxent';
export {
  infoNCELoss,
  supervisedSimCSELoss,
  marginContrastiveLoss,
  tripletLoss,
  DISTANCE_EPSILON,
} from './losses';
export { alignment, uniformity } from './hypersphere';
export { hardnessWeights, simpleLoss, mutualInformationBound } from './hardness';
export { cosineSimilarityMatrix, l2Normalize, NORM_EPSILON } from './similarity';
export { disposeCachedConstants, cachedConstantCount } from './constants';
export { createRng, deriveSeed, type Rng } from './rng';
export { createMLP, type Activation, type MLP, type MLPOptions, type TrainableModel } from './mlp';
export {
  Trainer,
  type BatchScalar,
  type OptimizerName,
  type TrainerOptions,
  type TrainerReading,
} from './trainer';
export { knnAccuracy, linearProbe, type Labels, type LinearProbeOptions } from './probes';
export {
  ntXentWorkload,
  type NtXentWorkloadOptions,
  type PairLoss,
  type StepWorkload,
} from './benchmark';
export { releaseAbandonedTape } from './tape';
