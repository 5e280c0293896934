// Image sets to tensors: the whole set, or chosen images in the order asked for.
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesToTensor } from '../../src/core/images';
import { tf } from '../../src/core/tf';
import { generateShapes } from '../../src/data/shapes';
import { useCpu } from './helpers';

/** Exact equality of two typed arrays (vitest's deep equality is slow on large ones). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return (
    a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i])
  );
}

describe('imagesToTensor', () => {
  beforeAll(useCpu);

  it('copies all images, or the chosen ones in order', () => {
    const data = generateShapes({ count: 4, seed: 2, size: 16 });
    const all = imagesToTensor(data);
    expect(all.shape).toEqual([4, 16, 16, 3]);
    expect(same(all.dataSync(), data.images)).toBe(true);
    const picked = imagesToTensor(data, [3, 1]);
    expect(picked.shape).toEqual([2, 16, 16, 3]);
    const px = 16 * 16 * 3;
    expect(same(picked.dataSync().subarray(0, px), data.images.subarray(3 * px, 4 * px))).toBe(
      true,
    );
    expect(same(picked.dataSync().subarray(px), data.images.subarray(px, 2 * px))).toBe(true);
    expect(() => imagesToTensor(data, [4])).toThrow(/index 4 is outside \[0, 3\]/);
    expect(() => imagesToTensor(data, [1.5])).toThrow(/index 1.5 is outside/);
    tf.dispose([all, picked]);
  });
});
