// The one place the compute core imports TensorFlow.js from. Only tfjs-core is bundled, so the
// gradient definitions must be registered explicitly or tf.grad fails at run time.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';

export { tf };
