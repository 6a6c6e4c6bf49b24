import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { scaffoldEntry, templateFor } from '../../src/model/scaffold.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { AnnouncementSchema, DeedSchema, RollSchema } from '../../src/model/schemas/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('deeds new', () => {
  test.each([
    ['announcement', AnnouncementSchema],
    ['roll', RollSchema],
    ['deed', DeedSchema],
  ] as const)('the %s template has frontmatter its schema accepts', (kind, schema) => {
    const { data, errors } = splitFrontmatter(templateFor(kind, '测试标题', 2023, '2023-05-01'));
    expect(errors).toEqual([]);
    const result = schema.safeParse(data);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  test('the deed template lists every field the README names, roll and announcement included', () => {
    const text = templateFor('deed', '测试标题', 2024, '2024-05-01');
    const { data } = splitFrontmatter(text);
    for (const field of ['subject', 'unit', 'honours', 'year', 'roll', 'announcement', 'photos'])
      expect(Object.keys(data as object), field).toContain(field);
    expect(text).toMatch(/^roll: 2024\/dai-tian-xie # 待填写：表彰名单编号/mu);
    expect(text).toMatch(/^# summary: 一句话摘要（表彰理由）/mu);
    expect(text).toMatch(/^announcement: 2024\/dai-tian-xie # 待填写：评选通知编号/mu);
  });

  test('writes content/<collection>/<year>/<pinyin slug>.mdx and refuses to overwrite', () => {
    const root = mkdtempSync(join(tmpdir(), 'deeds-new-'));
    dirs.push(root);
    const first = scaffoldEntry({ root, kind: 'deed', title: '健康守门人', year: 2023 });
    expect(first).toEqual({ ok: true, path: join('content', 'deeds', '2023', 'jian-kang-shou-men-ren.mdx') });
    const second = scaffoldEntry({ root, kind: 'deed', title: '健康守门人', year: 2023 });
    expect(second.ok).toBe(false);
    const forced = scaffoldEntry({ root, kind: 'deed', title: '健康守门人', year: 2023, force: true });
    expect(forced.ok).toBe(true);
    expect(readFileSync(join(root, 'content/deeds/2023/jian-kang-shou-men-ren.mdx'), 'utf8')).toContain(
      'title: 健康守门人',
    );
  });

  test('rejects a slug that is not a safe file name', () => {
    const root = mkdtempSync(join(tmpdir(), 'deeds-new-'));
    dirs.push(root);
    expect(scaffoldEntry({ root, kind: 'roll', title: 'x', year: 2023, slug: '../escape' }).ok).toBe(false);
  });
});
