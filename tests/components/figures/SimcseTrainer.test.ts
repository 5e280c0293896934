// The SimCSE trainer's live part in happy-dom: it waits for the pretrained encoder (a loading line
// with its size, then a panel with Retry when the file is missing or corrupt) before the trainer
// starts, and the trainer shows the read-outs the chapter quotes: Spearman of the fine-tuned
// encoder beside the pretrained one and TF-IDF, anisotropy, and top-5 topic agreement before and
// after. (The experiment behind them is tested on WASM in tests/worker/simcse.test.ts, the worker
// and the downloads in tests/e2e/simcse.e2e.ts.)
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { FrameTrainingOptions } from '../../../components/composables/useFrameTraining';
import type { TrainingWorker } from '../../../components/composables/useTrainingWorker';
import SimcseTrainerLive from '../../../components/figures/live/SimcseTrainerLive.vue';
import SimcseTrainerRun from '../../../components/figures/live/SimcseTrainerRun.vue';
import { heldoutPairs } from '../../../src/data/sentences';
import { defaultValues } from '../../../src/settings/schema';
import { SIMCSE_SCHEMA } from '../../../src/settings/simcse';
import type { RunResult } from '../../../src/worker/host';
import { fakeFrame, mountWithState, withFrame } from './fake-frame';
import { checkpointResponse, serveCheckpoint } from './serve-checkpoint';

/** The options the trainer handed to its (fake) training worker. */
let options: FrameTrainingOptions<'simcse'> | null = null;

vi.mock('../../../components/composables/useFrameTraining', () => ({
  useFrameTraining: (given: FrameTrainingOptions<'simcse'>): TrainingWorker => {
    options = given;
    const player = {
      playing: ref(false),
      busy: ref(false),
      stepCount: ref(0),
      speed: ref(1),
      error: ref(null),
      play: () => undefined,
      pause: () => undefined,
      toggle: () => undefined,
      stepOnce: async () => undefined,
      reset: async () => undefined,
    };
    return {
      player,
      mode: ref('worker'),
      backend: ref({ backend: 'wasm', reason: 'tests', threads: 1, threadsWhy: null }),
      notice: ref(null),
      step: ref(40),
    };
  },
}));

const serve = serveCheckpoint();
const defaults = defaultValues(SIMCSE_SCHEMA);

/** Stands in for the trainer: shows the settings it got, and passes a change up. */
const FakeRun = defineComponent({
  props: { state: { type: Object, required: true } },
  emits: ['change'],
  setup:
    (props, { emit }) =>
    () =>
      h('button', { 'data-run': props.state.mode, onClick: () => emit('change', { tau: 0.1 }) }),
});

describe('SimcseTrainerLive', () => {
  it('starts the trainer only once the encoder has loaded; Retry recovers from a bad file', async () => {
    serve(() => new Response('<!doctype html><title>Oops</title>'));
    const wrapper = mount(SimcseTrainerLive, {
      props: { state: defaults },
      global: { ...withFrame(fakeFrame()), stubs: { SimcseTrainerRun: FakeRun } },
    });
    expect(wrapper.get('[role="status"]').text()).toBe('Loading the pretrained encoder, 2.3 MB…');
    expect(wrapper.find('[data-run]').exists()).toBe(false);
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('[role="alert"]').text()).toContain('not a checkpoint file');
    expect(wrapper.find('[data-run]').exists()).toBe(false);

    serve(checkpointResponse);
    await wrapper.get('[role="alert"] button').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-run]').exists()).toBe(true));
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.get('[data-run]').attributes('data-run')).toBe('unsup');
    await wrapper.get('[data-run]').trigger('click');
    expect(wrapper.emitted('change')).toEqual([[{ tau: 0.1 }]]);
    wrapper.unmount();
  });
});

describe('SimcseTrainerRun', () => {
  it('reads out Spearman against both baselines, anisotropy and topic agreement', async () => {
    const wrapper = mountWithState(SimcseTrainerRun, defaults, { frame: fakeFrame() });
    const value = (name: string) => wrapper.get(`[data-metric="${name}"]`).text();
    expect(value('spearman')).toBe('–');
    expect(value('topic-agreement')).toBe('–');
    expect(options?.experiment).toBe('simcse');

    const result = {
      step: 40,
      readings: [{ step: 40, loss: 2.5 }],
      snapshot: {
        step: 40,
        metrics: {
          spearman: 0.712,
          spearmanPretrained: 0.655,
          spearmanBow: 0.642,
          anisotropy: 0.21,
          alignment: 0.4,
          uniformity: -2,
          topicAgreement: 0.834,
          topicAgreementPretrained: 0.612,
          evaluatedAt: 40,
          loss: 2.5,
          queryKnownWords: 6,
        },
        arrays: {},
      },
      layout: null,
      tensors: 0,
      ms: 1,
      longestTaskMs: 1,
    } satisfies RunResult<'simcse'>;
    options!.onResult(result);
    await flushPromises();

    // Each number under its label, in a description list.
    const readouts = wrapper.get('dl').findAll('div');
    const pairs = readouts.map((div) => [div.get('dt').text(), div.get('dd').text()]);
    expect(pairs).toEqual([
      ['Spearman, fine-tuned', '0.712'],
      ['pretrained, not fine-tuned', '0.655'],
      ['bag of words (TF-IDF)', '0.642'],
      ['anisotropy', '0.210'],
      ['top-5 topic agreement, before', '61 %'],
      ['after', '83 %'],
    ]);
    expect(wrapper.get('[data-metric="topic-agreement"]').attributes('data-value')).toBe('0.834');
    expect(wrapper.get('.simcse-trainer').attributes('data-evaluated-at')).toBe('40');
    expect(wrapper.text()).toContain(`Evaluated at step 40 on ${heldoutPairs().length} held-out`);
    wrapper.unmount();
  });
});
