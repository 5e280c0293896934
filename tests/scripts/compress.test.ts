import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/compress.mjs';

describe('precompress', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contrastive-compress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a gzip copy of large text files, in subfolders too, that unpacks to the original', async () => {
    const script = 'export const answer = 42;\n'.repeat(200);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets/app.js'), script);
    writeFileSync(join(dir, 'index.html'), '<p>contrastive</p>\n'.repeat(100));
    const result = await precompress(dir);
    expect(result.files).toBe(2);
    const packed = readFileSync(join(dir, 'assets/app.js.gz'));
    expect(gunzipSync(packed).toString()).toBe(script);
    expect(result.bytes).toBe(packed.length + readFileSync(join(dir, 'index.html.gz')).length);
  });

  it('skips small files, files gzip cannot shrink, and formats that are compressed already', async () => {
    writeFileSync(join(dir, 'tiny.css'), 'a{}');
    // Random bytes do not compress.
    writeFileSync(join(dir, 'noise.js'), randomBytes(4096));
    writeFileSync(join(dir, 'font.woff2'), Buffer.alloc(8192));
    const result = await precompress(dir);
    expect(result.files).toBe(0);
    for (const name of ['tiny.css', 'noise.js', 'font.woff2']) {
      expect(existsSync(join(dir, `${name}.gz`))).toBe(false);
    }
  });
});
