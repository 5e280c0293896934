// A figure's settings, declared once: the type, range, scale and default of every value. The URL
// state, the sliders and the training worker all read the same declaration. Pure: imports nothing.

/** A real number in `[min, max]`; `scale: 'log'` makes its slider logarithmic. */
export interface NumberParam {
  type: 'number';
  min: number;
  max: number;
  default: number;
  scale?: 'linear' | 'log';
}

/** An integer in `[min, max]` (e.g. a seed or a batch size); `scale: 'log'` as for numbers. */
export interface IntParam {
  type: 'int';
  min: number;
  max: number;
  default: number;
  scale?: 'linear' | 'log';
}

/** One of a fixed list of strings (e.g. the objective). */
export interface EnumParam<V extends string = string> {
  type: 'enum';
  values: readonly V[];
  default: V;
}

/** A flag, written as `1`/`0` (also reads `true`/`false`). */
export interface BooleanParam {
  type: 'boolean';
  default: boolean;
}

/** The declaration of one URL parameter. */
export type ParamSpec = NumberParam | IntParam | EnumParam | BooleanParam;

/** A figure's URL schema: parameter name → declaration. */
export type UrlSchema = Record<string, ParamSpec>;

/** The value type a declaration yields. */
export type ParamValue<P extends ParamSpec> =
  P extends EnumParam<infer V> ? V : P extends BooleanParam ? boolean : number;

/** The validated values of a whole schema. */
export type UrlValues<S extends UrlSchema> = { -readonly [K in keyof S]: ParamValue<S[K]> };

/**
 * Declares a figure's schema. Checks the declaration itself (defaults inside their ranges, a
 * non-empty enum) so a mistake shows up at import time, and keeps literal enum types.
 */
export function defineUrlSchema<const S extends UrlSchema>(schema: S): S {
  for (const [name, spec] of Object.entries(schema)) {
    if (!/^[A-Za-z][\w-]*$/.test(name)) throw new Error(`URL parameter name "${name}" is invalid`);
    if (spec.type === 'number' || spec.type === 'int') {
      if (!(spec.min <= spec.default && spec.default <= spec.max)) {
        throw new Error(`URL parameter "${name}": default ${spec.default} is outside its range`);
      }
      if (spec.scale === 'log' && !(spec.min > 0)) {
        throw new Error(`URL parameter "${name}": a log scale needs min > 0`);
      }
    } else if (spec.type === 'enum' && !spec.values.includes(spec.default)) {
      throw new Error(
        `URL parameter "${name}": default "${spec.default}" is not one of its values`,
      );
    }
  }
  return schema;
}

/** The schema's default values. */
export function defaultValues<S extends UrlSchema>(schema: S): UrlValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) out[name] = spec.default;
  return out as UrlValues<S>;
}

/** Clamps a number into the declaration's range (and to an integer for `int`); NaN → default. */
export function clampParam(spec: NumberParam | IntParam, v: number): number {
  if (Number.isNaN(v)) return spec.default;
  const r = spec.type === 'int' ? Math.round(v) : v;
  return Math.min(spec.max, Math.max(spec.min, r));
}

/** A figure's settings without its seed (the seed travels beside them, not inside). */
export type WithoutSeed<V> = Omit<V, 'seed'>;

/** `values` without the `seed` key. */
export function withoutSeed<V extends { seed: number }>(values: V): WithoutSeed<V> {
  const rest: Partial<V> = { ...values };
  delete rest.seed;
  return rest as WithoutSeed<V>;
}

/** Why one value does not satisfy its declaration, or null when it does (no clamping). */
function problemWith(name: string, spec: ParamSpec, value: unknown): string | null {
  const got = ` (got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}).`;
  switch (spec.type) {
    case 'number':
    case 'int':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `"${name}" must be a finite number${got}`;
      }
      if (spec.type === 'int' && !Number.isInteger(value)) {
        return `"${name}" must be a whole number${got}`;
      }
      if (value < spec.min || value > spec.max) {
        return `"${name}" must lie in [${spec.min}, ${spec.max}]${got}`;
      }
      return null;
    case 'enum':
      return spec.values.includes(value as string)
        ? null
        : `"${name}" must be one of ${spec.values.join(', ')}${got}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${name}" must be true or false${got}`;
  }
}

/** What {@link checkSettings} found: the fields that passed, and a sentence per field that did not. */
export interface SettingsCheck<V> {
  values: V;
  problems: string[];
}

/**
 * Checks untrusted values (a worker message, a test) against the schema, keys in `skip` aside:
 * every other field must be present, of its declared type and inside its range. Nothing is
 * clamped or coerced — a figure sends only values its sliders and URL state already clamped, so
 * anything off is a bug worth a clear error.
 */
export function checkSettings<S extends UrlSchema, K extends keyof S & string = never>(
  schema: S,
  input: unknown,
  skip: readonly K[] = [],
): SettingsCheck<Omit<UrlValues<S>, K>> {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null) problems.push('they must be an object.');
  else {
    for (const [name, spec] of Object.entries(schema)) {
      if ((skip as readonly string[]).includes(name)) continue;
      const value = record[name];
      const problem =
        value === undefined ? `"${name}" is missing.` : problemWith(name, spec, value);
      if (problem) problems.push(problem);
      else values[name] = value;
    }
  }
  return { values: values as Omit<UrlValues<S>, K>, problems };
}

/**
 * {@link checkSettings}, throwing on any problem: the one range check between a slider and the
 * code that uses its value.
 *
 * @param label - names the settings in the error (e.g. `sphere`).
 * @throws an Error naming each bad field
 */
export function parseSettings<S extends UrlSchema, K extends keyof S & string = never>(
  schema: S,
  input: unknown,
  label: string,
  skip: readonly K[] = [],
): Omit<UrlValues<S>, K> {
  const { values, problems } = checkSettings(schema, input, skip);
  if (problems.length) throw new Error(`Bad ${label} parameters: ${problems.join(' ')}`);
  return values;
}

/** A trainer's parameters: its settings without the seed, which travels beside them. */
export type TrainerParams<S extends UrlSchema> = WithoutSeed<UrlValues<S>>;

/** A trainer's default parameters (the schema's defaults without the seed), frozen. */
export function defaultParams<S extends UrlSchema & { seed: IntParam }>(
  schema: S,
): Readonly<TrainerParams<S>> {
  const values = defaultValues(schema) as UrlValues<S> & { seed: number };
  return Object.freeze(withoutSeed(values) as TrainerParams<S>);
}

/**
 * The strict parser of a trainer's parameters: {@link parseSettings} over every setting but the
 * seed, for the worker to check what a page sends.
 */
export function paramsParser<S extends UrlSchema & { seed: IntParam }>(
  schema: S,
  label: string,
): (input: unknown) => TrainerParams<S> {
  return (input) => parseSettings(schema, input, label, ['seed']) as TrainerParams<S>;
}
