// A small fully connected network (the encoders and projection heads of the live demos), with
// weights drawn from the seeded rng so a seed reproduces a run.
import { createRng } from './rng';
import { tf } from './tf';
import { assertInteger, assertMatrix } from './validate';

/** Hidden-layer non-linearity. The last layer is always linear. */
export type Activation = 'relu' | 'tanh' | 'linear';

/** Anything the {@link Trainer} can optimise: trainable variables it can reinitialise. */
export interface TrainableModel {
  /** The trainable variables, in a fixed order. */
  readonly variables: readonly tf.Variable[];
  /** Redraws every variable from `seed`, in place (the variables stay the same objects). */
  reinitialize(seed: number): void;
  /** Frees the variables. */
  dispose(): void;
}

/** A multilayer perceptron: `apply` maps `[n, sizes[0]]` rows to `[n, sizes[last]]`. */
export interface MLP extends TrainableModel {
  readonly layerSizes: readonly number[];
  readonly activation: Activation;
  /** Forward pass; call inside `tf.tidy` (or a loss) to free the intermediates. */
  apply(x: tf.Tensor2D): tf.Tensor2D;
}

/** Options of {@link createMLP}. */
export interface MLPOptions {
  /** Seed of the initial weights (default 0). */
  seed?: number;
  /** Hidden-layer activation (default `'relu'`). */
  activation?: Activation;
}

const activations: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  linear: (x) => x,
};

/**
 * Initial weight values: He-uniform (He et al., 2015) before a ReLU, Glorot-uniform (Glorot &
 * Bengio, 2010) otherwise; biases zero.
 */
function initialValues(
  sizes: readonly number[],
  activation: Activation,
  seed: number,
): Float32Array[] {
  const rng = createRng(seed);
  const out: Float32Array[] = [];
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    const fanIn = sizes[layer] as number;
    const fanOut = sizes[layer + 1] as number;
    const hidden = layer + 2 < sizes.length;
    const limit =
      hidden && activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    const weights = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(-limit, limit);
    out.push(weights, new Float32Array(fanOut));
  }
  return out;
}

/**
 * Creates a multilayer perceptron with layer widths `layerSizes` (input first, output last).
 *
 * @param layerSizes - at least two positive integers, e.g. `[2, 32, 32, 2]`.
 * @param options - seed and hidden activation.
 */
export function createMLP(layerSizes: readonly number[], options: MLPOptions = {}): MLP {
  const { seed = 0, activation = 'relu' } = options;
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new Error('layerSizes must list at least an input and an output width.');
  }
  layerSizes.forEach((size, i) => assertInteger(size, `layerSizes[${i}]`, 1));
  if (!(activation in activations)) {
    throw new Error(
      `activation must be one of ${Object.keys(activations).join(', ')} (got ${activation}).`,
    );
  }
  const sizes = layerSizes.slice();
  const shapes = sizes
    .slice(0, -1)
    .flatMap((fanIn, i) => [[fanIn, sizes[i + 1] as number], [sizes[i + 1] as number]]);
  // tf.variable copies its initial tensor; the tidy frees the originals.
  const variables = tf.tidy(() =>
    initialValues(sizes, activation, seed).map((values, i) =>
      tf.variable(tf.tensor(values, shapes[i])),
    ),
  );
  const act = activations[activation];

  return {
    layerSizes: sizes,
    activation,
    variables,
    apply(x) {
      assertMatrix(x, 'x');
      if (x.shape[1] !== sizes[0]) {
        throw new Error(`x must have ${sizes[0]} columns (got ${x.shape[1]}).`);
      }
      return tf.tidy(() => {
        let h: tf.Tensor = x;
        for (let layer = 0; layer < variables.length / 2; layer++) {
          h = tf.add(
            tf.matMul(h as tf.Tensor2D, variables[2 * layer] as tf.Variable<tf.Rank.R2>),
            variables[2 * layer + 1] as tf.Variable,
          );
          if (2 * layer + 2 < variables.length) h = act(h);
        }
        return h as tf.Tensor2D;
      });
    },
    reinitialize(newSeed) {
      const values = initialValues(sizes, activation, newSeed);
      tf.tidy(() =>
        variables.forEach((v, i) => v.assign(tf.tensor(values[i] as Float32Array, shapes[i]))),
      );
    },
    dispose() {
      variables.forEach((v) => v.dispose());
    },
  };
}
