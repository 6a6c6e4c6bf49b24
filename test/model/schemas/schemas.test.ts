import { describe, expect, test } from 'vitest';
import { AnnouncementSchema, DeedSchema, IsoDateSchema, RollSchema } from '../../../src/model/schemas/index.ts';
import { processDocument } from '../../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT } from '../../../src/pipeline/types.ts';
import { toDiagnostics } from '../../../src/lib/report.ts';

const deed = {
  title: '扎根社区的健康守门人',
  subject: { name: '李静', type: 'person' },
  unit: '示例市第一人民医院',
  year: 2022,
};
const roll = {
  title: '2022年度先进个人名单',
  issuer: '示例市卫生健康委员会',
  year: 2022,
  date: '2023-02-01',
  categories: [{ name: '先进个人', awardees: [{ name: '李静', unit: '示例市第一人民医院' }] }],
};
const announcement = {
  kind: 'notice',
  title: '关于开展2022年度先进个人评选的通知',
  issuer: '示例市卫生健康委员会',
  date: '2023-01-04',
};

describe('IsoDateSchema', () => {
  test.each(['2023-01-04', '2024-02-29', '2000-12-31'])('accepts %s', (value) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(true);
  });
  test.each(['2023-02-30', '2023-13-01', '2023-1-4', '2023年1月4日', '2023-02-29', ''])('rejects %s', (value) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(false);
  });
});

describe('schemas accept well-formed entries and fill defaults', () => {
  test('deed', () => {
    const parsed = DeedSchema.parse(deed);
    expect(parsed.honours).toEqual([]);
    expect(parsed.photos).toEqual([]);
  });
  test('roll', () => {
    expect(RollSchema.parse(roll).categories[0]!.subjectType).toBe('person');
  });
  test('announcement', () => {
    const parsed = AnnouncementSchema.parse(announcement);
    expect(parsed.recipients).toEqual([]);
    expect(parsed.wordLimits).toEqual([]);
  });
});

describe('schemas reject bad frontmatter', () => {
  test.each([
    ['deed without subject', DeedSchema, { ...deed, subject: undefined }],
    ['deed with subject type other', DeedSchema, { ...deed, subject: { name: '李静', type: 'other' } }],
    ['deed with a private field', DeedSchema, { ...deed, 性别: '女' }],
    ['deed with an age', DeedSchema, { ...deed, age: 41 }],
    ['deed with year as text', DeedSchema, { ...deed, year: '二〇二二' }],
    ['photo without alt', DeedSchema, { ...deed, photos: [{ src: './a.jpg', alt: '' }] }],
    [
      'awardee with an ID number field',
      RollSchema,
      {
        ...roll,
        categories: [{ name: '先进个人', awardees: [{ name: '李静', 身份证号: '110101199003071234' }] }],
      },
    ],
    ['roll with an empty category', RollSchema, { ...roll, categories: [{ name: '先进个人', awardees: [] }] }],
    ['announcement of unknown kind', AnnouncementSchema, { ...announcement, kind: 'memo' }],
    ['announcement with impossible date', AnnouncementSchema, { ...announcement, date: '2023-02-30' }],
    ['word limit of zero', AnnouncementSchema, { ...announcement, wordLimits: [{ limit: 0 }] }],
  ])('%s', (_name, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});

describe('frontmatter errors name the file, the line and the field', () => {
  const path = 'content/deeds/2023/li-jing.mdx';
  const run = (value: string) =>
    toDiagnostics([processDocument({ path, value, collection: 'deeds' }, EMPTY_CONTEXT).file]);

  test('a missing required field', () => {
    const diagnostics = run('---\ntitle: 测试\nsubject:\n  type: person\nyear: 2022\n---\n\n正文。\n');
    const error = diagnostics.find((d) => d.ruleId === 'frontmatter-schema');
    expect(error).toMatchObject({ file: path, severity: 'error', line: 3 });
    expect(error!.message).toContain('subject.name');
  });

  test('an unknown private field, on its own line', () => {
    const diagnostics = run(
      '---\ntitle: 测试\nsubject:\n  name: 李静\n  type: person\nyear: 2022\n性别: 女\n---\n正文。\n',
    );
    const error = diagnostics.find((d) => d.ruleId === 'frontmatter-schema');
    expect(error).toMatchObject({ file: path, line: 7, severity: 'error' });
    expect(error!.message).toContain('性别');
    expect(error!.message).toContain('隐私');
  });

  test('malformed YAML', () => {
    const diagnostics = run('---\ntitle: 测试\nsubject: [李静\nyear: 2022\n---\n正文。\n');
    const error = diagnostics.find((d) => d.ruleId === 'frontmatter-yaml');
    expect(error).toMatchObject({ file: path, severity: 'error' });
    expect(error!.line).toBeGreaterThanOrEqual(2);
  });

  test('no frontmatter at all', () => {
    const diagnostics = run('正文而已。\n');
    expect(diagnostics.map((d) => d.ruleId)).toContain('frontmatter-missing');
  });

  test('a valid entry has no schema errors', () => {
    const diagnostics = run('---\ntitle: 测试\nsubject:\n  name: 李静\n  type: person\nyear: 2022\n---\n\n正文。\n');
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
  });
});
