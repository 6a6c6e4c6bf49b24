import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cacheFolder, linkOrCopy, pruneCache, writeCached } from '../../src/integrations/cached-files.ts';
import { tempDir } from '../helpers/temp.ts';

describe('build caches', () => {
  test('a step keeps its cache in a folder of its own inside Astro’s cache folder, and none without one', () => {
    expect(cacheFolder(pathToFileURL('/p/node_modules/.astro/outputs/ab12/'), 'deeds-traditional')).toBe(
      join('/p/node_modules/.astro/outputs/ab12', 'deeds-traditional'),
    );
    expect(cacheFolder(undefined, 'deeds-traditional')).toBeUndefined();
  });

  test('a cached file is written whole, linked into the site, and pruned when the build no longer uses it', async () => {
    const cache = tempDir('deeds-cache-');
    const site = tempDir('deeds-cache-site-');
    writeCached(join(cache, 'a.html'), '<p>甲</p>');
    writeCached(join(cache, 'a.html'), '<p>甲</p>');
    writeCached(join(cache, 'b.html'), Buffer.from('<p>乙</p>'));
    mkdirSync(join(cache, 'part-1'));
    writeFileSync(join(cache, 'c.html.123-0-1.partial'), 'half');
    expect(readdirSync(cache).sort()).toEqual(['a.html', 'b.html', 'c.html.123-0-1.partial', 'part-1']);

    writeFileSync(join(site, 'a.html'), 'old');
    linkOrCopy(join(cache, 'a.html'), join(site, 'a.html'));
    expect(readFileSync(join(site, 'a.html'), 'utf8')).toBe('<p>甲</p>');
    expect(statSync(join(site, 'a.html')).nlink).toBe(2);

    await pruneCache(cache, new Set(['a.html', 'part-1']));
    expect(readdirSync(cache).sort()).toEqual(['a.html', 'part-1']);
    await pruneCache(join(cache, 'missing'), new Set());
  });
});
