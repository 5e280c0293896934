// The key-by-key comparison of flat parameter records that replaced JSON-string comparisons, on
// the page (what to send) and in the host (rebuild or update).
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { changedKeys, needsRebuild, plainParams, sameParams } from '../../src/worker/params';
import { SPHERE_DEFAULTS, type SphereParams } from '../../src/settings/sphere';

const base: SphereParams = { ...SPHERE_DEFAULTS };

describe('changedKeys', () => {
  it('lists the keys whose values differ, in the record’s order', () => {
    expect(changedKeys(base, { ...base })).toEqual([]);
    expect(changedKeys(base, { ...base, tau: 0.1, dim: 2 })).toEqual(['tau', 'dim']);
    expect(changedKeys(base, { ...base, objective: 'align' })).toEqual(['objective']);
  });

  it('counts a key present on one side only as changed', () => {
    const fewer: Partial<SphereParams> = { ...base };
    delete fewer.lr;
    expect(changedKeys<Record<string, number | string>>(base, fewer as SphereParams)).toEqual([
      'lr',
    ]);
  });

  it('compares values, not strings: 0.1 vs "0.1" differ; NaN equals NaN; 0 equals −0', () => {
    const a = { x: 0.1, flag: true, y: Number.NaN, z: 0 };
    expect(changedKeys(a, { ...a, x: '0.1' as unknown as number })).toEqual(['x']);
    expect(changedKeys(a, { ...a, flag: false })).toEqual(['flag']);
    expect(changedKeys(a, { ...a, y: Number.NaN, z: -0 })).toEqual([]);
  });

  it('compares numbers exactly, as the experiment will use them', () => {
    const a = { tau: 0.1 + 0.2 };
    expect(sameParams(a, { tau: 0.30000000000000004 })).toBe(true);
    expect(sameParams(a, { tau: 0.3 })).toBe(false);
  });
});

describe('needsRebuild', () => {
  it('is true only when a rebuildOn key changed', () => {
    const rebuildOn = ['points', 'groups', 'dim'] as const;
    expect(needsRebuild<SphereParams>(rebuildOn, base, { ...base, tau: 0.1, lr: 0.02 })).toBe(
      false,
    );
    expect(needsRebuild<SphereParams>(rebuildOn, base, { ...base, points: 128 })).toBe(true);
    expect(needsRebuild<SphereParams>([], base, { ...base, points: 128 })).toBe(false);
  });
});

describe('plainParams', () => {
  it('copies a reactive record into one that can be posted to a worker', () => {
    const state = reactive({ ...base });
    expect(() => structuredClone(state)).toThrow();
    const plain = plainParams(state);
    expect(structuredClone(plain)).toEqual(base);
    state.tau = 0.1;
    expect(plain.tau).toBe(base.tau);
  });
});
