// The pieces the live parts share: the settings helpers (useLivePart, useStateSeed) and the
// SelectField, SeedField and AugmentationToggles controls.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import AugmentationToggles from '../../../components/figures/live/AugmentationToggles.vue';
import SeedField from '../../../components/ui/SeedField.vue';
import SelectField from '../../../components/ui/SelectField.vue';
import { useLivePart } from '../../../components/composables/useLivePart';
import { useStateSeed } from '../../../components/composables/useStateSeed';
import { defineUrlSchema, type UrlValues } from '../../../src/settings/schema';

const schema = defineUrlSchema({
  tau: { type: 'number', min: 0.02, max: 2, default: 0.5, scale: 'log' },
  points: { type: 'int', min: 64, max: 512, default: 256 },
  mode: { type: 'enum', values: ['a', 'b'], default: 'a' },
  seed: { type: 'int', min: 0, max: 99, default: 1 },
});
type Settings = UrlValues<typeof schema>;

function part() {
  const props = reactive({ state: { tau: 0.5, points: 256, mode: 'a', seed: 1 } as Settings });
  const patches: Partial<Settings>[] = [];
  const emit = (_event: 'change', patch: Partial<Settings>) => void patches.push(patch);
  return { props, patches, emit, ...useLivePart(props, emit, schema) };
}

describe('useLivePart', () => {
  it('set emits a one-setting patch', () => {
    const { set, patches } = part();
    set('mode', 'b');
    expect(patches).toEqual([{ mode: 'b' }]);
  });

  it('binds a slider to the setting, its schema range and scale', () => {
    const { slider, props, patches } = part();
    expect(slider('tau')).toMatchObject({ modelValue: 0.5, min: 0.02, max: 2, scale: 'log' });
    expect(slider('points')).toMatchObject({ modelValue: 256, min: 64, max: 512, scale: 'linear' });
    expect(slider('points').format?.(1024.4)).toBe('1024');
    expect(slider('tau').format).toBeUndefined();
    props.state.tau = 0.1;
    expect(slider('tau').modelValue).toBe(0.1);
    slider('points')['onUpdate:modelValue'](128);
    expect(patches).toEqual([{ points: 128 }]);
    // An int setting is rounded (a log-scale slider moves in fractions); a real one is not.
    slider('points')['onUpdate:modelValue'](100.6);
    slider('tau')['onUpdate:modelValue'](0.123);
    expect(patches.slice(1)).toEqual([{ points: 101 }, { tau: 0.123 }]);
  });

  it('keeps one listener per setting, so sliders need not re-render with the part', () => {
    const { slider } = part();
    expect(slider('tau')['onUpdate:modelValue']).toBe(slider('tau')['onUpdate:modelValue']);
    expect(slider('tau')['onUpdate:modelValue']).not.toBe(slider('points')['onUpdate:modelValue']);
  });
});

describe('useStateSeed', () => {
  it('commits a whole number in range as a change and refuses anything else', () => {
    const { props, patches, emit } = part();
    const seed = useStateSeed(props, schema.seed, emit);
    expect(seed.text).toBe('1');
    seed.text = '7';
    seed.submit();
    expect(patches).toEqual([{ seed: 7 }]);
    seed.text = '1000';
    seed.submit();
    expect(seed.problem).toMatch(/from 0 to 99; keeping 1/);
    expect(patches).toHaveLength(1);
  });
});

describe('SelectField', () => {
  const props = {
    label: 'Space',
    value: 3,
    options: [3, 2],
    optionLabels: { 3: 'sphere', 2: 'circle' },
  };

  it('is a labelled select that emits the option value, typed as given', async () => {
    const wrapper = mount(SelectField, { props });
    expect(wrapper.get('label').text()).toContain('Space');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['sphere', 'circle']);
    await wrapper.get('select').setValue('2');
    expect(wrapper.emitted('change')).toEqual([[2]]);
  });

  it('ignores a value that is not an option, and passes attributes to the select', async () => {
    const wrapper = mount(SelectField, { props, attrs: { disabled: true } });
    expect(wrapper.get('select').attributes('disabled')).toBeDefined();
    const select = wrapper.get('select').element as HTMLSelectElement;
    const forged = document.createElement('option');
    forged.value = '5';
    select.append(forged);
    await wrapper.get('select').setValue('5');
    expect(wrapper.emitted('change')).toBeUndefined();
  });
});

describe('SeedField', () => {
  it('puts attributes on the input and submits on change and Enter', async () => {
    const wrapper = mount(SeedField, {
      props: { modelValue: '1', 'onUpdate:modelValue': () => undefined },
      attrs: { class: 'lab__seed' },
    });
    const input = wrapper.get('input.lab__seed');
    expect(input.attributes('inputmode')).toBe('numeric');
    await input.setValue('42');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['42']);
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('submit')).toHaveLength(2);
  });
});

describe('AugmentationToggles', () => {
  it('shows one checkbox per augmentation and emits the switched one', async () => {
    const state = { crop: true, flip: true, color: false, gray: true, blur: false };
    const wrapper = mount(AugmentationToggles, { props: { state } });
    expect(wrapper.get('legend').text()).toBe('Augmentations');
    const boxes = wrapper.findAll('input[type="checkbox"]');
    expect(boxes.map((b) => (b.element as HTMLInputElement).checked)).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
    await boxes[2]!.setValue(true);
    expect(wrapper.emitted('change')).toEqual([['color', true]]);
  });
});
