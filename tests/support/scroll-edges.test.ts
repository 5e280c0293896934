import { describe, expect, it } from 'vitest';
import { edgeAttribute, scrollEdges } from '../../src/support/scroll-edges';

describe('scrollEdges', () => {
  it('says a box that fits does not scroll, whatever its rounding', () => {
    expect(scrollEdges(0, 300, 300)).toEqual({ scrolls: false, start: false, end: false });
    expect(scrollEdges(0, 300.6, 300)).toEqual({ scrolls: false, start: false, end: false });
    expect(edgeAttribute(scrollEdges(0, 300, 300))).toBeUndefined();
  });

  it('marks the end at the start, both in between, the start at the end', () => {
    expect(edgeAttribute(scrollEdges(0, 852, 740))).toBe('end');
    expect(edgeAttribute(scrollEdges(50, 852, 740))).toBe('start end');
    expect(edgeAttribute(scrollEdges(112, 852, 740))).toBe('start');
    expect(edgeAttribute(scrollEdges(111.5, 852, 740))).toBe('start');
    expect(scrollEdges(112, 852, 740).scrolls).toBe(true);
  });
});
