// The WASM backend (the browser's fallback before the CPU) agrees with the CPU backend to 1e-4 on
// every loss and gradient, including the cases that stress the diagonal handling of NT-Xent.
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alignment,
  infoNCELoss,
  marginContrastiveLoss,
  ntXentLoss,
  ntXentLossStacked,
  supervisedSimCSELoss,
  tripletLoss,
  uniformity,
} from '../../src/core';
import { tf } from '../../src/core/tf';
import { expectClose, randomMatrix, useCpu } from './helpers';

type Case = [string, number, (m: tf.Tensor2D[]) => tf.Scalar];

const zeroFirstRow = (m: tf.Tensor2D) =>
  tf.concat([tf.zeros([1, m.shape[1]]), tf.slice(m, [1, 0], [-1, -1])]) as tf.Tensor2D;

const cases: Case[] = [
  ['ntXentLoss τ=0.5', 2, ([a, b]) => ntXentLoss(a!, b!, 0.5)],
  ['ntXentLoss τ=0.01', 2, ([a, b]) => ntXentLoss(a!, b!, 0.01)],
  ['ntXentLoss τ=10', 2, ([a, b]) => ntXentLoss(a!, b!, 10)],
  ['ntXentLoss identical views', 1, ([a]) => ntXentLoss(a!, a!, 0.1)],
  ['ntXentLoss zero row', 2, ([a, b]) => ntXentLoss(zeroFirstRow(a!), b!, 0.1)],
  ['ntXentLossStacked τ=0.2', 1, ([a]) => ntXentLossStacked(a!, 0.2)],
  ['infoNCELoss', 2, ([a, b]) => infoNCELoss(a!, b!, 0.07)],
  ['supervisedSimCSELoss', 3, ([a, b, c]) => supervisedSimCSELoss(a!, b!, c!, 0.05)],
  ['alignment', 2, ([a, b]) => alignment(a!, b!)],
  ['uniformity', 1, ([a]) => uniformity(a!, 2)],
  [
    'marginContrastiveLoss',
    2,
    ([a, b]) => marginContrastiveLoss(a!, b!, tf.tensor1d([1, 0, 1, 0, 1, 0, 1, 0]), 3),
  ],
  ['tripletLoss', 3, ([a, b, c]) => tripletLoss(a!, b!, c!, 1)],
];

/** Loss value and gradients, flattened, on the active backend. */
function evaluate([, arity, f]: Case): number[][] {
  const inputs = [randomMatrix(8, 5, 1), randomMatrix(8, 5, 2), randomMatrix(8, 5, 3)].slice(
    0,
    arity,
  );
  const { value, grads } = tf.valueAndGrads((...m: tf.Tensor[]) => f(m as tf.Tensor2D[]))(inputs);
  const out = [value, ...grads].map((t) => Array.from(t.dataSync()));
  tf.dispose([inputs, value, grads]);
  return out;
}

describe('WASM backend agrees with CPU', () => {
  const onCpu = new Map<string, number[][]>();

  beforeAll(async () => {
    await useCpu();
    for (const c of cases) onCpu.set(c[0], evaluate(c));
    expect(await tf.setBackend('wasm')).toBe(true);
    await tf.ready();
  });

  afterAll(useCpu);

  for (const c of cases) {
    it(c[0], () => {
      expect(tf.getBackend()).toBe('wasm');
      const expected = onCpu.get(c[0])!;
      evaluate(c).forEach((got, i) => {
        const reference = expected[i]!;
        const scale = Math.max(1, ...reference.map(Math.abs));
        expectClose(got, reference, { atol: 1e-4 * scale, rtol: 0 });
        expect(got.every(Number.isFinite)).toBe(true);
      });
    });
  }
});
