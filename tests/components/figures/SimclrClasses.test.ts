import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SimclrClasses from '../../../components/figures/live/SimclrClasses.vue';
import { classStructure } from '../../../src/support/class-centroids';

const NAMES = ['circle', 'square', 'triangle'];

describe('SimclrClasses (the SimCLR sphere key and its nearest-centre read-out)', () => {
  it('says "–" before the first picture, and lists every class with its colour', () => {
    const wrapper = mount(SimclrClasses, {
      props: { structure: null, names: NAMES, highlight: null },
    });
    const readout = wrapper.get('[data-metric="centroid-accuracy"]');
    expect(readout.text()).toBe('–');
    expect(readout.attributes('data-value')).toBeUndefined();
    const classes = wrapper.findAll('button.simclr-classes__class');
    expect(classes.map((b) => b.text().replace(/\s+/g, ' ').trim())).toEqual([
      'circle –',
      'square –',
      'triangle –',
    ]);
    expect(wrapper.findAll('.simclr-classes__swatch')[1].attributes('style')).toMatch(/background/);
  });

  it('reads out the share of images nearest their own class centre, overall and per class', () => {
    // Two tight classes on +x and −x; of the third class's two images, one sits on +z, the other
    // among the first class, nearer that class's centre than its own.
    const points = Float32Array.from([
      1, 0, 0, 0.9, 0.1, 0, 1, -0.1, 0, -1, 0, 0, -0.9, 0, 0.1, -1, 0.1, 0, 0, 0, 1, 1, 0.05, 0,
    ]);
    const groups = Float32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    const structure = classStructure(points, 3, groups, 3);
    const wrapper = mount(SimclrClasses, { props: { structure, names: NAMES, highlight: null } });
    const readout = wrapper.get('[data-metric="centroid-accuracy"]');
    expect(Number(readout.attributes('data-value'))).toBeCloseTo(structure.accuracy);
    expect(readout.text()).toBe(`${(100 * structure.accuracy).toFixed(1)} %`);
    expect(structure.accuracy).toBe(7 / 8);
    expect(readout.text()).toBe('87.5 %');
    expect(wrapper.text()).toContain('chance is 33 %');
    const shares = wrapper.findAll('.simclr-classes__share').map((s) => s.text());
    expect(shares).toEqual(['100 %', '100 %', '50 %']);
  });

  it('shows one class alone when pressed, and all again when pressed twice', async () => {
    const wrapper = mount(SimclrClasses, {
      props: { structure: null, names: NAMES, highlight: null },
    });
    const square = wrapper.get('button[data-class="1"]');
    expect(square.attributes('aria-pressed')).toBe('false');
    await square.trigger('click');
    expect(wrapper.emitted('update:highlight')).toEqual([[1]]);
    await wrapper.setProps({ highlight: 1 });
    expect(wrapper.get('button[data-class="1"]').attributes('aria-pressed')).toBe('true');
    await wrapper.get('button[data-class="1"]').trigger('click');
    expect(wrapper.emitted('update:highlight')?.[1]).toEqual([null]);
  });
});
