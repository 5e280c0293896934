// A small convolutional encoder for the SimCLR chapter, plus its MLP projection head, from
// tfjs-core ops only. Its convolutions carry a hand-written filter gradient (see convBlock) so the
// encoder trains on the WASM backend too, which has no Conv2DBackpropFilter kernel.
import { createMLP, type MLP, type TrainableModel } from './mlp';
import { cachedConstant } from './constants';
import { createRng, deriveSeed } from './rng';
import { tf } from './tf';
import { assertInteger } from './validate';

/** Options of {@link createCNN}; every field has a default. */
export interface CNNOptions {
  /** Side of the square input images in pixels (default 16). */
  inputSize?: number;
  /**
   * Output channels of each 3×3 convolution (default `[16, 32, 64]`); each is followed by ReLU and,
   * but the last, a 2×2 average pool.
   */
  channels?: readonly number[];
  /** Hidden and output widths of the projection head (default `[64, 32]`). */
  head?: readonly number[];
  /**
   * How the last feature map becomes the representation h (default `'average'`). `'average'`: a
   * global average pool, blind to where a feature sits. `'flatten'`: the whole map through a
   * ReLU layer as wide as the last convolution, so h can encode position and layout.
   */
  readout?: CNNReadout;
  /** Seed of the initial weights (default 0). */
  seed?: number;
}

/** See {@link CNNOptions.readout}. */
export type CNNReadout = 'average' | 'flatten';

/** An encoder f (convolutions, then a readout) and a projection head g, trained together. */
export interface CNN extends TrainableModel {
  /** Settings in use, defaults filled in. */
  readonly options: Readonly<Required<Omit<CNNOptions, 'seed'>>>;
  /** Width of the representation h = f(x) (the last convolution's channels). */
  readonly representationSize: number;
  /** Width of the projection z = g(h). */
  readonly projectionSize: number;
  /** The projection head g alone. */
  readonly head: MLP;
  /** h = f(x): `[n, size, size, 3]` images in [0, 1] → `[n, representationSize]`. */
  encode(images: tf.Tensor4D): tf.Tensor2D;
  /** z = g(f(x)), what the contrastive loss sees. */
  project(images: tf.Tensor4D): tf.Tensor2D;
}

const DEFAULTS: Required<Omit<CNNOptions, 'seed'>> = {
  inputSize: 16,
  channels: [16, 32, 64],
  head: [64, 32],
  readout: 'average',
};

/** Options of {@link convBlock}. */
export interface ConvBlockOptions {
  /** `'relu'` (default) or `'linear'` after the convolution and bias. */
  activation?: 'relu' | 'linear';
  /** Side f of the non-overlapping f×f average pool that ends the block; 1 (default) for none. */
  pool?: number;
  /**
   * False when nothing upstream of `x` trains (the network's input): its gradient is then zeros
   * instead of a convolution, a tenth of a small CNN's step saved. Default true.
   */
  inputGradient?: boolean;
}

/** One pixel of zeros around the height and width of an NHWC tensor. */
const SAME_PAD: [[0, 0], [1, 1], [1, 1], [0, 0]] = [
  [0, 0],
  [1, 1],
  [1, 1],
  [0, 0],
];

/** The 9 × 9 exchange matrix (ones on the anti-diagonal): it reverses the order of 9 rows. */
function exchangeMatrix(): tf.Tensor2D {
  return cachedConstant('exchange-9', () => tf.reverse(tf.eye(9), 0) as tf.Tensor2D);
}

/**
 * A `[3, 3, cin, cout]` filter rotated by 180° with its channels swapped, `[3, 3, cout, cin]`. The
 * rotation reverses the order of the nine taps: a product with the 9 × 9 exchange matrix, exact,
 * and on WASM twenty times faster than tf.reverse.
 */
function rotatedFilter(filter: tf.Tensor4D): tf.Tensor4D {
  const [, , cin, cout] = filter.shape;
  const taps = tf.matMul(exchangeMatrix(), tf.reshape(filter, [9, cin * cout]));
  return tf.transpose(tf.reshape(taps, [3, 3, cin, cout]), [0, 1, 3, 2]) as tf.Tensor4D;
}

/** All ones, `[1, h, w, n]`: the extra input plane whose filter gradient is the bias gradient. */
function onesPlane(h: number, w: number, n: number): tf.Tensor4D {
  return cachedConstant(`conv-ones:${h}:${w}:${n}`, () => tf.ones([1, h, w, n]));
}

/**
 * One layer of a small CNN as a single differentiable block: a 3×3 convolution with stride 1,
 * zero "same" padding and a bias, an optional ReLU, and an optional f×f average pool,
 *
 *   y = pool_f(act(conv3x3(x) + bias)).
 *
 * The forward pass is one fused convolution (bias and ReLU included) and one pooling. The gradient
 * is written by hand, because the WASM backend has no kernel for a convolution's filter gradient
 * and runs tfjs's own gradients of the ReLU, the bias and the pooling as several slow kernels:
 * here the pooled gradient is spread over its f×f blocks and masked by the ReLU in one broadcast
 * product, the filter gradient is one convolution that contracts over the batch (see inside) and
 * also yields the bias gradient, and the input gradient is a convolution with the rotated filter.
 *
 * @param x - `[n, h, w, cin]`, h and w divisible by the pool side.
 * @param kernel - `[9·cin, cout]`: a `[3, 3, cin, cout]` filter with its first three axes flattened.
 * @param bias - `[cout]`.
 * @returns `[n, h/f, w/f, cout]`.
 */
export function convBlock(
  x: tf.Tensor4D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  options: ConvBlockOptions = {},
): tf.Tensor4D {
  const { activation = 'relu', pool = 1, inputGradient = true } = options;
  const [n, h, w, cin] = x.shape;
  const cout = kernel.shape[1];
  if (kernel.shape[0] !== 9 * cin || bias.shape[0] !== cout) {
    throw new Error(
      `conv3x3: kernel must be [${9 * cin}, cout] and bias [cout] (got [${kernel.shape.join(', ')}] ` +
        `and [${bias.shape.join(', ')}]).`,
    );
  }
  if (!Number.isInteger(pool) || pool < 1 || h % pool !== 0 || w % pool !== 0) {
    throw new RangeError(`convBlock: pool ${pool} must be a whole divisor of ${h}×${w}.`);
  }
  const relu = activation === 'relu';
  const block = tf.customGrad((xArg, kArg, bArg, saveArg) => {
    const input = xArg as tf.Tensor4D;
    const filter = tf.reshape(kArg as tf.Tensor2D, [3, 3, cin, cout]) as tf.Tensor4D;
    // The fused kernel directly: tf.fused.conv2d unfuses a ReLU whenever a gradient is recorded,
    // but this block records its own gradient.
    const y = tf
      .engine()
      .runKernel(
        'FusedConv2D',
        { x: input, filter, bias: bArg as tf.Tensor1D },
        { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1, activation },
      ) as tf.Tensor4D;
    (saveArg as tf.GradSaveFunc)(relu ? [input, filter, y] : [input, filter]);
    return {
      value: pool === 1 ? y : tf.avgPool(y, pool, pool, 'valid'),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sf, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D | undefined];
        // ∂L/∂(conv + bias): each pooled gradient spread evenly over its f×f block (a broadcast
        // product over [n·h/f, f, w/f, f, c]) and kept only where the ReLU passed.
        let grad = dy as tf.Tensor4D;
        if (pool > 1) {
          const blocks = [(n * h) / pool, pool, w / pool, pool, cout];
          const per = tf.reshape(tf.mul(grad, 1 / (pool * pool)), [
            (n * h) / pool,
            1,
            w / pool,
            1,
            cout,
          ]);
          const spread = sy
            ? tf.mul(tf.reshape(tf.step(sy), blocks), per)
            : tf.broadcastTo(per, blocks);
          grad = tf.reshape(spread, [n, h, w, cout]) as tf.Tensor4D;
        } else if (sy) {
          grad = tf.mul(grad, tf.step(sy));
        }
        // Input gradient: the convolution with the filter rotated by 180° and its channels swapped.
        const inputGrad = inputGradient
          ? tf.conv2d(grad, rotatedFilter(sf), 1, 'same')
          : tf.zerosLike(sx);
        // Filter gradient: correlate the input with the output gradient, with the batch as the
        // contracted channel axis and the padding done by the convolution itself:
        // [cin + 1, h, w, n] ⋆ [h, w, n, cout] → [cin + 1, 3, 3, cout]. The extra all-ones input
        // plane gives Σ ∂L/∂y at its centre tap: the bias gradient.
        const inputs = tf.concat([tf.transpose(sx, [3, 1, 2, 0]), onesPlane(h, w, n)], 0);
        const grads = tf.transpose(grad, [1, 2, 0, 3]) as tf.Tensor4D;
        const both = tf.conv2d(inputs as tf.Tensor4D, grads, 1, SAME_PAD);
        const filterGrad = tf.transpose(
          tf.slice(both, [0, 0, 0, 0], [cin, 3, 3, cout]),
          [1, 2, 0, 3],
        );
        const biasGrad = tf.reshape(tf.slice(both, [cin, 1, 1, 0], [1, 1, 1, cout]), [cout]);
        return [inputGrad, tf.reshape(filterGrad, [9 * cin, cout]), biasGrad];
      },
    };
  });
  return block(x, kernel, bias) as tf.Tensor4D;
}

/**
 * A 3×3 convolution with stride 1, zero "same" padding and a bias: {@link convBlock} with no
 * activation and no pooling.
 *
 * @param x - `[n, h, w, cin]`.
 * @param kernel - `[9·cin, cout]`: a `[3, 3, cin, cout]` filter with its first three axes flattened.
 * @param bias - `[cout]`.
 * @param inputGradient - false when nothing upstream of `x` trains (the network's input).
 */
export function conv3x3(
  x: tf.Tensor4D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  inputGradient = true,
): tf.Tensor4D {
  return convBlock(x, kernel, bias, { activation: 'linear', inputGradient });
}

/** He-uniform kernels (fan-in 9·cin) and zero biases, from the seeded rng. */
function initialValues(channels: readonly number[], seed: number): Float32Array[] {
  const rng = createRng(seed);
  const out: Float32Array[] = [];
  let cin = 3;
  for (const cout of channels) {
    const limit = Math.sqrt(6 / (9 * cin));
    const kernel = new Float32Array(9 * cin * cout);
    for (let i = 0; i < kernel.length; i++) kernel[i] = rng.uniform(-limit, limit);
    out.push(kernel, new Float32Array(cout));
    cin = cout;
  }
  return out;
}

/**
 * Creates the SimCLR chapter's encoder: 3×3 convolutions with ReLU,
 * each but the last followed by 2×2 average pooling, then the readout (a global average pool or
 * a flatten-and-dense layer) that gives the representation h; and a ReLU MLP projection head
 * (h → hidden → z). Weights are drawn from `seed` (the head and the dense readout from derived
 * streams), so one seed reproduces the network on every backend.
 */
export function createCNN(options: CNNOptions = {}): CNN {
  const opts = { ...DEFAULTS, ...options };
  const { inputSize, channels, head: headSizes, readout } = opts;
  const seed = options.seed ?? 0;
  assertInteger(inputSize, 'inputSize', 1);
  if (channels.length < 1 || headSizes.length < 1) {
    throw new Error('channels and head must each list at least one width.');
  }
  channels.forEach((c, i) => assertInteger(c, `channels[${i}]`, 1));
  // Each pool halves the side; the side must stay whole down to the last convolution.
  const finalSide = inputSize / 2 ** (channels.length - 1);
  if (!Number.isInteger(finalSide)) {
    throw new Error(
      `inputSize ${inputSize} cannot be halved ${channels.length - 1} times into whole pixels.`,
    );
  }
  const shapes = channels.flatMap((cout, i) => [
    [9 * (i === 0 ? 3 : (channels[i - 1] as number)), cout],
    [cout],
  ]);
  const convVariables = tf.tidy(() =>
    initialValues(channels, seed).map((values, i) => tf.variable(tf.tensor(values, shapes[i]))),
  );
  if (readout !== 'average' && readout !== 'flatten') {
    throw new Error(`readout must be 'average' or 'flatten' (got ${String(readout)}).`);
  }
  const representationSize = channels[channels.length - 1] as number;
  const dense =
    readout === 'flatten'
      ? createMLP([finalSide * finalSide * representationSize, representationSize], {
          seed: deriveSeed(seed, 2),
          fused: true,
        })
      : null;
  const head = createMLP([representationSize, ...headSizes], {
    seed: deriveSeed(seed, 1),
    activation: 'relu',
    fused: true,
  });

  const encode = (images: tf.Tensor4D): tf.Tensor2D => {
    if (images.rank !== 4 || images.shape[1] !== inputSize || images.shape[2] !== inputSize) {
      throw new Error(
        `images must be [n, ${inputSize}, ${inputSize}, 3] (got [${images.shape.join(', ')}]).`,
      );
    }
    return tf.tidy(() => {
      let x: tf.Tensor4D = images;
      for (let layer = 0; layer < channels.length; layer++) {
        const kernel = convVariables[2 * layer] as tf.Variable<tf.Rank.R2>;
        const bias = convVariables[2 * layer + 1] as tf.Variable<tf.Rank.R1>;
        // Each convolution but the last ends in a 2×2 pool; the last, with the average readout,
        // in a pool over the whole map. The images need no gradient: the first layer skips it.
        const last = layer + 1 === channels.length;
        const pool = !last ? 2 : dense ? 1 : finalSide;
        x = convBlock(x, kernel, bias, { pool, inputGradient: layer > 0 });
      }
      if (dense) return tf.relu(dense.apply(tf.reshape(x, [x.shape[0], -1]))) as tf.Tensor2D;
      return tf.reshape(x, [x.shape[0], representationSize]) as tf.Tensor2D;
    });
  };

  return {
    options: { inputSize, channels: channels.slice(), head: headSizes.slice(), readout },
    representationSize,
    projectionSize: headSizes[headSizes.length - 1] as number,
    head,
    variables: [...convVariables, ...(dense?.variables ?? []), ...head.variables],
    encode,
    project: (images) => tf.tidy(() => head.apply(encode(images))),
    reinitialize(newSeed) {
      const values = initialValues(channels, newSeed);
      tf.tidy(() =>
        convVariables.forEach((v, i) => v.assign(tf.tensor(values[i] as Float32Array, shapes[i]))),
      );
      dense?.reinitialize(deriveSeed(newSeed, 2));
      head.reinitialize(deriveSeed(newSeed, 1));
    },
    dispose() {
      convVariables.forEach((v) => v.dispose());
      dense?.dispose();
      head.dispose();
    },
  };
}
