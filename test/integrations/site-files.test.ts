import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteFiles } from '../../src/integrations/site-files.ts';
import { tempDir } from '../helpers/temp.ts';

describe('siteFiles', () => {
  test('lists every file below the folder, relative, with / separators, in order, folders and links left out', () => {
    const dir = tempDir('deeds-site-files-');
    for (const path of [
      'zh-hant/deeds/2023/b/index.html',
      'deeds/2023/a/index.html',
      'index.html',
      'data/awardees.json',
    ]) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    }
    mkdirSync(join(dir, 'empty'));
    symlinkSync(join(dir, 'index.html'), join(dir, 'link.html'));
    expect(siteFiles(dir)).toEqual([
      'data/awardees.json',
      'deeds/2023/a/index.html',
      'index.html',
      'zh-hant/deeds/2023/b/index.html',
    ]);
    expect(siteFiles(dir, (name) => name.endsWith('.json'))).toEqual(['data/awardees.json']);
  });
});
