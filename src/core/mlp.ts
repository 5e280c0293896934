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
  /**
   * Run each layer as {@link dense}: one fused kernel with a hand-written gradient, several times
   * faster on WASM at a training step's sizes (the CNN's projection head uses it). Default false:
   * tfjs's own ops and gradients, whose rounding the metric-learning chapter's quoted read-outs
   * were measured with — the same mathematics, but a run's trajectory drifts with the rounding.
   */
  fused?: boolean;
}

/** Each activation as tfjs ops (autodiff). */
const ACTIVATE: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  linear: (x) => x,
};

/** The activations {@link createMLP} accepts. */
const ACTIVATIONS = Object.keys(ACTIVATE) as Activation[];

/**
 * One layer `act(x·W + b)` with a hand-written gradient. The forward pass is one fused kernel
 * (product, bias and ReLU; tanh after it). tfjs's own gradient of a matrix product runs the
 * products with a transposed operand, which WebAssembly computes on a slow generic path; here the
 * small operand is transposed first, so both backward products take the fast (XNNPACK) one.
 *
 * @param x - `[n, in]`.
 * @param w - `[in, out]`.
 * @param b - `[out]`.
 */
export function dense(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  activation: Activation = 'linear',
): tf.Tensor2D {
  const layer = tf.customGrad((xArg, wArg, bArg, saveArg) => {
    const input = xArg as tf.Tensor2D;
    const weights = wArg as tf.Tensor2D;
    // The fused kernel directly (tf.fused.matMul unfuses a ReLU whenever a gradient is recorded,
    // but this layer records its own), with the operands as batches of one matrix as it expects.
    const [n, inner] = input.shape;
    const out = weights.shape[1];
    const product = tf.reshape(
      tf.engine().runKernel(
        '_FusedMatMul',
        {
          a: tf.reshape(input, [1, n, inner]),
          b: tf.reshape(weights, [1, inner, out]),
          bias: bArg as tf.Tensor1D,
        },
        {
          transposeA: false,
          transposeB: false,
          activation: activation === 'relu' ? 'relu' : 'linear',
        },
      ) as tf.Tensor3D,
      [n, out],
    ) as tf.Tensor2D;
    const y = activation === 'tanh' ? tf.tanh(product) : product;
    (saveArg as tf.GradSaveFunc)([input, weights, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw, sy] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        let grad = dy as tf.Tensor2D;
        if (activation === 'relu') grad = tf.mul(grad, tf.step(sy));
        else if (activation === 'tanh') grad = tf.mul(grad, tf.sub(1, tf.square(sy)));
        return [
          tf.matMul(grad, tf.transpose(sw)),
          tf.matMul(tf.transpose(sx), grad),
          tf.sum(grad, 0),
        ];
      },
    };
  });
  return layer(x, w, b) as tf.Tensor2D;
}

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
  const { seed = 0, activation = 'relu', fused = false } = options;
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new Error('layerSizes must list at least an input and an output width.');
  }
  layerSizes.forEach((size, i) => assertInteger(size, `layerSizes[${i}]`, 1));
  if (!ACTIVATIONS.includes(activation)) {
    throw new Error(`activation must be one of ${ACTIVATIONS.join(', ')} (got ${activation}).`);
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
        let h = x;
        for (let layer = 0; layer < variables.length / 2; layer++) {
          const w = variables[2 * layer] as tf.Variable<tf.Rank.R2>;
          const b = variables[2 * layer + 1] as tf.Variable<tf.Rank.R1>;
          const act = 2 * layer + 2 < variables.length ? activation : 'linear';
          h = fused
            ? dense(h, w, b, act)
            : (ACTIVATE[act](tf.add(tf.matMul(h, w), b)) as tf.Tensor2D);
        }
        return h;
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
