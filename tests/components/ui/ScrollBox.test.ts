import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import ScrollBox from '../../../components/ui/ScrollBox.vue';

/** Gives the box's viewport the sizes a browser would lay out. */
function size(el: Element, scrollWidth: number, clientWidth: number, scrollLeft = 0) {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, value: clientWidth });
  Object.defineProperty(el, 'scrollLeft', { configurable: true, value: scrollLeft });
}

describe('ScrollBox', () => {
  it('holds its content and stays out of the way while it fits', () => {
    const wrapper = mount(ScrollBox, {
      props: { label: 'Formula' },
      slots: { default: () => h('p', { class: 'katex-block' }, 'L = −log p') },
    });
    expect(wrapper.get('.scroll-box__content p').text()).toBe('L = −log p');
    const viewport = wrapper.get('.scroll-box__viewport');
    expect(viewport.attributes('tabindex')).toBeUndefined();
    expect(viewport.attributes('role')).toBeUndefined();
    expect(wrapper.attributes('data-overflow')).toBeUndefined();
  });

  it('when wider than the column: focusable, labelled, and a fade at each edge with more', async () => {
    const wrapper = mount(ScrollBox, {
      props: { label: 'Table' },
      slots: { default: () => h('table') },
    });
    const viewport = wrapper.get('.scroll-box__viewport');
    size(viewport.element, 852, 740);
    (wrapper.vm as unknown as { measure(): void }).measure();
    await wrapper.vm.$nextTick();
    expect(viewport.attributes('tabindex')).toBe('0');
    expect(viewport.attributes('role')).toBe('region');
    expect(viewport.attributes('aria-label')).toBe('Table, scrolls sideways');
    expect(wrapper.attributes('data-overflow')).toBe('end');

    size(viewport.element, 852, 740, 60);
    await viewport.trigger('scroll');
    expect(wrapper.attributes('data-overflow')).toBe('start end');
    size(viewport.element, 852, 740, 112);
    await viewport.trigger('scroll');
    expect(wrapper.attributes('data-overflow')).toBe('start');
  });
});
