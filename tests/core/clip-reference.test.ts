// CLIP's symmetric loss against float64 PyTorch (scripts/reference/losses.py clip_loss): the value
// and the gradients in both embeddings (before their ℓ2 normalisation, as the session trains) and
// in the log-scale s — at CLIP's initial s = ln(1/0.07), at s = 0, just under the clip at ln 100,
// and above it, where the scale stays 100 and s gets no gradient.
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIP_MAX_LOG_SCALE, clipLoss } from '../../src/core/clip';
import { l2Normalize } from '../../src/core/similarity';
import { tf } from '../../src/core/tf';
import { expectClose, loadReference, useCpu } from './helpers';

describe('clipLoss against the float64 reference', () => {
  beforeAll(useCpu);

  for (const c of loadReference().clip) {
    const { logScale } = c.params;
    const clipped = logScale > CLIP_MAX_LOG_SCALE ? ' (clipped at ln 100)' : '';
    it(`s = ${logScale.toFixed(3)}${clipped}, n = ${c.inputs.images.length}: value and gradients`, () => {
      const images = tf.tensor2d(c.inputs.images);
      const texts = tf.tensor2d(c.inputs.texts);
      const s = tf.scalar(c.inputs.logScale);
      const f = (i: tf.Tensor, t: tf.Tensor, k: tf.Tensor) =>
        clipLoss(l2Normalize(i as tf.Tensor2D), l2Normalize(t as tf.Tensor2D), k as tf.Scalar);
      const { value, grads } = tf.valueAndGrads(f)([images, texts, s]);
      expectClose(value.dataSync(), [c.value], { atol: 1e-5, rtol: 1e-5 });
      expectClose(grads[0]!.dataSync(), c.grads.images.flat(), { atol: 1e-5, rtol: 1e-4 });
      expectClose(grads[1]!.dataSync(), c.grads.texts.flat(), { atol: 1e-5, rtol: 1e-4 });
      expectClose(grads[2]!.dataSync(), [c.grads.logScale], { atol: 1e-5, rtol: 1e-4 });
      if (clipped) expect(c.grads.logScale).toBe(0);
      tf.dispose([images, texts, s, value, ...grads]);
    });
  }
});
