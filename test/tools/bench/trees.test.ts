import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareTrees, copyFits, countFiles, treeBytes } from '../../../tools/bench/trees.ts';
import { tempDir } from '../../helpers/temp.ts';

/** A tree of files under a new folder: path → content. */
function tree(files: Record<string, string>): string {
  const root = tempDir('deeds-trees-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const SITE = {
  'index.html': '<h1>首页</h1>',
  'deeds/2016/deed-00001/index.html': '<p>扎根基层。守护健康。</p>',
  'deeds/2016/deed-00001/index.html.gz': 'gz',
  'deeds/2016/deed-00002/index.html': '<p>连续坚守。</p>',
  'pagefind/index/a.pf_index': 'chunk',
};

describe('compareTrees', () => {
  test.each([
    ['the same files', {}, true, []],
    [
      'one file with other bytes',
      { 'deeds/2016/deed-00002/index.html': '<p>连续坚守！</p>' },
      false,
      [{ path: 'deeds/2016/deed-00002/index.html', kind: 'content' }],
    ],
    [
      'a file only in the second tree',
      { 'deeds/2016/deed-00003/index.html': '<p>新</p>' },
      false,
      [{ path: 'deeds/2016/deed-00003/index.html', kind: 'extra' }],
    ],
    ['a file one byte longer', { 'index.html': '<h1>首页</h1>\n' }, false, [{ path: 'index.html', kind: 'content' }]],
  ])('%s', (_, changes, identical, differing) => {
    const first = tree(SITE);
    const second = tree({ ...SITE, ...changes });
    const result = compareTrees(first, second);
    expect(result.identical).toBe(identical);
    expect(result.differing).toEqual(differing);
    expect(result.differingCount).toBe(differing.length);
  });

  test('a file missing from the second tree, and a whole folder missing', () => {
    const { 'deeds/2016/deed-00002/index.html': _, ...withoutOne } = SITE;
    expect(compareTrees(tree(SITE), tree(withoutOne)).differing).toEqual([
      { path: 'deeds/2016/deed-00002/index.html', kind: 'missing' },
    ]);
    const { 'pagefind/index/a.pf_index': __, ...withoutIndex } = SITE;
    const result = compareTrees(tree(SITE), tree(withoutIndex));
    expect(result.differing).toEqual([{ path: 'pagefind/index/a.pf_index', kind: 'missing' }]);
    expect(result.files).toBe(5);
  });

  test('every file is counted, the differing ones listed up to the limit', () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`p/${String(i).padStart(2, '0')}.html`, `${i}`]),
    );
    const changed = Object.fromEntries(Object.keys(many).map((path) => [path, 'x']));
    const result = compareTrees(tree(many), tree(changed), 3);
    expect(result.files).toBe(30);
    expect(result.differingCount).toBe(30);
    expect(result.differing.map((d) => d.path)).toEqual(['p/00.html', 'p/01.html', 'p/02.html']);
  });

  test('a missing tree differs in every file of the other', () => {
    const result = compareTrees(tree(SITE), join(tempDir('deeds-trees-'), 'dist'));
    expect(result.identical).toBe(false);
    expect(result.differingCount).toBe(5);
  });

  test('countFiles counts files in nested folders, by name; treeBytes adds their sizes', () => {
    const root = tree(SITE);
    expect(countFiles(root)).toBe(5);
    expect(countFiles(root, (path) => path.endsWith('.html'))).toBe(3);
    expect(treeBytes(root)).toBe(Object.values(SITE).reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  });

  const GB = 2 ** 30;
  test.each([
    [60 * GB, 27 * GB, true],
    [34 * GB, 27 * GB, false],
    [2 * GB, 0.5 * GB, true],
    [1.5 * GB, 0.5 * GB, false],
  ])('a second site fits: %d bytes free, %d bytes of site → %s', (free, site, fits) => {
    expect(copyFits(free, site)).toBe(fits);
  });
});
