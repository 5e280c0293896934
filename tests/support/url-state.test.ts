import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState } from '../../src/support/url-state';
import { clampParam, defaultValues, defineUrlSchema } from '../../src/settings/schema';

const schema = defineUrlSchema({
  tau: { type: 'number', min: 0.01, max: 10, default: 0.1, scale: 'log' },
  objective: { type: 'enum', values: ['infonce', 'align-uniform', 'align'], default: 'infonce' },
  seed: { type: 'int', min: 0, max: 2 ** 31 - 1, default: 1 },
  pairs: { type: 'boolean', default: true },
});

const parse = (query: string) => parseUrlState(schema, new URLSearchParams(query), 'sphere');

describe('parseUrlState', () => {
  it('gives the defaults and no notice for an empty query', () => {
    expect(parse('')).toEqual({ values: defaultValues(schema), notices: [] });
  });

  it('reads valid namespaced values and ignores other figures', () => {
    const { values, notices } = parse(
      'sphere.tau=0.05&sphere.objective=align&sphere.seed=42&sphere.pairs=0&loss.tau=3',
    );
    expect(values).toEqual({ tau: 0.05, objective: 'align', seed: 42, pairs: false });
    expect(notices).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const { values, notices } = parse('sphere.tau=50&sphere.seed=-3');
    expect(values.tau).toBe(10);
    expect(values.seed).toBe(0);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('sphere.tau=50');
    expect(notices[0]).toContain('above the maximum 10');
    expect(notices[1]).toContain('below the minimum 0');
  });

  it('ignores unparseable values with a notice and keeps the defaults', () => {
    const { values, notices } = parse(
      'sphere.tau=abc&sphere.objective=magic&sphere.seed=&sphere.pairs=maybe',
    );
    expect(values).toEqual(defaultValues(schema));
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/not a plain decimal number; using the default 0\.1/);
    expect(notices[1]).toMatch(/not one of infonce, align-uniform, align/);
    expect(notices[2]).toMatch(/sphere\.seed=" is not a plain decimal number/);
    expect(notices[3]).toMatch(/not 1 or 0/);
  });

  it('treats Infinity as unparseable and rounds non-integer ints', () => {
    const { values, notices } = parse('sphere.tau=Infinity&sphere.seed=2.6');
    expect(values.tau).toBe(0.1);
    expect(values.seed).toBe(3);
    expect(notices[1]).toContain('rounded to 3');
  });

  it('reads plain decimals: an optional sign, digits, an optional fraction', () => {
    expect(parse('sphere.tau=.25&sphere.seed=%2B7').values).toMatchObject({ tau: 0.25, seed: 7 });
    expect(parse('sphere.tau=-0.5').notices).toEqual([
      '"sphere.tau=-0.5" is below the minimum 0.01; using 0.01.',
    ]);
  });

  it.each(['0x10', '1e2', ' 42 ', '42 ', '1_000', '0b1', '.', '-', '1.', '1,5'])(
    'ignores the non-decimal number "%s" with a notice',
    (raw) => {
      const query = new URLSearchParams({ 'sphere.tau': raw, 'sphere.seed': raw });
      const { values, notices } = parseUrlState(schema, query, 'sphere');
      expect(values).toEqual(defaultValues(schema));
      expect(notices).toEqual([
        `"sphere.tau=${raw}" is not a plain decimal number; using the default 0.1.`,
        `"sphere.seed=${raw}" is not a plain decimal number; using the default 1.`,
      ]);
    },
  );

  it('flags unknown keys in its own namespace only', () => {
    const { notices } = parse('sphere.colour=red&other.x=1&plain=2');
    expect(notices).toEqual(['"sphere.colour" is not a setting of this figure; ignored.']);
  });
});

describe('writeUrlState', () => {
  it('writes non-default values under the namespace and keeps other params', () => {
    const before = new URLSearchParams('loss.tau=3&sphere.seed=9&q=x&sphere.colour=red');
    const values = { ...defaultValues(schema), tau: 0.2, objective: 'align' as const };
    const after = writeUrlState(schema, values, 'sphere', before);
    expect(after.get('loss.tau')).toBe('3');
    expect(after.get('q')).toBe('x');
    expect(after.get('sphere.tau')).toBe('0.2');
    expect(after.get('sphere.objective')).toBe('align');
    // Back at its default, the seed leaves the link.
    expect(after.has('sphere.seed')).toBe(false);
    expect(after.has('sphere.colour')).toBe(false);
    expect(before.get('sphere.seed')).toBe('9');
  });

  it('strips float noise and clamps what it writes', () => {
    const values = { ...defaultValues(schema), tau: 0.1 * 3, seed: 1e12 };
    const after = writeUrlState(schema, values, 'sphere', new URLSearchParams());
    expect(after.get('sphere.tau')).toBe('0.3');
    expect(after.get('sphere.seed')).toBe(String(2 ** 31 - 1));
  });

  it('round-trips through parseUrlState', () => {
    const values = { tau: 0.0234, objective: 'align-uniform' as const, seed: 123456, pairs: false };
    const params = writeUrlState(schema, values, 'sphere', new URLSearchParams('other=1'));
    expect(parseUrlState(schema, new URLSearchParams(params.toString()), 'sphere')).toEqual({
      values,
      notices: [],
    });
  });
});

describe('defineUrlSchema', () => {
  it('rejects a default outside its range, a bad log range and a foreign enum default', () => {
    expect(() => defineUrlSchema({ a: { type: 'number', min: 0, max: 1, default: 2 } })).toThrow(
      /outside its range/,
    );
    expect(() =>
      defineUrlSchema({ a: { type: 'number', min: 0, max: 1, default: 0.5, scale: 'log' } }),
    ).toThrow(/log scale/);
    expect(() => defineUrlSchema({ a: { type: 'enum', values: ['x'], default: 'y' } })).toThrow(
      /not one of/,
    );
  });
});

describe('clampParam', () => {
  it('clamps, rounds ints and maps NaN to the default', () => {
    expect(clampParam(schema.tau, 0)).toBe(0.01);
    expect(clampParam(schema.seed, 4.4)).toBe(4);
    expect(clampParam(schema.tau, NaN)).toBe(0.1);
  });
});
