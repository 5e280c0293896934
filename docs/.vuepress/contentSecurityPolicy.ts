// The Content-Security-Policy every built page carries as a `<meta http-equiv>`, so that a static
// host serves it without any header configuration. Inline scripts are allowed by their SHA-256
// hashes, computed from the generated pages themselves.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vuepress/core';
import { fs } from 'vuepress/utils';

/** Inline scripts: `<script>` elements without a `src`, and their text. */
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The charset declaration the policy goes right after (it must precede what it governs). */
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * The `'sha256-…'` source of each distinct inline script in a page, in order of appearance.
 *
 * @param html a built page
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`,
  );
  return [...new Set(hashes)];
}

/**
 * The policy for a page whose inline scripts have `scriptHashes`. Why each allowance is there:
 * - `'wasm-unsafe-eval'`: compiling WebAssembly, which the WASM backend of TensorFlow.js needs.
 *   Without it the backend fails its check and every figure falls back to the next backend, which
 *   in a browser without a hardware GPU is WebGL on a software renderer.
 * - `style-src 'unsafe-inline'`: the theme's `<style>` block, KaTeX's hundreds of `style`
 *   attributes and Vue's style bindings. (A hash would switch `'unsafe-inline'` off for all of them.)
 * - `img-src data:`: the theme's icons, which its stylesheet embeds as `data:` SVG images.
 *
 * `frame-ancestors`, `report-uri` and `sandbox` are left out: browsers ignore them in a meta tag.
 *
 * @param scriptHashes `'sha256-…'` sources from {@link inlineScriptHashes}
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes, "'wasm-unsafe-eval'"].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * A built page with its policy in a `<meta http-equiv="Content-Security-Policy">` right after
 * the charset declaration, before any script or style it governs.
 *
 * @param html a page as VuePress wrote it
 * @throws if the page has no `<meta charset>` (a changed VuePress template) or already has a policy
 */
export function withContentSecurityPolicy(html: string): string {
  if (/http-equiv="Content-Security-Policy"/i.test(html)) {
    throw new Error('contentSecurityPolicy: the page already has a policy.');
  }
  if (!CHARSET.test(html)) {
    throw new Error('contentSecurityPolicy: no <meta charset> in a built page; update the plugin.');
  }
  const policy = contentSecurityPolicy(inlineScriptHashes(html));
  return html.replace(
    CHARSET,
    (charset) => `${charset}<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  );
}

/**
 * The plugin: adds each page's policy. Must come after every plugin that edits the pages and
 * before the PWA plugin, whose service worker records each page's contents.
 */
export const contentSecurityPolicyPlugin = (): Plugin => ({
  name: 'contrastive:content-security-policy',
  async onGenerated(app) {
    for (const page of app.pages) {
      if (!page.htmlFilePathRelative) continue;
      const path = app.dir.dest(page.htmlFilePathRelative);
      await fs.writeFile(path, withContentSecurityPolicy(await fs.readFile(path, 'utf8')));
    }
  },
});
