// Public API of the compute core. Everything a page, component or worker needs is exported here.
export { ntXentLoss, ntXentLossStacked } from './ntxent';
export {
  infoNCELoss,
  infoNCEWithNegatives,
  supervisedSimCSELoss,
  marginContrastiveLoss,
  tripletLoss,
  DISTANCE_EPSILON,
} from './losses';
export { alignment, tolerance, uniformity } from './hypersphere';
export {
  barlowTwinsLoss,
  byolLoss,
  covarianceSpectrum,
  crossCorrelation,
  effectiveRank,
  emaUpdate,
  normalizedOutputStd,
  simsiamLoss,
  standardizeColumns,
  stopGradient,
  symmetricEigenvalues,
  STANDARDIZE_EPSILON,
} from './noneg';
export { hardnessWeights, simpleLoss, batchSimpleLoss, mutualInformationBound } from './hardness';
export { cosineSimilarityMatrix, l2Normalize, NORM_EPSILON } from './similarity';
export { disposeCachedConstants, cachedConstantCount } from './constants';
export { createRng, deriveSeed, type Rng } from './rng';
export { createMLP, type Activation, type MLP, type MLPOptions, type TrainableModel } from './mlp';
export {
  Trainer,
  type AfterStep,
  type BatchScalar,
  type OptimizerName,
  type TrainerOptions,
  type TrainerReading,
} from './trainer';
export {
  knnAccuracy,
  euclideanKnnAccuracy,
  linearProbe,
  type KnnMetric,
  type Labels,
  type LinearProbeOptions,
} from './probes';
export { checkLabels } from './validate';
export {
  ntXentWorkload,
  type NtXentWorkloadOptions,
  type PairLoss,
  type StepWorkload,
} from './benchmark';
export { releaseAbandonedTape } from './tape';

// Losses and tools of the metric-learning chapter.
export { supConLoss } from './supcon';
export {
  mineTriplets,
  squaredDistanceMatrix,
  MINING_STRATEGIES,
  type MiningStrategy,
  type Triplets,
} from './mining';
export {
  gaussianMutualInformation,
  sampleCorrelatedGaussians,
  infoNCEEstimate,
  optimalGaussianCritic,
  createGaussianCritic,
  type GaussianCritic,
  type GaussianPairs,
} from './mi';

// SimCLR: augmentations, the CNN encoder and a training session.
export {
  applyAugmentations,
  augmentBatch,
  twoViews,
  sampleViewParams,
  SIMCLR_AUGMENT,
  SIMCLR_SETTINGS,
  type AugmentOptions,
  type AugmentedBatch,
  type ViewParams,
} from './augment';
export { createCNN, type CNN, type CNNOptions, type CNNReadout } from './cnn';
export { imagesToTensor, type ImageSet, type ImageStream } from './images';
export {
  createSimclrSession,
  projectToSphere,
  simclrStepWorkload,
  SIMCLR_DEFAULTS,
  type SimclrData,
  type SimclrEmbedding,
  type SimclrParams,
  type SimclrOptions,
  type SimclrSession,
  type SimclrEvaluation,
  type SimclrStepWorkloadOptions,
} from './simclr';

// SimCSE: rank correlation, the sentence encoder and a training session.
export { spearman, pearson, averageRanks } from './spearman';
export { tokenize } from './text/tokenizer';
export { buildVocabulary, type Vocabulary } from './text/vocabulary';
export { createSentenceEncoder, type SentenceEncoder } from './text/encoder';
export { evaluateSts, anisotropy } from './text/metrics';
export { tfidfEncoder } from './text/baseline';
export {
  trainingSentences,
  type EntailmentTriple,
  type SimcseData,
  type TopicSentence,
} from './text/data';
export {
  createSimcseSession,
  type SimcseMode,
  type SimcseAblation,
  type SimcseOptions,
  type SimcseSession,
  type SimcseEvaluation,
} from './text/simcse';

// MoCo: a queue of keys, the momentum update and a training session.
export { createKeyQueue, type KeyQueue, type QueueAges } from './queue';
export { momentumUpdate, copyVariables, parameterLag, assertMomentum } from './momentum';
export {
  createMocoSession,
  meanByAge,
  MOCO_DEFAULTS,
  MAX_QUEUE,
  type QueueAgeProfile,
  type MocoLag,
  type MocoOptions,
  type MocoParams,
  type MocoSession,
} from './moco';

// CLIP: the symmetric loss with a learned, clipped logit scale, the caption vocabulary and text
// encoder, and a training session on captioned pictures.
export {
  bagOfWords,
  clipLogits,
  clipLoss,
  createCaptionVocabulary,
  createTextEncoder,
  diagonalShare,
  logitScale,
  CLIP_INITIAL_SCALE,
  CLIP_MAX_LOG_SCALE,
  CLIP_MAX_SCALE,
  MAX_CAPTION_WORDS,
  type CaptionVocabulary,
  type EncodedText,
  type ClipTextEncoder,
  type ClipTextEncoderOptions,
} from './clip';
export {
  createClipSession,
  CLIP_DEFAULTS,
  type CaptionedImageSet,
  type CaptionedImageStream,
  type ClipData,
  type ClipDisplay,
  type ClipEvaluation,
  type ClipOptions,
  type ClipParams,
  type ClipRetrieval,
  type ClipScore,
  type ClipSession,
} from './clip-session';
