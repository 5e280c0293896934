import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import RangeSlider from '../../../components/ui/RangeSlider.vue';

const logProps = { label: 'Temperature τ', min: 0.01, max: 10, scale: 'log' as const };

function lastEmitted(wrapper: ReturnType<typeof mount>, name = 'update:modelValue') {
  const events = wrapper.emitted(name) as number[][] | undefined;
  return events?.at(-1)?.[0];
}

describe('RangeSlider', () => {
  it('is a labelled native range input with a readable value', () => {
    const wrapper = mount(RangeSlider, { props: { ...logProps, modelValue: 0.1 } });
    const input = wrapper.get('input[type="range"]');
    const label = wrapper.get('label');
    expect(label.text()).toBe('Temperature τ');
    expect(label.attributes('for')).toBe(input.attributes('id'));
    expect(input.attributes('aria-valuetext')).toBe('0.1');
    expect(wrapper.get('output').text()).toBe('0.1');
  });

  it('works on log10 internally and emits the real value', async () => {
    const wrapper = mount(RangeSlider, { props: { ...logProps, modelValue: 0.1 } });
    const input = wrapper.get('input');
    expect(input.attributes('min')).toBe('-2');
    expect(input.attributes('max')).toBe('1');
    expect(Number((input.element as HTMLInputElement).value)).toBeCloseTo(-1, 6);
    await input.setValue('0');
    expect(lastEmitted(wrapper)).toBe(1);
  });

  it('moves with arrows, PageUp/PageDown, Home and End', async () => {
    const wrapper = mount(RangeSlider, { props: { ...logProps, modelValue: 0.1 } });
    const input = wrapper.get('input');
    await input.trigger('keydown', { key: 'ArrowRight' });
    expect(lastEmitted(wrapper)).toBe(0.1023);
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(lastEmitted(wrapper)).toBe(0.09772);
    await input.trigger('keydown', { key: 'PageUp' });
    expect(lastEmitted(wrapper)).toBe(0.1259);
    await input.trigger('keydown', { key: 'Home' });
    expect(lastEmitted(wrapper)).toBe(0.01);
    await input.trigger('keydown', { key: 'End' });
    expect(lastEmitted(wrapper)).toBe(10);
    expect(lastEmitted(wrapper, 'change')).toBe(10);
  });

  it('drives v-model to the minimum by keyboard alone', async () => {
    const wrapper = mount(RangeSlider, {
      props: {
        ...logProps,
        modelValue: 0.5,
        'onUpdate:modelValue': (v: number) => wrapper.setProps({ modelValue: v }),
      },
    });
    const input = wrapper.get('input');
    for (let i = 0; i < 40; i++) await input.trigger('keydown', { key: 'PageDown' });
    expect(wrapper.props('modelValue')).toBe(0.01);
    expect(input.attributes('aria-valuetext')).toBe('0.01');
  });

  it('clamps an out-of-range model value and emits the clamped value', async () => {
    const wrapper = mount(RangeSlider, { props: { ...logProps, modelValue: 50 } });
    expect(lastEmitted(wrapper)).toBe(10);
    expect(wrapper.get('output').text()).toBe('10');
    await wrapper.setProps({ modelValue: -1 });
    expect(lastEmitted(wrapper)).toBe(0.01);
  });

  it('snaps linear values to the step and uses the formatter and unit', async () => {
    const wrapper = mount(RangeSlider, {
      props: {
        label: 'Angle',
        min: 0,
        max: 180,
        step: 5,
        modelValue: 40,
        unit: '°',
        format: (v: number) => v.toFixed(0),
      },
    });
    const input = wrapper.get('input');
    expect(input.attributes('aria-valuetext')).toBe('40°');
    await input.setValue('52.6');
    expect(lastEmitted(wrapper)).toBe(55);
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(lastEmitted(wrapper)).toBe(35);
  });

  it('leaves other keys to the browser', async () => {
    const wrapper = mount(RangeSlider, { props: { ...logProps, modelValue: 0.1 } });
    await wrapper.get('input').trigger('keydown', { key: 'Tab' });
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
  });
});
