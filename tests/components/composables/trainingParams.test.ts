// The page's record of the parameters it sent: only a change is sent again, as a plain copy.
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { createParamSync } from '../../../components/composables/trainingParams';
import { withoutSeed } from '../../../src/settings/schema';
import { SPHERE_DEFAULTS } from '../../../src/settings/sphere';

describe('createParamSync', () => {
  it('sends the parameters to create with, then only changes', () => {
    const state = reactive({ ...SPHERE_DEFAULTS, seed: 1 });
    const sync = createParamSync(() => withoutSeed(state));
    const created = sync.forCreate();
    expect(created).toEqual(SPHERE_DEFAULTS);
    expect(sync.changed()).toBeNull();

    state.seed = 2; // not a parameter: travels beside them
    expect(sync.changed()).toBeNull();

    state.tau = 0.1;
    expect(sync.changed()).toEqual({ ...SPHERE_DEFAULTS, tau: 0.1 });
    expect(sync.changed()).toBeNull();

    state.tau = 0.2;
    state.tau = 0.1; // back to what was sent: nothing to send
    expect(sync.changed()).toBeNull();
  });

  it('hands out plain copies, which a worker message can carry', () => {
    const state = reactive({ ...SPHERE_DEFAULTS });
    const sync = createParamSync(() => state);
    const created = sync.forCreate();
    expect(() => structuredClone(created)).not.toThrow();
    state.dim = 2;
    expect(created.dim).toBe(SPHERE_DEFAULTS.dim);
    const changed = sync.changed();
    expect(changed).not.toBe(state);
    expect(() => structuredClone(changed)).not.toThrow();
  });
});
