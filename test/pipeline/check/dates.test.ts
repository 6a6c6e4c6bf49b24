import { describe, expect, test } from 'vitest';
import { isPossibleDate } from '../../../src/pipeline/check/rules/dates.ts';
import { remarkCheckDocNumber } from '../../../src/pipeline/check/rules/doc-number.ts';
import { pluginMessages, ruleMessages } from './harness.ts';

describe('dates', () => {
  test.each([
    ['2023年2月30日前报送。', '2月没有30日'],
    ['2023年2月29日', '2月没有29日'],
    ['2023年13月1日', '没有这个月份'],
    ['4月31日前', '4月没有31日'],
    ['2023年0月5日', '没有这个月份'],
  ])('impossible %j is an error', (body, why) => {
    const messages = ruleMessages('dates', body);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'error', line: 10, column: 1 });
    expect(messages[0]!.message).toContain(why);
  });

  test.each([['2024年2月29日'], ['2月29日'], ['2023年1月10日前报局办公室。'], ['2023年12月31日']])(
    'possible %j passes',
    (body) => {
      expect(ruleMessages('dates', body)).toEqual([]);
    },
  );

  test.each([
    ['2023年01月04日', '2023年1月4日'],
    ['2023年1月 4日', '2023年1月4日'],
  ])('%j is not in GB/T 9704 form: a warning with the fix', (body, fixed) => {
    const messages = ruleMessages('dates', body);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe('warning');
    expect(messages[0]!.message).toContain(fixed);
  });

  test('a deadline before the announcement is an error at the deadline field', () => {
    const messages = ruleMessages('dates', '正文。', {
      collection: 'announcements',
      frontmatter: { deadline: '2023-01-01' },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'error', line: 6 });
    expect(
      ruleMessages('dates', '正文。', { collection: 'announcements', frontmatter: { deadline: '2023-01-10' } }),
    ).toEqual([]);
  });

  test('a phase that ends before it starts', () => {
    const phases = [{ name: '推荐审核阶段', start: '2021-09-15', end: '2021-09-01' }];
    expect(ruleMessages('dates', '正文。', { collection: 'announcements', frontmatter: { phases } })).toHaveLength(1);
    const monthOnly = [{ name: '活动开展阶段', start: '2021-05', end: '2021-08-31' }];
    expect(
      ruleMessages('dates', '正文。', { collection: 'announcements', frontmatter: { phases: monthOnly } }),
    ).toEqual([]);
  });

  test('isPossibleDate', () => {
    expect(isPossibleDate(2023, 2, 28)).toBe(true);
    expect(isPossibleDate(2023, 2, 29)).toBe(false);
    expect(isPossibleDate(undefined, 2, 29)).toBe(true);
    expect(isPossibleDate(2023, 11, 31)).toBe(false);
  });
});

describe('doc-number', () => {
  test.each([
    ['武卫字[2023]4号', '武卫字〔2023〕4号'],
    ['武卫字（2023）4号', '武卫字〔2023〕4号'],
    ['武卫字〔2023〕第4号', '武卫字〔2023〕4号'],
    ['武卫字〔2023〕04号', '武卫字〔2023〕4号'],
    ['许卫函【2021】第003号', '许卫函〔2021〕3号'],
  ])('body %j → %j', (body, fixed) => {
    const messages = pluginMessages(remarkCheckDocNumber, `根据${body}文件精神。`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe('warning');
    expect(messages[0]!.message).toContain(`“${fixed.slice(fixed.indexOf('〔'))}”`);
    expect(messages[0]!.column).toBe(6);
  });

  test('a correct number passes, in the body and the frontmatter', () => {
    expect(pluginMessages(remarkCheckDocNumber, '根据武卫字〔2023〕4号文件。')).toEqual([]);
    expect(pluginMessages(remarkCheckDocNumber, '截至2023年（2023）。')).toEqual([]);
    expect(
      ruleMessages('doc-number', '正文。', {
        collection: 'announcements',
        frontmatter: { docNumber: '武卫字〔2023〕4号' },
      }),
    ).toEqual([]);
  });

  test('the frontmatter docNumber, at its line', () => {
    const messages = ruleMessages('doc-number', '正文。', {
      collection: 'announcements',
      frontmatter: { docNumber: '武卫字[2023]第04号' },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 6, severity: 'warning' });
    expect(messages[0]!.message).toContain('武卫字〔2023〕4号');
  });
});
