/**
 * URL state from one declarative schema per figure.
 *
 * A figure declares its shareable parameters once (`defineUrlSchema`); this module parses them from
 * the query string (namespaced, e.g. `sphere.tau=0.1`), clamps or ignores bad values while saying
 * so in plain words, and writes the state back without touching other figures' parameters.
 * Pure functions, except `replaceUrlState`, which needs `window`.
 */

/** A real number in `[min, max]`; `scale: 'log'` only documents intent (e.g. for a log slider). */
export interface NumberParam {
  type: 'number';
  min: number;
  max: number;
  default: number;
  scale?: 'linear' | 'log';
}

/** An integer in `[min, max]` (e.g. a seed or a batch size). */
export interface IntParam {
  type: 'int';
  min: number;
  max: number;
  default: number;
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

/** What `parseUrlState` returns: always a complete, valid state, plus what was corrected. */
export interface ParseResult<S extends UrlSchema> {
  values: UrlValues<S>;
  /** Human-readable sentences, one per clamped, rounded or ignored parameter. */
  notices: string[];
}

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
      if (spec.type === 'number' && spec.scale === 'log' && !(spec.min > 0)) {
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

/** `ns.name`, or just `name` when the namespace is empty. */
export function paramKey(namespace: string, name: string): string {
  return namespace ? `${namespace}.${name}` : name;
}

type Coerced = { value: unknown; notice?: string };

function coerce(spec: ParamSpec, raw: string, key: string): Coerced | null {
  const shown = `${key}=${raw}`;
  switch (spec.type) {
    case 'number':
    case 'int': {
      const text = raw.trim();
      const n = text === '' ? NaN : Number(text);
      if (!Number.isFinite(n)) {
        return {
          value: spec.default,
          notice: `"${shown}" is not a number; using the default ${spec.default}.`,
        };
      }
      let v = n;
      let notice: string | undefined;
      if (spec.type === 'int' && !Number.isInteger(v)) {
        v = Math.round(v);
        notice = `"${shown}" is not a whole number; rounded to ${v}.`;
      }
      if (v < spec.min || v > spec.max) {
        const bound = v < spec.min ? spec.min : spec.max;
        const side = v < spec.min ? 'below the minimum' : 'above the maximum';
        v = bound;
        notice = `"${shown}" is ${side} ${bound}; using ${bound}.`;
      }
      return { value: v, notice };
    }
    case 'enum': {
      if (spec.values.includes(raw)) return { value: raw };
      return {
        value: spec.default,
        notice: `"${shown}" is not one of ${spec.values.join(', ')}; using the default ${spec.default}.`,
      };
    }
    case 'boolean': {
      const t = raw.trim().toLowerCase();
      if (t === '1' || t === 'true') return { value: true };
      if (t === '0' || t === 'false') return { value: false };
      return {
        value: spec.default,
        notice: `"${shown}" is not 1 or 0; using the default ${spec.default ? 1 : 0}.`,
      };
    }
  }
  return null;
}

/**
 * Reads a figure's parameters from `params`. Missing parameters take their defaults silently;
 * out-of-range numbers are clamped, non-integers rounded for `int`, unparseable values and unknown
 * `namespace.*` keys ignored, each with a notice. Never throws on input.
 */
export function parseUrlState<S extends UrlSchema>(
  schema: S,
  params: URLSearchParams,
  namespace: string,
): ParseResult<S> {
  const values = defaultValues(schema) as Record<string, unknown>;
  const notices: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const key = paramKey(namespace, name);
    const raw = params.get(key);
    if (raw === null) continue;
    const result = coerce(spec, raw, key);
    if (!result) continue;
    values[name] = result.value;
    if (result.notice) notices.push(result.notice);
  }
  if (namespace) {
    const prefix = `${namespace}.`;
    for (const key of new Set(params.keys())) {
      if (key.startsWith(prefix) && !(key.slice(prefix.length) in schema)) {
        notices.push(`"${key}" is not a setting of this figure; ignored.`);
      }
    }
  }
  return { values: values as UrlValues<S>, notices };
}

/** Clamps a number into the declaration's range (and to an integer for `int`); NaN → default. */
export function clampParam(spec: NumberParam | IntParam, v: number): number {
  if (Number.isNaN(v)) return spec.default;
  const r = spec.type === 'int' ? Math.round(v) : v;
  return Math.min(spec.max, Math.max(spec.min, r));
}

/** Text form of a value in the URL: reals to 6 significant digits (no float noise), ints exact. */
function format(spec: ParamSpec, value: unknown): string {
  if (spec.type === 'boolean') return value ? '1' : '0';
  if (spec.type === 'enum') return String(value);
  const v = clampParam(spec, Number(value));
  return String(spec.type === 'int' ? v : Number(v.toPrecision(6)));
}

/**
 * Returns a copy of `params` with the figure's parameters written under `namespace`. Values equal
 * to their default are removed (short links), and so are unknown keys in the namespace; other
 * keys, including other figures', are kept.
 */
export function writeUrlState<S extends UrlSchema>(
  schema: S,
  values: UrlValues<S>,
  namespace: string,
  params: URLSearchParams,
): URLSearchParams {
  const out = new URLSearchParams(params);
  if (namespace) {
    const prefix = `${namespace}.`;
    for (const key of new Set(params.keys())) {
      if (key.startsWith(prefix) && !(key.slice(prefix.length) in schema)) out.delete(key);
    }
  }
  for (const [name, spec] of Object.entries(schema)) {
    const key = paramKey(namespace, name);
    const text = format(spec, (values as Record<string, unknown>)[name]);
    if (text === format(spec, spec.default)) out.delete(key);
    else out.set(key, text);
  }
  return out;
}

/**
 * Writes the figure's state into the address bar with `history.replaceState` (no new history
 * entry), keeping the path, the hash, other parameters and `history.state` (the router's own
 * bookkeeping lives there). Does nothing outside a browser or when nothing changes.
 */
export function replaceUrlState<S extends UrlSchema>(
  schema: S,
  values: UrlValues<S>,
  namespace: string,
): void {
  if (typeof window === 'undefined') return;
  const { location, history } = window;
  const next = writeUrlState(schema, values, namespace, new URLSearchParams(location.search));
  const search = next.toString();
  if (search === location.search.replace(/^\?/, '')) return;
  const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  history.replaceState(history.state, '', url);
}
