import { reactive, ref, watch, type Reactive, type Ref } from 'vue';

/** What `useStateSeed` returns: bind `text` to a text input and call `submit` on change/Enter. */
export interface SeedInput {
  text: Ref<string>;
  /** A sentence explaining why the typed seed was refused, or null. */
  problem: Ref<string | null>;
  submit(): void;
}

/**
 * A seed typed by the reader: accepted only as a whole number in [min, max]; anything else keeps
 * the current seed and says why, so a typo never restarts a run with a surprising seed.
 */
function seedInput(
  seed: () => number,
  range: { min: number; max: number },
  commit: (seed: number) => void,
): SeedInput {
  const text = ref(String(seed()));
  const problem = ref<string | null>(null);
  watch(seed, (value) => (text.value = String(value)));

  function submit(): void {
    const typed = text.value.trim();
    const value = Number(typed);
    if (typed === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
      problem.value = `The seed must be a whole number from ${range.min} to ${range.max}; keeping ${seed()}.`;
      return;
    }
    problem.value = null;
    if (value !== seed()) commit(value);
  }

  return { text, problem, submit };
}

/**
 * The seed box of a SettingsFigure live part, over `state.seed`: the typed text, checked on
 * `submit` against the schema's range, committed as a `change` patch. Reactive, so a template
 * binds `seed.text` and reads `seed.problem`:
 *
 *   const seed = useStateSeed(props, SPHERE_SCHEMA.seed, emit);
 *   <SeedField v-model="seed.text" @submit="seed.submit()" />
 */
export function useStateSeed(
  props: { state: { seed: number } },
  range: { min: number; max: number },
  emit: (event: 'change', patch: { seed: number }) => void,
): Reactive<SeedInput> {
  return reactive(
    seedInput(
      () => props.state.seed,
      range,
      (seed) => emit('change', { seed }),
    ),
  );
}
