import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitQuery } from '../../docs/.vuepress/searchQuery';

describe('splitQuery', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers a blank query without building a segmenter', async () => {
    const segmenter = vi.spyOn(Intl, 'Segmenter');
    expect(await splitQuery('', 'en-US')).toEqual([]);
    expect(await splitQuery('  \t', 'en-US')).toEqual([]);
    expect(segmenter).not.toHaveBeenCalled();
  });

  it('splits on word boundaries, as the plugin does, dropping white space', async () => {
    expect(await splitQuery('  InfoNCE temperature ', 'en-US')).toEqual(['InfoNCE', 'temperature']);
    expect(await splitQuery('alignment, uniformity', 'en-US')).toEqual([
      'alignment',
      ',',
      'uniformity',
    ]);
  });

  it('falls back to white space where Intl.Segmenter is missing', async () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    try {
      expect(await splitQuery('hard  negatives', 'en-US')).toEqual(['hard', 'negatives']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
