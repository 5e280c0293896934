import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import Player from '../../../components/ui/Player.vue';

describe('Player', () => {
  it('is a labelled group of native buttons', () => {
    const wrapper = mount(Player, { props: { playing: false, label: 'Sphere lab playback' } });
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBe('Sphere lab playback');
    const labels = wrapper.findAll('button').map((b) => b.attributes('aria-label'));
    expect(labels).toEqual(['Play', 'Step once', 'Reset']);
    wrapper.findAll('button').forEach((b) => expect(b.attributes('type')).toBe('button'));
  });

  it('reflects the playing state with aria-pressed and emits play / pause', async () => {
    const wrapper = mount(Player, { props: { playing: false } });
    const play = wrapper.get('button[aria-label="Play"]');
    expect(play.attributes('aria-pressed')).toBe('false');
    await play.trigger('click');
    expect(wrapper.emitted('play')).toHaveLength(1);
    await wrapper.setProps({ playing: true });
    expect(play.attributes('aria-pressed')).toBe('true');
    expect(play.text()).toBe('Pause');
    await play.trigger('click');
    expect(wrapper.emitted('pause')).toHaveLength(1);
  });

  it('emits step and reset; step is disabled while playing', async () => {
    const wrapper = mount(Player, { props: { playing: false } });
    await wrapper.get('button[aria-label="Step once"]').trigger('click');
    await wrapper.get('button[aria-label="Reset"]').trigger('click');
    expect(wrapper.emitted('step')).toHaveLength(1);
    expect(wrapper.emitted('reset')).toHaveLength(1);
    await wrapper.setProps({ playing: true });
    expect(wrapper.get('button[aria-label="Step once"]').attributes('disabled')).toBeDefined();
  });

  it('offers speeds ×¼ to ×8 and emits update:speed', async () => {
    const wrapper = mount(Player, { props: { playing: false, speed: 1 } });
    const select = wrapper.get('select');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual([
      '×¼',
      '×½',
      '×1',
      '×2',
      '×4',
      '×8',
    ]);
    expect(wrapper.get('label').text()).toContain('Speed');
    await select.setValue('4');
    expect(wrapper.emitted('update:speed')?.[0]).toEqual([4]);
  });

  it('shows the step count when given and disables everything when asked', () => {
    const wrapper = mount(Player, { props: { playing: false, stepCount: 42, disabled: true } });
    expect(wrapper.text()).toContain('step 42');
    wrapper.findAll('button').forEach((b) => expect(b.attributes('disabled')).toBeDefined());
  });
});
