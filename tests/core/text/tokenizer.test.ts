// The tokenizer and vocabulary: punctuation, case, Unicode, emoji, empty and huge input, and the
// out-of-vocabulary path through hashed [UNK] buckets.
import { describe, expect, it } from 'vitest';
import { hashToken, tokenize } from '../../../src/core/text/tokenizer';
import { PAD_ID, UNK_ID, buildVocabulary, padBatch } from '../../../src/core/text/vocabulary';

describe('tokenize', () => {
  it('lower-cases and drops punctuation, keeping words and numbers', () => {
    expect(tokenize('The Knight, at last, took 2 pawns!')).toEqual([
      'the',
      'knight',
      'at',
      'last',
      'took',
      '2',
      'pawns',
    ]);
    expect(tokenize('...?! -- ()')).toEqual([]);
  });

  it('folds inner apostrophes so "king’s" and "king\'s" are one token', () => {
    expect(tokenize("The king's move")).toEqual(['the', 'kings', 'move']);
    expect(tokenize('The king’s move')).toEqual(['the', 'kings', 'move']);
    expect(tokenize("'quoted'")).toEqual(['quoted']);
  });

  it('keeps letters of any script, in typed (logical) order for right-to-left text', () => {
    expect(tokenize('Café crème')).toEqual(['café', 'crème']);
    expect(tokenize('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
    expect(tokenize('שלום עולם')).toEqual(['שלום', 'עולם']);
    expect(tokenize('ＡＢＣ１２３')).toEqual(['abc123']); // full-width forms fold under NFKC
    expect(tokenize('東京に行く')).toEqual(['東京に行く']);
  });

  it('makes each emoji a token of its own', () => {
    expect(tokenize('great game⚽🎉!')).toEqual(['great', 'game', '⚽', '🎉']);
  });

  it('returns [] for empty or blank input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \n\t')).toEqual([]);
  });

  it('stops after maxTokens, so a 10,000-character input stays bounded', () => {
    const long = 'word '.repeat(2000);
    expect(long.length).toBe(10_000);
    expect(tokenize(long, 32)).toHaveLength(32);
    expect(tokenize(long)).toHaveLength(2000);
    expect(tokenize('a b', 0)).toEqual([]);
  });

  it('treats markup as text: tags become plain words', () => {
    expect(tokenize('<b>bold</b> <script>alert(1)</script>')).toEqual([
      'b',
      'bold',
      'b',
      'script',
      'alert',
      '1',
      'script',
    ]);
  });
});

describe('buildVocabulary', () => {
  const vocabulary = buildVocabulary(['the cat sat', 'the dog sat down', 'the cat ran'], {
    unknownBuckets: 4,
    maxLength: 5,
  });

  it('puts [PAD] and the [UNK] buckets first, then words by frequency', () => {
    expect(vocabulary.tokens.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[UNK1]', '[UNK2]', '[UNK3]']);
    expect(vocabulary.tokens[PAD_ID]).toBe('[PAD]');
    expect(vocabulary.tokens[UNK_ID]).toBe('[UNK]');
    expect(vocabulary.tokens.slice(5)).toEqual(['the', 'cat', 'sat', 'dog', 'down', 'ran']);
    expect(vocabulary.size).toBe(11);
  });

  it('sends unknown words to a hashed bucket: stable, and not all the same', () => {
    expect(vocabulary.has('zebra')).toBe(false);
    const bucket = (word: string) => vocabulary.idOf(word);
    expect(bucket('zebra')).toBe(UNK_ID + (hashToken('zebra') % 4));
    expect(bucket('zebra')).toBe(bucket('zebra'));
    const buckets = new Set(['zebra', 'yak', 'xylophone', 'walrus', 'vole', 'urchin'].map(bucket));
    expect(buckets.size).toBeGreaterThan(1);
    for (const id of buckets) expect(id).toBeGreaterThanOrEqual(UNK_ID);
    for (const id of buckets) expect(id).toBeLessThan(UNK_ID + 4);
  });

  it('with one bucket maps every unknown word to [UNK]', () => {
    const single = buildVocabulary(['a b'], { unknownBuckets: 1 });
    expect(single.encode('a zebra yak')).toEqual([single.idOf('a'), UNK_ID, UNK_ID]);
  });

  it('drops words rarer than minCount and caps the word list at maxWords', () => {
    const common = buildVocabulary(['the cat sat', 'the dog sat'], { minCount: 2 });
    expect(common.has('the') && common.has('sat')).toBe(true);
    expect(common.has('cat')).toBe(false);
    expect(buildVocabulary(['a b b c c c'], { maxWords: 2, unknownBuckets: 1 }).tokens).toEqual([
      '[PAD]',
      '[UNK]',
      'c',
      'b',
    ]);
  });

  it('truncates to maxLength and pads batches with a mask', () => {
    expect(vocabulary.encode('the cat sat the cat sat')).toHaveLength(5);
    const batch = vocabulary.encodeBatch(['the cat', '', 'the dog sat down zebra and more']);
    expect(batch.rows).toBe(3);
    expect(batch.length).toBe(5);
    expect(Array.from(batch.ids.slice(0, 5))).toEqual([5, 6, PAD_ID, PAD_ID, PAD_ID]);
    expect(Array.from(batch.mask.slice(0, 5))).toEqual([1, 1, 0, 0, 0]);
    expect(Array.from(batch.mask.slice(5, 10))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(batch.mask.slice(10))).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps an all-empty batch valid (length 1, all padding)', () => {
    const batch = padBatch([[], []]);
    expect(batch.length).toBe(1);
    expect(Array.from(batch.ids)).toEqual([PAD_ID, PAD_ID]);
    expect(Array.from(batch.mask)).toEqual([0, 0]);
  });

  it('rejects nonsense sizes with a clear message', () => {
    expect(() => buildVocabulary([], { unknownBuckets: 0 })).toThrow(/unknownBuckets/);
    expect(() => buildVocabulary([], { maxLength: 0 })).toThrow(/maxLength/);
  });
});
