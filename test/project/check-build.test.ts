/**
 * The build fails on content errors, listing every error of every file with its line — and so
 * nothing of a hostile or broken file reaches `dist/`. A fixture site in a temporary folder
 * shares this project's code (symlinks) and has its own `content/`.
 */
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { source } from '../pipeline/check/harness.ts';
import { tempDir } from '../helpers/temp.ts';

function fixtureSite(files: Record<string, string>): string {
  const root = tempDir('deeds-site-');
  for (const name of ['src', 'node_modules', 'public', 'package.json', 'tsconfig.json', 'astro.config.mjs']) {
    if (existsSync(join(PROJECT_ROOT, name))) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  }
  for (const name of ['units.yaml', 'glossary.yaml']) {
    if (existsSync(join(PROJECT_ROOT, 'content', name))) {
      mkdirSync(join(root, 'content'), { recursive: true });
      cpSync(join(PROJECT_ROOT, 'content', name), join(root, 'content', name));
    }
  }
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), value);
  }
  return root;
}

describe('a build with broken content', () => {
  test('fails, listing every error of every file with file, line and column', async () => {
    const root = fixtureSite({
      'content/deeds/2023/broken.mdx': source('**市卫生局，效劳群众。\n\n手机13812345678。\n'),
      'content/deeds/2023/hostile.mdx': source('正文。\n\n<script>alert(document.cookie)</script>\n', {
        frontmatter: { subject: { name: '王芳', type: 'person' } },
      }),
    });
    let log = '';
    try {
      await buildSite({ root, name: 'check-broken' });
    } catch (error) {
      log = (error as Error).message;
    }
    expect(log).toContain('site build failed');
    expect(log).toMatch(/content\/deeds\/2023\/broken\.mdx:10:1 {2}error {2}.+ {2}placeholder/);
    expect(log).toMatch(/content\/deeds\/2023\/broken\.mdx:12:3 {2}error {2}.+ {2}privacy/);
    expect(log).toMatch(/content\/deeds\/2023\/hostile\.mdx:12:1 {2}error {2}.+ {2}mdx-safety/);
    expect(log).not.toContain('13812345678');
  }, 600_000);
});
