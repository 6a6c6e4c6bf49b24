import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { toDiagnostics } from '../../src/lib/report.ts';
import { editDistance, nearest } from '../../src/pipeline/check/cross-document.ts';
import { runProject } from '../../src/project/run.ts';
import { tempDir } from '../helpers/temp.ts';

function write(root: string, path: string, frontmatter: Record<string, unknown>, body = '正文。\n'): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`);
}

const NOTICE = {
  kind: 'notice',
  title: '关于开展2022年度先进个人评选的通知',
  docNumber: '示卫字〔2023〕4号',
  issuer: '示例市卫生健康委员会',
  date: '2023-01-04',
  wordLimits: [{ limit: 500, kind: 'max', appliesTo: '事迹材料' }],
};

const ROLL = {
  title: '2022年度先进个人名单',
  issuer: '示例市卫生健康委员会',
  year: 2022,
  date: '2023-02-01',
  categories: [
    {
      name: '先进个人',
      declaredCount: 3,
      awardees: [
        { name: '李静', unit: '示例市第一人民医院' },
        { name: '王芳', unit: '示例市疾病预防控制中心' },
        { name: '王芳', unit: '示例市疾病预防控制中心' },
        { name: '赵强', unit: '示例市一院' },
      ],
    },
  ],
};

const deed = (extra: Record<string, unknown>) => ({
  title: '扎根社区的健康守门人',
  subject: { name: '李静', type: 'person' },
  unit: '示例市第一人民医院',
  year: 2022,
  ...extra,
});

describe('project checks', () => {
  const root = tempDir('deeds-project-');
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(
    join(root, 'content', 'units.yaml'),
    stringify([
      { id: 'shi-weijianwei', name: '示例市卫生健康委员会', type: 'issuer' },
      { id: 'shi-diyi-yiyuan', name: '示例市第一人民医院', aliases: ['市一院'] },
      { id: 'shi-jikong', name: '示例市疾病预防控制中心', aliases: ['市疾控中心'] },
    ]),
  );
  write(root, 'content/announcements/2023/notice.mdx', NOTICE);
  write(root, 'content/rolls/2023/roll.mdx', ROLL);
  write(
    root,
    'content/deeds/2023/li-jing.mdx',
    deed({ roll: '2023/roll', announcement: '2023/notice' }),
    `${'卫'.repeat(501)}\n`,
  );
  write(root, 'content/deeds/2023/li-jing-2.mdx', deed({}));
  write(
    root,
    'content/deeds/2023/wang-fang.mdx',
    deed({
      subject: { name: '王芳', type: 'person' },
      unit: '示例市疾控中心',
      roll: '2023/rol',
      announcement: '2023/notic',
    }),
  );
  write(
    root,
    'content/deeds/2023/zhang-san.mdx',
    deed({ subject: { name: '张三', type: 'person' }, roll: '2023/roll', wordLimit: 2000 }),
  );
  write(
    root,
    'content/deeds/2023/zhao-qiang.mdx',
    deed({ subject: { name: '赵强', type: 'person' }, unit: '示例市一院', year: 2021, roll: '2023/roll' }),
  );
  write(root, 'content/deeds/2023/orphan.mdx', deed({ subject: { name: '孤儿', type: 'person' }, year: 2020 }));
  write(
    root,
    'content/deeds/2023/honoured.mdx',
    deed({ subject: { name: '钱多', type: 'person' }, year: 2020, honours: ['示例市先进个人'] }),
  );
  const result = runProject({ root, today: '2024-01-01' });
  const diagnostics = toDiagnostics(result.files);
  const of = (file: string, ruleId: string) =>
    diagnostics.filter((d) => d.file === `content/${file}` && d.ruleId === ruleId);

  test('word-limit: a deed gets its announcement’s limit, named by its doc number', () => {
    const [message] = of('deeds/2023/li-jing.mdx', 'word-limit');
    expect(message).toMatchObject({ severity: 'error' });
    expect(message!.message).toContain('501 字');
    expect(message!.message).toContain('500 字');
    expect(message!.message).toContain('示卫字〔2023〕4号');
    const entry = result.entries.find((e) => e.id === '2023/li-jing')!;
    expect(entry.document.file.data.wordCount).toMatchObject({ words: 501, limit: 500, limitSource: 'announcement' });
    const own = result.entries.find((e) => e.id === '2023/zhang-san')!;
    expect(own.document.file.data.wordCount).toMatchObject({ limit: 2000, limitSource: 'frontmatter' });
  });

  test('references: missing announcement and roll are errors with a suggestion', () => {
    const messages = of('deeds/2023/wang-fang.mdx', 'references');
    expect(messages.filter((m) => m.severity === 'error')).toHaveLength(2);
    expect(messages.map((m) => m.message).join()).toContain('2023/notice');
    expect(messages.map((m) => m.message).join()).toContain('2023/roll');
  });

  test('references: a deed whose subject is not in its roll is a warning; awardees link to deeds', () => {
    expect(of('deeds/2023/zhang-san.mdx', 'references')).toMatchObject([{ severity: 'warning' }]);
    const roll = result.entries.find((e) => e.id === '2023/roll')!;
    expect(roll.document.file.data.awardeeDeeds).toContainEqual({
      category: 0,
      awardee: 0,
      name: '李静',
      deed: '2023/li-jing',
    });
    const li = result.entries.find((e) => e.id === '2023/li-jing')!;
    expect(li.document.file.data.rollEntry).toEqual({ roll: '2023/roll', category: 0, awardee: 0 });
  });

  test('duplicates: a person twice in one category; two deeds for one subject and year', () => {
    expect(of('rolls/2023/roll.mdx', 'duplicates')).toMatchObject([{ severity: 'error' }]);
    const deeds = [...of('deeds/2023/li-jing.mdx', 'duplicates'), ...of('deeds/2023/li-jing-2.mdx', 'duplicates')];
    expect(deeds).toHaveLength(1);
    expect(deeds[0]!.message).toContain('content/deeds/2023/li-jing');
  });

  test('roll-count: declared 3, listed 4', () => {
    const [message] = of('rolls/2023/roll.mdx', 'roll-count');
    expect(message).toMatchObject({ severity: 'warning' });
    expect(message!.message).toContain('写明 3 名，实际列出 4 名');
  });

  test('unknown-unit: a unit not in the registry, with the nearest alias', () => {
    const messages = of('rolls/2023/roll.mdx', 'unknown-unit');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('示例市一院');
    expect(messages[0]!.message).toContain('市一院');
    expect(of('deeds/2023/wang-fang.mdx', 'unknown-unit')[0]!.message).toContain('市疾控中心');
    expect(of('deeds/2023/li-jing.mdx', 'unknown-unit')).toEqual([]);
  });

  test('year-mismatch: a deed whose year differs from its roll’s is an error at the year line', () => {
    const [message, ...rest] = of('deeds/2023/zhao-qiang.mdx', 'year-mismatch');
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ severity: 'error', line: 7 });
    expect(message!.message).toContain('year 为 2021');
    expect(message!.message).toContain('2022 年度');
    expect(of('deeds/2023/li-jing.mdx', 'year-mismatch')).toEqual([]);
  });

  test('unattached-deed: no honour, no roll and no announcement is a warning', () => {
    const [message, ...rest] = of('deeds/2023/orphan.mdx', 'unattached-deed');
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ severity: 'warning' });
    expect(message!.message).toContain('荣誉（honours）');
    expect(of('deeds/2023/honoured.mdx', 'unattached-deed')).toEqual([]);
    expect(of('deeds/2023/li-jing.mdx', 'unattached-deed')).toEqual([]);
  });

  test('every message has a file, a line and a column', () => {
    for (const d of diagnostics) {
      expect(d.file).toMatch(/^content\//);
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
    }
  });
});

describe('nearest and editDistance', () => {
  test.each([
    ['kitten', 'sitting', 3],
    ['示例市一院', '市一院', 2],
    ['', 'abc', 3],
    ['同', '同', 0],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  test('nearest suggests within reach, nothing beyond', () => {
    expect(nearest('示例市第一医院', ['示例市第一人民医院', '示例市疾病预防控制中心'])).toBe('示例市第一人民医院');
    expect(nearest('完全无关的名字', ['示例市第一人民医院'])).toBeUndefined();
  });
});

describe('registries', () => {
  test('personal data in units.yaml is an error at its line', () => {
    const root = tempDir('deeds-registry-');
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(
      join(root, 'content', 'units.yaml'),
      stringify([{ id: 'shi-yiyuan', name: '示例市第一人民医院', aliases: ['院办 13812345678'] }]),
    );
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const diagnostics = toDiagnostics(runProject({ root, today: '2024-01-01' }).files);
      const privacy = diagnostics.filter((d) => d.ruleId === 'privacy');
      expect(privacy).toHaveLength(1);
      expect(privacy[0]).toMatchObject({ file: 'content/units.yaml', line: 4, severity: 'error' });
    } finally {
      process.chdir(cwd);
    }
  });
});
