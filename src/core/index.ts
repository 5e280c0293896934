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
