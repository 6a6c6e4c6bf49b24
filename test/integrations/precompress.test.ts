import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { precompressDir, precompressEnabled } from '../../src/integrations/precompress.ts';
import { tempDir } from '../helpers/temp.ts';

describe('precompress', () => {
  test('writes .gz and .br twins of text files that decompress to the original, and nothing else', async () => {
    const dir = tempDir('deeds-precompress-');
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    const page = '<!doctype html><title>通知公告</title>' + '<p>卫生健康先进事迹</p>'.repeat(200);
    const files: Record<string, string | Buffer> = {
      'index.html': page,
      'data/awardees.json': JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ name: `张${i}`, year: 2024 }))),
      'data/deadlines.ics': 'BEGIN:VCALENDAR\r\n'.repeat(50),
      'pagefind/fragment/a.pf_fragment': gzipSync(page),
      'photo.jpg': Buffer.alloc(2048, 7),
      'tiny.txt': 'a',
    };
    for (const [path, data] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const result = await precompressDir(dir, 2);
    expect(result.files).toBe(4);
    for (const path of ['index.html', 'data/awardees.json', 'data/deadlines.ics']) {
      const original = readFileSync(join(dir, path));
      expect(gunzipSync(readFileSync(join(dir, `${path}.gz`))).equals(original), path).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(dir, `${path}.br`))).equals(original), path).toBe(true);
    }
    // Already compressed, not text, or no smaller: no twin.
    for (const path of ['pagefind/fragment/a.pf_fragment', 'photo.jpg', 'tiny.txt']) {
      expect(existsSync(join(dir, `${path}.gz`)), path).toBe(false);
      expect(existsSync(join(dir, `${path}.br`)), path).toBe(false);
    }
  });

  test('in worker threads and from the cache, writes the same twins as one thread without it', async () => {
    // More files than the build compresses in its own thread, so the workers run.
    const site = () => {
      const dir = tempDir('deeds-precompress-');
      for (let i = 0; i < 260; i++) {
        mkdirSync(join(dir, 'deeds', String(i)), { recursive: true });
        writeFileSync(
          join(dir, 'deeds', String(i), 'index.html'),
          `<p>第${i}篇</p>` + '<p>扎根基层守护健康</p>'.repeat(40 + i),
        );
      }
      return dir;
    };
    const twins = (dir: string) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((name) => /\.(gz|br)$/.test(name))
        .sort()
        .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]);
    const plain = site();
    await precompressDir(plain, 1);
    const cacheDir = tempDir('deeds-precompress-cache-');
    const first = site();
    const cold = await precompressDir(first, 2, cacheDir);
    expect(cold.compressed).toBe(260);
    expect(twins(first)).toEqual(twins(plain));
    // Nothing changed: nothing compressed, the twins are links to the cache.
    const second = site();
    writeFileSync(join(second, 'deeds', '7', 'index.html'), '<p>改过的一篇</p>'.repeat(80));
    const warm = await precompressDir(second, 2, cacheDir);
    expect(warm.compressed).toBe(1);
    expect(statSync(join(second, 'deeds', '8', 'index.html.br')).nlink).toBeGreaterThan(1);
    expect(brotliDecompressSync(readFileSync(join(second, 'deeds', '7', 'index.html.br'))).toString()).toBe(
      '<p>改过的一篇</p>'.repeat(80),
    );
    // The cache keeps only what the last run used: the old page 7's twins are gone.
    expect(readdirSync(cacheDir)).toHaveLength(2 * 260);
  });

  test('is on unless DEEDS_PRECOMPRESS turns it off', () => {
    expect(precompressEnabled({})).toBe(true);
    expect(precompressEnabled({ DEEDS_PRECOMPRESS: '1' })).toBe(true);
    for (const value of ['0', 'false', 'off', 'no'])
      expect(precompressEnabled({ DEEDS_PRECOMPRESS: value })).toBe(false);
  });
});
