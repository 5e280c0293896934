import { describe, expect, it } from 'vitest';
import {
  checkSettings,
  defaultParams,
  defineUrlSchema,
  paramsParser,
  parseSettings,
  withoutSeed,
} from '../../src/settings/schema';

const SCHEMA = defineUrlSchema({
  tau: { type: 'number', min: 0.02, max: 2, default: 0.5, scale: 'log' },
  batch: { type: 'int', min: 8, max: 256, default: 64 },
  mode: { type: 'enum', values: ['a', 'b'], default: 'a' },
  flip: { type: 'boolean', default: false },
  seed: { type: 'int', min: 0, max: 99, default: 1 },
});
const GOOD = { tau: 0.1, batch: 32, mode: 'b', flip: true };

describe('parseSettings', () => {
  it('passes valid values through untouched, without the skipped keys', () => {
    expect(parseSettings(SCHEMA, { ...GOOD, seed: 5 }, 'test', ['seed'])).toEqual(GOOD);
  });

  it('clamps nothing: each out-of-range, mistyped or missing field is named', () => {
    const { problems } = checkSettings(SCHEMA, { tau: 3, batch: 8.5, mode: 'c', flip: 1 }, [
      'seed',
    ]);
    expect(problems).toEqual([
      '"tau" must lie in [0.02, 2] (got 3).',
      '"batch" must be a whole number (got 8.5).',
      '"mode" must be one of a, b (got "c").',
      '"flip" must be true or false (got 1).',
    ]);
    expect(checkSettings(SCHEMA, { ...GOOD, tau: '0.1' }, ['seed']).problems).toEqual([
      '"tau" must be a finite number (got "0.1").',
    ]);
    expect(checkSettings(SCHEMA, { ...GOOD, tau: NaN }, ['seed']).problems).toHaveLength(1);
    expect(() => parseSettings(SCHEMA, { tau: 0.1 }, 'test', ['seed'])).toThrow(
      /^Bad test parameters: "batch" is missing\. "mode" is missing\. "flip" is missing\.$/,
    );
  });

  it('refuses what is not an object', () => {
    expect(() => parseSettings(SCHEMA, null, 'test')).toThrow(/must be an object/);
    expect(() => parseSettings(SCHEMA, 'tau=0.1', 'test')).toThrow(/must be an object/);
  });
});

describe('withoutSeed', () => {
  it('drops the seed and keeps the rest', () => {
    expect(withoutSeed({ ...GOOD, seed: 3 })).toEqual(GOOD);
  });
});

describe("a trainer's params", () => {
  it("defaults to the schema's defaults without the seed, frozen", () => {
    const defaults = defaultParams(SCHEMA);
    expect(defaults).toEqual({ tau: 0.5, batch: 64, mode: 'a', flip: false });
    expect(Object.isFrozen(defaults)).toBe(true);
  });

  it('are parsed strictly, the seed aside', () => {
    const parse = paramsParser(SCHEMA, 'test');
    expect(parse({ ...GOOD, seed: 7 })).toEqual(GOOD);
    expect(() => parse({ ...GOOD, batch: 4 })).toThrow(
      /^Bad test parameters: "batch" must lie in \[8, 256\] \(got 4\)\.$/,
    );
  });
});
