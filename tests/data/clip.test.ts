// The CLIP chapter's captioned shapes: captions true of their pictures, in several phrasings,
// reproducible from the index; the held-out colour–class combinations never in the training
// stream and the only ones in the combinations set; the prompts, the vocabulary and the recall
// set's match matrix; one held-out picture rendered alone equals its place in the set.
import { describe, expect, it } from 'vitest';
import {
  CAPTION_COLOURS,
  captionWords,
  classPrompt,
  describe as caption,
  describes,
  isHeldOutCombination,
} from '../../src/data/shapes/captions';
import {
  CLIP_COMBO_COUNT,
  CLIP_HELDOUT_COUNT,
  CLIP_RETRIEVAL_COUNT,
  clipHeldOutPicture,
  clipShapes,
  comboIndex,
} from '../../src/data/shapes/clip';
import { SHAPE_CLASSES } from '../../src/data/shapes/classes';
import { mulberry32 } from '../../src/data/prng';

const data = clipShapes();
const words = new Set(captionWords());

describe('captions', () => {
  it('name the class always, and only attributes the picture has, in several phrasings', () => {
    const attributes = { shape: 5, colour: 4, size: 0, side: 1 };
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const c = caption(attributes, mulberry32(i));
      expect(c.text).toMatch(/\bstar\b/);
      expect(describes(c, attributes)).toBe(true);
      if (c.colour >= 0) expect(c.text).toMatch(/\bblue\b/);
      if (c.size >= 0) expect(c.text).toMatch(/\b(small|little|tiny)\b/);
      if (c.side >= 0) expect(c.text).toMatch(/\bright\b/);
      for (const w of c.text.split(' ')) expect(words.has(w), w).toBe(true);
      seen.add(c.text);
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(caption({ shape: 7, colour: 1, size: -1, side: -1 }, mulberry32(3)).text).not.toMatch(
      /\b(a|an) stripes\b/,
    );
  });

  it('holds out one colour per class, keeping five colours per class and eight classes per colour', () => {
    for (let s = 0; s < SHAPE_CLASSES.length; s++) {
      const held = CAPTION_COLOURS.filter((_, c) => isHeldOutCombination(s, c));
      expect(held).toHaveLength(1);
    }
    for (let c = 0; c < CAPTION_COLOURS.length; c++) {
      const classes = SHAPE_CLASSES.filter((_, s) => !isHeldOutCombination(s, c));
      expect(classes.length).toBeGreaterThanOrEqual(8);
    }
    expect(classPrompt(0)).toBe('a picture of a circle');
    expect(classPrompt(7)).toBe('a picture of stripes');
    expect(data.comboPrompts[comboIndex(1, 1)]).toBe('a picture of an orange square');
  });
});

describe('clipShapes', () => {
  it('streams captioned pictures reproducibly, none of an unseen combination', () => {
    const a = new Float32Array(32 * 32 * 3);
    const b = new Float32Array(32 * 32 * 3);
    for (let i = 0; i < 300; i++) {
      const text = data.train.render(i, a, 0);
      const words = text.split(' ');
      const shape = SHAPE_CLASSES.findIndex(({ name }) =>
        words.includes(name === 'checker' ? 'checkerboard' : name),
      );
      const colour = CAPTION_COLOURS.findIndex(({ name }) => words.includes(name));
      expect(shape).toBeGreaterThanOrEqual(0);
      if (colour >= 0) expect(isHeldOutCombination(shape, colour)).toBe(false);
      if (i < 5) {
        expect(data.train.render(i, b, 0)).toBe(text);
        expect(b).toEqual(a);
      }
    }
    for (const v of a) expect(v >= 0 && v <= 1).toBe(true);
    expect(() => data.train.render(-1, a, 0)).toThrow(RangeError);
  });

  it('holds out new pictures of seen combinations, and the unseen ones apart', () => {
    expect(data.heldOut.count).toBe(CLIP_HELDOUT_COUNT);
    expect(data.combos.count).toBe(CLIP_COMBO_COUNT * SHAPE_CLASSES.length);
    for (const a of data.heldOut.attributes)
      expect(isHeldOutCombination(a.shape, a.colour)).toBe(false);
    data.combos.attributes.forEach((a, i) => {
      expect(isHeldOutCombination(a.shape, a.colour)).toBe(true);
      expect(data.combos.labels[i]).toBe(comboIndex(a.shape, a.colour));
      expect(data.heldOutCombos[data.combos.labels[i]!]).toBe(true);
    });
    expect(new Set(data.heldOut.labels).size).toBe(SHAPE_CLASSES.length);
    expect(new Set(data.combos.labels).size).toBe(SHAPE_CLASSES.length);
  });

  it('marks which retrieval captions are true of which pictures, the diagonal always', () => {
    const m = CLIP_RETRIEVAL_COUNT;
    expect(data.matches).toHaveLength(m * m);
    for (let i = 0; i < m; i++) expect(data.matches[i * m + i]).toBe(1);
    const density = data.matches.reduce((a, b) => a + b, 0) / (m * m);
    expect(density).toBeGreaterThan(0.01);
    expect(density).toBeLessThan(0.1);
  });

  it('renders one held-out picture alone as the set holds it, with its caption', () => {
    const out = new Float32Array(32 * 32 * 3);
    for (const i of [0, 17, CLIP_HELDOUT_COUNT - 1]) {
      expect(clipHeldOutPicture(i, out)).toBe(data.heldOut.captions[i]);
      expect(out).toEqual(data.heldOut.images.subarray(i * 3072, (i + 1) * 3072));
    }
    expect(() => clipHeldOutPicture(CLIP_HELDOUT_COUNT, out)).toThrow(RangeError);
  });
});
