// The plane view of the metric lab's margin and triplet panels: one mark per point, coloured by
// class, held-out points as rings, an accessible name that states the scale, and no mark off the
// view box however large the embedding grows.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MetricPlane from '../../../components/figures/live/MetricPlane.vue';
import { categoryColor } from '../../../src/viz/palette';

describe('MetricPlane', () => {
  it('draws every point inside the view, held-out ones as rings', () => {
    const points = Float32Array.from([0, 0, 40, -3, -12, 7]);
    const wrapper = mount(MetricPlane, {
      props: {
        points,
        labels: [0, 1, 2],
        heldOut: [0, 0, 1],
        label: 'Triplet embedding',
        size: 200,
      },
    });
    const svg = wrapper.get('svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-label')).toMatch(/^Triplet embedding: 3 points in the plane/);
    const marks = wrapper.findAll('circle');
    expect(marks).toHaveLength(3);
    for (const mark of marks) {
      const x = Number(mark.attributes('cx'));
      const y = Number(mark.attributes('cy'));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(200);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(200);
    }
    expect(marks[1]!.attributes('fill')).toBe(categoryColor(1));
    expect(marks[2]!.attributes('fill')).toBe('none');
    expect(marks[2]!.attributes('stroke')).toBe(categoryColor(2));
    // The origin stays in the centre; the farthest coordinate (40) sets the scale.
    expect(Number(marks[0]!.attributes('cx'))).toBe(100);
    expect(Number(marks[1]!.attributes('cx'))).toBeGreaterThan(180);
  });
});
