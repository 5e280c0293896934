import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { withOptionalFontDisplay } from '../../docs/.vuepress/katexFontDisplay';

describe('withOptionalFontDisplay', () => {
  it("sets every one of KaTeX's font faces to font-display: optional", () => {
    const css = readFileSync(
      createRequire(import.meta.url).resolve('katex/dist/katex.css'),
      'utf8',
    );
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces.length).toBeGreaterThan(10);
    const rewritten = withOptionalFontDisplay(css).match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(rewritten).toHaveLength(faces.length);
    for (const face of rewritten) expect(face).toMatch(/font-display:\s*optional/);
  });
});
