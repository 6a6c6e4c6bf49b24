import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { traditionalVariant } from '../../src/integrations/traditional-variant.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(pages: number): string {
  const root = mkdtempSync(join(tmpdir(), 'deeds-variant-'));
  dirs.push(root);
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, 'content', 'glossary.yaml'), '- simplified: 钟乾\n  traditional: 鍾乾\n');
  const dist = join(root, 'dist');
  for (let i = 0; i < pages; i++) {
    mkdirSync(join(dist, 'p', String(i)), { recursive: true });
    writeFileSync(
      join(dist, 'p', String(i), 'index.html'),
      `<html lang="zh-Hans"><body><a href="/p/${i}/">钟乾 第${i}页 卫生院</a></body></html>`,
    );
  }
  writeFileSync(join(dist, 'index.html'), '<html lang="zh-Hans"><body>首页</body></html>');
  mkdirSync(join(dist, 'data'));
  writeFileSync(join(dist, 'data', 'x.html'), '不转换');
  return root;
}

async function run(
  root: string,
  options: Parameters<typeof traditionalVariant>[0],
  said: string[] = [],
  cache = false,
) {
  const integration = traditionalVariant(options);
  const hooks = integration.hooks as Record<string, (params: unknown) => unknown>;
  const logger = { info: (line: string) => said.push(line), warn: () => undefined };
  const config = { site: 'https://example.org', root: pathToFileURL(`${root}/`) };
  await hooks['astro:config:done']!({
    config: cache ? { ...config, cacheDir: pathToFileURL(join(root, 'cache/')) } : config,
  });
  await hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'dist/')), logger, pages: [] });
  return integration;
}

describe('traditionalVariant', () => {
  test.each([
    ['in the build thread', { workers: 1 }],
    ['in worker threads', { workers: 2, minPagesForWorkers: 0 }],
  ])('converts every page %s, keeps glossary terms, lists them for the sitemap', async (_, options) => {
    const root = site(5);
    const integration = await run(root, options);
    const page = readFileSync(join(root, 'dist/zh-hant/p/3/index.html'), 'utf8');
    expect(page).toBe('<html lang="zh-Hant"><body><a href="/zh-hant/p/3/">鍾乾 第3頁 衛生院</a></body></html>');
    expect(readFileSync(join(root, 'dist/zh-hant/index.html'), 'utf8')).toContain('首頁');
    expect(existsSync(join(root, 'dist/zh-hant/data/x.html'))).toBe(false);
    expect(integration.sitemapPages).toHaveLength(6);
    expect(integration.sitemapPages).toContain('https://example.org/zh-hant/p/3/');
  });
});

describe('traditionalVariant with a cache folder', () => {
  test('converts only the pages whose simplified HTML changed, and writes what a conversion writes', async () => {
    const root = site(5);
    const fresh = site(5);
    await run(fresh, { workers: 1 });
    const first: string[] = [];
    await run(root, { workers: 1 }, first, true);
    expect(first.join('\n')).toContain('新转换 6 页');
    // The next build: Astro writes the site anew, one page edited.
    rmSync(join(root, 'dist/zh-hant'), { recursive: true });
    writeFileSync(join(root, 'dist/p/2/index.html'), '<html lang="zh-Hans"><body>钟乾 改过的页</body></html>');
    writeFileSync(join(fresh, 'dist/p/2/index.html'), '<html lang="zh-Hans"><body>钟乾 改过的页</body></html>');
    await run(fresh, { workers: 1 });
    const second: string[] = [];
    await run(root, { workers: 1 }, second, true);
    expect(second.join('\n')).toContain('新转换 1 页');
    for (const page of ['index.html', 'p/2/index.html', 'p/3/index.html']) {
      expect(readFileSync(join(root, 'dist/zh-hant', page), 'utf8')).toBe(
        readFileSync(join(fresh, 'dist/zh-hant', page), 'utf8'),
      );
    }
    expect(readFileSync(join(root, 'dist/zh-hant/p/2/index.html'), 'utf8')).toContain('鍾乾 改過的頁');
  });
});
