// The contract between SettingsFigure and the live part it loads: the part receives the figure's
// settings as `state`, emits `change` with a partial patch and, if it offers a reset button,
// `reset` (SettingsFigure puts every setting back to its default). Every live part with settings
// declares its props and events with the types below and gets its setters from `useLivePart`, so
// no part re-types a range its schema already declares:
//
//   const props = defineProps<LivePartProps<SphereSettings>>();
//   const emit = defineEmits<LivePartEmits<SphereSettings>>();
//   const { set, slider } = useLivePart(props, emit, SPHERE_SCHEMA);
//   <RangeSlider v-bind="slider('tau')" label="Temperature τ" />
import type { IntParam, NumberParam } from '../../src/settings/schema';
import { formatCount } from '../../src/support/format';

/** Props of a SettingsFigure's live part. */
export interface LivePartProps<S> {
  /** The figure's settings (owned by the URL state of the figure around this part). */
  state: S;
}

/** Events of a SettingsFigure's live part. */
export interface LivePartEmits<S> {
  /** The reader changed a setting. */
  change: [patch: Partial<S>];
  /** The reader asked for the defaults (optional: a part without a reset button never emits it). */
  reset: [];
}

/** The settings whose values are numbers. */
export type NumericKey<S> = { [K in keyof S]: S[K] extends number ? K : never }[keyof S];

/** A RangeSlider's value, range, scale and `update:modelValue` listener. */
export interface SliderBinding {
  modelValue: number;
  min: number;
  max: number;
  scale: 'linear' | 'log';
  /** For an `int` setting: shows the value as a whole number (`1024`, not `1.02e3`). */
  format?: (value: number) => string;
  'onUpdate:modelValue': (value: number) => void;
}

/** What {@link useLivePart} returns. */
export interface LivePart<S> {
  /** Emits the one-setting patch `{ [key]: value }`. */
  set<K extends keyof S>(key: K, value: S[K]): void;
  /** Binds a RangeSlider to a numeric setting: `v-bind="slider('lr')"`. */
  slider(key: NumericKey<S>): SliderBinding;
}

/**
 * The setters of a live part. `slider(key)` takes the range and scale from the figure's URL
 * schema, so a slider can never offer a value the URL would clamp, and rounds the value of an
 * `int` setting (a log-scale slider moves in fractions) and shows it whole. Its listener is made once per key: the
 * sliders do not re-render when the part re-renders on every training step. Pass what the schema
 * does not say (`step`, `format`, `label`) beside it: `<RangeSlider v-bind="slider('n')" :step="0.1" />`.
 */
export function useLivePart<S>(
  props: LivePartProps<S>,
  emit: (event: 'change', patch: Partial<S>) => void,
  schema: { readonly [K in NumericKey<S>]: NumberParam | IntParam },
): LivePart<S> {
  function set<K extends keyof S>(key: K, value: S[K]): void {
    const patch: Partial<S> = {};
    patch[key] = value;
    emit('change', patch);
  }

  const listeners = new Map<NumericKey<S>, (value: number) => void>();
  function listener(key: NumericKey<S>): (value: number) => void {
    let update = listeners.get(key);
    if (!update) {
      const round = schema[key].type === 'int';
      update = (value: number) => set(key, (round ? Math.round(value) : value) as S[NumericKey<S>]);
      listeners.set(key, update);
    }
    return update;
  }

  function slider(key: NumericKey<S>): SliderBinding {
    const spec = schema[key];
    const binding: SliderBinding = {
      modelValue: props.state[key] as number,
      min: spec.min,
      max: spec.max,
      scale: spec.scale ?? 'linear',
      'onUpdate:modelValue': listener(key),
    };
    if (spec.type === 'int') binding.format = formatCount;
    return binding;
  }

  return { set, slider };
}
