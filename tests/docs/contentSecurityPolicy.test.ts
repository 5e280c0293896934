import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  withContentSecurityPolicy,
} from '../../docs/.vuepress/contentSecurityPolicy';

const sha256 = (code: string) =>
  `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

const THEME_SCRIPT = "\n  document.documentElement.dataset.theme = 'dark' // “dark”\n";

const page = (head: string) =>
  `<!doctype html><html><head><meta charset="utf-8" />${head}</head>` +
  '<body><script type="module" src="/assets/app.js" defer></script></body></html>';

/** The policy in a page's meta tag, one directive per entry. */
const directives = (html: string) =>
  (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '').split(
    '; ',
  );

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, once per distinct script', () => {
    const html = page(`<script>${THEME_SCRIPT}</script><script>${THEME_SCRIPT}</script>`);
    expect(inlineScriptHashes(html)).toEqual([sha256(THEME_SCRIPT)]);
  });

  it('skips scripts loaded from a file', () => {
    expect(inlineScriptHashes(page(''))).toEqual([]);
  });
});

describe('withContentSecurityPolicy', () => {
  it("allows the page's inline script by its sha256, and WebAssembly", () => {
    const html = withContentSecurityPolicy(page(`<script>${THEME_SCRIPT}</script>`));
    expect(directives(html)).toContain(
      `script-src 'self' ${sha256(THEME_SCRIPT)} 'wasm-unsafe-eval'`,
    );
  });

  it('puts the policy before the first script and style it governs', () => {
    const html = withContentSecurityPolicy(page('<style>a{}</style><script>x()</script>'));
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(meta).toBeLessThan(html.indexOf('<style>'));
  });

  it('forbids plugins, foreign hosts and a changed base', () => {
    const policy = directives(withContentSecurityPolicy(page('')));
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'self'",
      ]),
    );
    expect(policy.join('; ')).toBe(contentSecurityPolicy([]));
  });

  it('refuses a page without a charset declaration, or with a policy already', () => {
    expect(() => withContentSecurityPolicy('<html><head></head></html>')).toThrow(/charset/);
    const once = withContentSecurityPolicy(page(''));
    expect(() => withContentSecurityPolicy(once)).toThrow(/already/);
  });
});
