// Average pooling, shared by the CNN and the augmentation pipeline's downscale.
import { beforeAll, describe, expect, it } from 'vitest';
import { averagePool } from '../../src/core/pool';
import { tf } from '../../src/core/tf';
import { useCpu, values } from './helpers';

describe('averagePool', () => {
  beforeAll(useCpu);

  it('averages non-overlapping blocks', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
    const y = averagePool(x, 2);
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(values(y)).toEqual([3.5, 5.5, 11.5, 13.5]);
    tf.dispose([x, y]);
  });
});
