// The augmentation studio's live part in happy-dom on the CPU backend: it streams view pairs with
// their parameters, pauses off screen, and a bad upload (a text file, a corrupt "image", a huge
// file, an unsupported format, too many pixels) shows a clear message while the studio keeps its
// picture and keeps animating; a header that states too many pixels is refused before any decode.
import '@tensorflow/tfjs-backend-cpu';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive, ref } from 'vue';
import AugmentationStudioLive from '../../../components/figures/live/AugmentationStudioLive.vue';
import { STUDIO_SCHEMA, type StudioSettings } from '../../../src/settings/augmentation-studio';
import {
  CAPTION_LINES,
  MAX_FILE_BYTES,
  describeView,
  fileProblem,
  headerProblem,
  viewCaption,
} from '../../../src/support/augmentation-studio';
import { bytes, png } from '../../support/image-bytes';
import { defaultValues } from '../../../src/settings/schema';
import { fakeFrame, useCpuBackend, withFrame } from './fake-frame';

useCpuBackend();
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

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

/** Uploads `file` and returns the message that names it. */
async function messageFor(wrapper: ReturnType<typeof mountStudio>['wrapper'], file: File) {
  await upload(wrapper, file);
  const alert = () => wrapper.find('[role="alert"]').text();
  await until(() => alert().startsWith(`${file.name} `), `the message about ${file.name}`);
  return alert();
}

/** A decoder that records its calls and fails like a browser given bytes it cannot decode. */
function spyOnDecode() {
  const decode = vi.fn(() =>
    Promise.reject(new DOMException('cannot decode', 'InvalidStateError')),
  );
  vi.stubGlobal('createImageBitmap', decode);
  return decode;
}

describe('AugmentationStudio', () => {
  it('streams pairs of views, each captioned with its sampled parameters', async () => {
    const { wrapper, errors } = mountStudio();
    await until(() => pairs(wrapper) >= 2, 'two pairs');
    const views = wrapper.findAll('.studio__view');
    expect(views.length).toBeGreaterThanOrEqual(4);
    expect(views[0]!.find('figcaption').text().length).toBeGreaterThan(0);
    // Every caption has the same number of lines, and the stream always three slots.
    for (const view of views) expect(view.findAll('figcaption span')).toHaveLength(CAPTION_LINES);
    expect(wrapper.findAll('.studio__pair')).toHaveLength(3);
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

  it('refuses a header that states too many pixels before decoding, and names the size', async () => {
    const decode = spyOnDecode();
    const { wrapper, errors } = mountStudio();
    await until(() => pairs(wrapper) >= 1, 'the first pair');
    const huge = new File([png(20_000, 20_000)], 'huge.png', { type: 'image/png' });
    expect(await messageFor(wrapper, huge)).toBe(
      'huge.png is 20,000 × 20,000 = 400,000,000 pixels; the studio takes pictures up to ' +
        '40,000,000 pixels (40 megapixels).',
    );
    // A JPEG whose metadata outruns the first 64 KiB read is read further, still not decoded.
    const app1 = [0xff, 0xe1, 0xff, 0xff, ...new Array<number>(0xfffd).fill(0)];
    const sof = [0xff, 0xc0, 0, 17, 8, 0x75, 0x30, 0x75, 0x30, 3];
    const exif = new File([bytes([0xff, 0xd8], app1, app1, sof)], 'exif.jpg', { type: '' });
    expect(await messageFor(wrapper, exif)).toMatch(/^exif\.jpg is 30,000 × 30,000 = 900,000,000 /);
    expect(decode).not.toHaveBeenCalled();
    expect(wrapper.find('.studio').attributes('data-source')).toBe('built-in');
    expect(errors).toEqual([]);
    wrapper.unmount();
  });

  it('names unsupported formats and exact sizes, and sniffs a PNG without an extension', async () => {
    const decode = spyOnDecode();
    const { wrapper } = mountStudio();
    await until(() => pairs(wrapper) >= 1, 'the first pair');
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', {
      type: 'image/svg+xml',
    });
    expect(await messageFor(wrapper, svg)).toBe(
      'logo.svg is in SVG format, which the studio does not support. ' +
        'Choose a PNG, JPEG, GIF, WebP or BMP picture.',
    );
    const heic = new File([bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic')], 'p.heic', {
      type: 'image/heic',
    });
    expect(await messageFor(wrapper, heic)).toMatch(/^p\.heic is in HEIC\/HEIF format, which the/);
    const big = new File([new Uint8Array(21_000_000)], 'big.png', { type: 'image/png' });
    expect(await messageFor(wrapper, big)).toBe(
      'big.png is 21,000,000 bytes; the studio takes pictures up to 20,971,520 bytes (20 MiB).',
    );
    expect(decode).not.toHaveBeenCalled();
    const bare = new File([png(64, 48)], 'picture', { type: '' });
    expect(await messageFor(wrapper, bare)).toBe(
      'picture could not be read as an image; it may be damaged.',
    );
    expect(decode).toHaveBeenCalledWith(bare);
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
    const file = (name: string, type: string, size = 100) => ({ name, type, size });
    expect(fileProblem(file('a.png', 'image/png', 0))).toBe('a.png is empty.');
    expect(fileProblem(file('a.png', 'image/png', MAX_FILE_BYTES + 1))).toBe(
      'a.png is 20,971,521 bytes; the studio takes pictures up to 20,971,520 bytes (20 MiB).',
    );
    expect(fileProblem(file('a.png', 'image/png', MAX_FILE_BYTES))).toBeNull();
    const unknown = { status: 'unknown' } as const;
    expect(headerProblem(file('a.txt', 'text/plain'), unknown)).toMatch(
      /^a\.txt is not an image \(it is text\/plain\)/,
    );
    expect(headerProblem(file('a.png', 'image/png'), unknown)).toMatch(
      /^a\.png is not in a format the studio can read/,
    );
    // The bytes decide: a PNG sent as text, or with no name, is a PNG.
    const ok = { status: 'ok', format: 'png', width: 640, height: 480 } as const;
    expect(headerProblem(file('a.txt', 'text/plain'), ok)).toBeNull();
    expect(headerProblem(file('', ''), ok)).toBeNull();
    expect(headerProblem(file('x', ''), { ...ok, width: 8000, height: 5001 })).toBe(
      'x is 8,000 × 5,001 = 40,008,000 pixels; the studio takes pictures up to 40,000,000 ' +
        'pixels (40 megapixels).',
    );
    expect(headerProblem(file('x', ''), { ...ok, width: 8000, height: 5000 })).toBeNull();
    expect(
      headerProblem(file('a.avif', 'image/avif'), { status: 'unsupported', format: 'avif' }),
    ).toBe(
      'a.avif is in AVIF format, which the studio does not support. ' +
        'Choose a PNG, JPEG, GIF, WebP or BMP picture.',
    );
    expect(
      headerProblem(file('c.jpg', 'image/jpeg'), { status: 'truncated', format: 'jpeg' }),
    ).toBe('c.jpg is a JPEG file cut short before it states its size; it may be damaged.');
    const damaged = { status: 'damaged', format: 'png', reason: 'it has no IHDR chunk' } as const;
    expect(headerProblem(file('d.png', 'image/png'), damaged)).toBe(
      'd.png is a PNG file with a damaged header: it has no IHDR chunk.',
    );
  });

  it('caption a view in a fixed number of short lines, one slot per stage', () => {
    const none = { crop: null, flip: false, jitter: null, grayscale: false, blurSigma: null };
    expect(viewCaption(none)).toEqual(['no crop', 'not flipped', 'no colour jitter', '', '', '']);
    const lines = viewCaption({
      crop: { top: 0, left: 0, height: 0.5, width: 0.5 },
      flip: true,
      jitter: {
        brightness: 0.81,
        contrast: 0.49,
        saturation: 0.51,
        hue: -0.18,
        order: ['hue', 'contrast', 'saturation', 'brightness'],
      },
      grayscale: true,
      blurSigma: 1.25,
    });
    expect(lines).toEqual([
      'crop 25 %, aspect 1.00',
      'flipped left–right',
      'brightness ×0.81, contrast ×0.49',
      'saturation ×0.51, hue −0.18',
      'order hue → con → sat → bri',
      'grayscale, blur σ = 1.3 px',
    ]);
    expect(lines).toHaveLength(CAPTION_LINES);
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
