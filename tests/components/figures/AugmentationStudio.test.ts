// The augmentation studio's live part in happy-dom on the CPU backend: it streams view pairs with
// their parameters, pauses off screen, and a bad upload (a text file, a corrupt "image", a huge
// file) shows a clear message while the studio keeps its picture and keeps animating.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive, ref } from 'vue';
import AugmentationStudioLive from '../../../components/figures/live/AugmentationStudioLive.vue';
import { STUDIO_SCHEMA, type StudioSettings } from '../../../src/settings/augmentation-studio';
import {
  MAX_FILE_BYTES,
  describeView,
  fileProblem,
} from '../../../src/support/augmentation-studio';
import { defaultValues } from '../../../src/settings/schema';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';

useCpuBackend();
afterEach(() => vi.useRealTimers());

function mountStudio(visible = ref(true)) {
  const state = reactive(defaultValues(STUDIO_SCHEMA)) as StudioSettings;
  const errors: unknown[] = [];
  const frame = fakeFrame(errors, visible);
  const Host = defineComponent({
    setup: () => () =>
      h(AugmentationStudioLive, {
        state,
        onChange: (patch: Partial<StudioSettings>) => Object.assign(state, patch),
      }),
  });
  const wrapper = mount(Host, { global: withFrame(frame) });
  return { wrapper, state, errors };
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pairs = (wrapper: ReturnType<typeof mountStudio>['wrapper']) =>
  Number(wrapper.find('.studio').attributes('data-pairs'));

async function upload(wrapper: ReturnType<typeof mountStudio>['wrapper'], file: File) {
  const input = wrapper.find('input[data-upload]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await until(() => wrapper.find('[role="alert"]').exists(), 'the upload message');
}

describe('AugmentationStudio', () => {
  it('streams pairs of views, each captioned with its sampled parameters', async () => {
    const { wrapper, errors } = mountStudio();
    await until(() => pairs(wrapper) >= 2, 'two pairs');
    const views = wrapper.findAll('.studio__view');
    expect(views.length).toBeGreaterThanOrEqual(4);
    expect(views[0]!.find('figcaption').text().length).toBeGreaterThan(0);
    expect(wrapper.findAll('button[aria-pressed]').length).toBeGreaterThanOrEqual(11);
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('keeps its picture and keeps animating after a text file and a corrupt image', async () => {
    const { wrapper, errors } = mountStudio();
    await until(() => pairs(wrapper) >= 1, 'the first pair');
    await upload(wrapper, new File(['just some words'], 'notes.txt', { type: 'text/plain' }));
    expect(wrapper.find('[role="alert"]').text()).toMatch(/notes\.txt is not an image/);
    expect(wrapper.find('.studio').attributes('data-source')).toBe('built-in');
    const corrupt = new File([new Uint8Array([1, 2, 3, 4])], 'broken.png', { type: 'image/png' });
    await upload(wrapper, corrupt);
    await until(
      () => /broken\.png/.test(wrapper.find('[role="alert"]').text()),
      'the corrupt-file message',
    );
    const before = pairs(wrapper);
    await until(() => pairs(wrapper) > before, 'another pair after the bad uploads');
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('stops adding pairs while off screen and resumes when visible again', async () => {
    const visible = ref(true);
    const { wrapper } = mountStudio(visible);
    await until(() => pairs(wrapper) >= 1, 'the first pair');
    visible.value = false;
    await flushPromises();
    const frozen = pairs(wrapper);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(pairs(wrapper)).toBe(frozen);
    visible.value = true;
    await until(() => pairs(wrapper) > frozen, 'a pair after coming back on screen');
    wrapper.unmount();
  });
});

describe('studio helpers', () => {
  it('name the problem with a file before decoding it', () => {
    expect(fileProblem({ name: 'a.txt', type: 'text/plain', size: 10 })).toMatch(/not an image/);
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: 0 })).toMatch(/empty/);
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: MAX_FILE_BYTES + 1 })).toMatch(
      /MB/,
    );
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: 100 })).toBeNull();
  });

  it('describe a view line by line, or say it is the original', () => {
    const none = { crop: null, flip: false, jitter: null, grayscale: false, blurSigma: null };
    expect(describeView(none)).toEqual(['no augmentation (this view is the original)']);
    const lines = describeView({
      ...none,
      crop: { top: 0, left: 0, height: 0.5, width: 0.5 },
      flip: true,
      grayscale: true,
      blurSigma: 1.25,
    });
    expect(lines).toEqual([
      'crop 25 % of the area, aspect 1.00',
      'flipped left–right',
      'grayscale',
      'blur σ = 1.3 px',
    ]);
  });
});
