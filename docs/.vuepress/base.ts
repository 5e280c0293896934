/**
 * Normalises the `BASE` environment variable into a VuePress `base` (`/` or `/sub/path/`), so the
 * static build can be hosted under a sub-path.
 *
 * @param raw - the variable's value; empty or missing means the site root
 * @returns a path that starts and ends with `/`
 * @throws if the value contains characters that cannot appear in a URL path segment
 */
export function resolveBase(raw: string | undefined): `/${string}/` | '/' {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[\w\-.~/]+$/.test(trimmed)) {
    throw new Error(`BASE="${raw}" is not a valid URL path (use letters, digits, - _ . ~ and /).`);
  }
  return `/${trimmed}/`;
}
