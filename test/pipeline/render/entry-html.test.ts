import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyFolder, entryHtml, pruneBodies, storeBody, writeBody } from '../../../src/pipeline/render/entry-html.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('entry bodies outside the data store', () => {
  test('a body is written once by digest, read back, and pruned when no entry names it', () => {
    const cache = tempDir('deeds-bodies-');
    const root = tempDir('deeds-project-');
    const folder = bodyFolder(cache, root, 'deeds');
    const a = writeBody(folder, 'aaa', '<p>甲</p>');
    const b = writeBody(folder, 'bbb', '<p>乙</p>');
    expect(writeBody(folder, 'aaa', '<p>甲</p>')).toBe(a);
    expect(entryHtml({ rendered: { html: '', metadata: { htmlFile: a } } })).toBe('<p>甲</p>');
    pruneBodies(folder, new Set([b]));
    expect(readdirSync(folder)).toEqual(['bbb.html']);
  });

  test('an entry stored with its HTML inline still renders', () => {
    expect(entryHtml({ rendered: { html: '<p>丙</p>' } })).toBe('<p>丙</p>');
    expect(entryHtml({})).toBe('');
  });

  test('projects sharing a cache folder keep apart; a project that is gone is cleared away', () => {
    const cache = tempDir('deeds-bodies-');
    const one = tempDir('deeds-project-');
    const two = tempDir('deeds-project-');
    const first = bodyFolder(cache, one, 'deeds');
    const second = bodyFolder(cache, two, 'deeds');
    expect(first).not.toBe(second);
    writeBody(first, 'x', '<p>一</p>');
    rmSync(one, { recursive: true, force: true });
    const third = bodyFolder(cache, tempDir('deeds-project-'), 'rolls');
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
    expect(existsSync(third)).toBe(true);
  });
});

describe('storeBody', () => {
  test('names the file by the digest of the folder, the data and the body, and writes it once', () => {
    const folder = bodyFolder(tempDir('deeds-bodies-'), tempDir('deeds-project-'), 'deeds');
    const a = storeBody(folder, { title: '甲' }, '<p>正文</p>');
    expect(a.file).toBe(join(folder, `${a.digest}.html`));
    expect(entryHtml({ rendered: { html: '', metadata: { htmlFile: a.file } } })).toBe('<p>正文</p>');
    expect(storeBody(folder, { title: '甲' }, '<p>正文</p>')).toEqual(a);
    expect(storeBody(folder, { title: '乙' }, '<p>正文</p>').digest).not.toBe(a.digest);
    expect(storeBody(folder, { title: '甲' }, '<p>正文。</p>').digest).not.toBe(a.digest);
    expect(readdirSync(folder)).toHaveLength(3);
  });
});
