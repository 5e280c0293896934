/**
 * URL state from one declarative schema per figure.
 *
 * A figure declares its settings once (`defineUrlSchema` in src/settings/schema.ts); this module parses them from
 * the query string (namespaced, e.g. `sphere.tau=0.1`), clamps or ignores bad values while saying
 * so in plain words, and writes the state back without touching other figures' parameters.
 * A number in the URL is plain decimal: digits with an optional sign and an optional fraction
 * (`0.5`, `-3`, `.25`). Anything else — spaces, `0x10`, `1e2`, `Infinity` — is ignored with a notice.
 * Pure functions, except `replaceUrlState`, which needs `window`.
 */
import {
  defaultValues,
  clampParam,
  type ParamSpec,
  type UrlSchema,
  type UrlValues,
} from '../settings/schema';

/** What `parseUrlState` returns: always a complete, valid state, plus what was corrected. */
export interface ParseResult<S extends UrlSchema> {
  values: UrlValues<S>;
  /** Human-readable sentences, one per clamped, rounded or ignored parameter. */
  notices: string[];
}

/** `ns.name`, or just `name` when the namespace is empty. */
export function paramKey(namespace: string, name: string): string {
  return namespace ? `${namespace}.${name}` : name;
}

type Coerced = { value: unknown; notice?: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

function coerce(spec: ParamSpec, raw: string, key: string): Coerced | null {
  const shown = `${key}=${raw}`;
  switch (spec.type) {
    case 'number':
    case 'int': {
      if (!DECIMAL.test(raw)) {
        return {
          value: spec.default,
          notice: `"${shown}" is not a plain decimal number; using the default ${spec.default}.`,
        };
      }
      let v = Number(raw);
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
 * bookkeeping lives there). Does nothing outside a browser or when nothing changes. The router does
 * not see this write; docs/.vuepress/keepAddressQuery.ts makes its navigations within the page keep it.
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
