/**
 * A write-up's derived one-line summary: the first sentence of its first paragraph of prose, plain text,
 * cut at a comma when long. Bodies are fictional.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cutSentence, deedSummary } from '../../../src/pipeline/extract/summary.ts';
import { parseBody } from '../../../src/pipeline/parse-body.ts';
import { diagnose, run } from '../check/harness.ts';

const summary = (body: string) => deedSummary(parseBody(body));

describe('deedSummary', () => {
  test.each([
    ['the first sentence', '李静在社区工作了十一年。她带领团队服务4100多户居民。', '李静在社区工作了十一年。'],
    ['past headings and notes', '## 一、扎根社区\n\n李静在社区工作了十一年。第二句。', '李静在社区工作了十一年。'],
    [
      'past an editor’s note',
      '<Note title="编者按">本文有删节。</Note>\n\n李静在社区工作了十一年，服务居民。再一句。',
      '李静在社区工作了十一年，服务居民。',
    ],
    ['past a short byline', '本报记者 王五\n\n李静在社区工作了十一年。再一句。', '李静在社区工作了十一年。'],
    [
      'without markup',
      '**李静**在[湖滨社区](https://example.org/)工作了*十一年*。再一句。',
      '李静在湖滨社区工作了十一年。',
    ],
    [
      'with its closing quotation mark',
      '她常说：“家门口的医生要找得到。”后来她又说。',
      '她常说：“家门口的医生要找得到。”',
    ],
    [
      'a paragraph without a full stop',
      '李静在湖滨街道社区卫生服务中心做全科医生',
      '李静在湖滨街道社区卫生服务中心做全科医生',
    ],
    ['nothing but headings and lists', '## 一、标题\n\n- 一项\n- 二项', undefined],
  ])('%s', (_, body, expected) => {
    expect(summary(body)).toBe(expected);
  });

  test('a long first sentence is cut at its last comma within the limit, and says so', () => {
    const sentence = `${'甲'.repeat(30)}，${'乙'.repeat(30)}，${'丙'.repeat(30)}。`;
    expect(summary(sentence)).toBe(`${'甲'.repeat(30)}，${'乙'.repeat(30)}……`);
    // No comma in reach: cut at the length.
    expect(cutSentence('丁'.repeat(100), 80)).toBe(`${'丁'.repeat(78)}……`);
  });

  test('is never longer than the limit, and carries no markup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('李', '静', '，', '。', ' ', '[链接](./x)', '\n'), { maxLength: 200 }),
        (parts) => {
          const result = deedSummary(parseBody(parts.join('')));
          if (result === undefined) return;
          expect([...result].length).toBeLessThanOrEqual(80);
          expect(result).not.toMatch(/[[\]()]/);
        },
      ),
    );
  });
});

test('the pipeline puts the derived summary on a deed, not on other documents', () => {
  const body = '李静在社区工作了十一年。她带领团队服务居民。\n';
  expect(run(body).file.data.summary).toBe('李静在社区工作了十一年。');
  expect(run(body, { collection: 'announcements' }).file.data.summary).toBeUndefined();
});

test('an editor’s summary is one line of at most 100 字, and the privacy check reads it', () => {
  const body = '李静在社区工作了十一年。\n';
  expect(
    diagnose(body, { frontmatter: { summary: '扎根社区十一年的家庭医生' } }).filter((d) => d.severity === 'error'),
  ).toEqual([]);
  expect(
    diagnose(body, { frontmatter: { summary: '长'.repeat(101) } })
      .map((d) => d.message)
      .join('\n'),
  ).toContain('最多 100 字');
  const withPhone = diagnose(body, { frontmatter: { summary: '李静（手机13812345678）扎根社区' } });
  expect(withPhone.some((d) => d.ruleId === 'privacy' && d.severity === 'error')).toBe(true);
});
