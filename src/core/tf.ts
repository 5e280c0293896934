// The one place the compute core imports TensorFlow.js from. Only tfjs-core is bundled, so the
// gradient definitions must be registered explicitly or tf.grad fails at run time.
// Order matters in Node: there the package entry is the CommonJS bundle while the gradients come
// from the ES build, a second copy. Whichever copy loads first defines the global Tensor class,
// and only the entry bundle installs the op handler its methods (cast, clone, …) call.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { tf };
