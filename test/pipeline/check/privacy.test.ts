import { describe, expect, test } from 'vitest';
import { isValidIdNumber } from '../../../src/pipeline/check/data/privacy.ts';
import { findPersonalData } from '../../../src/pipeline/check/rules/privacy.ts';
import { ruleMessages } from './harness.ts';

/** A valid 18-digit ID number (GB 11643 check digit) built for the tests. */
function idWithCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

const VALID_ID = idWithCheckDigit('11010119900307457');
const WRONG_CHECK = VALID_ID.slice(0, 17) + (VALID_ID[17] === '0' ? '1' : '0');

describe('privacy', () => {
  test('the check digit is verified', () => {
    expect(isValidIdNumber(VALID_ID)).toBe(true);
    expect(isValidIdNumber(WRONG_CHECK)).toBe(false);
    expect(isValidIdNumber('110101900307457')).toBe(true);
    expect(isValidIdNumber('110101901307457')).toBe(false);
  });

  test.each([
    [`身份证号码${VALID_ID}。`, '居民身份证'],
    ['旧身份证110101900307457。', '居民身份证'],
    ['手机13812345678，随时联系。', '手机号码'],
    ['电话138-1234-5678。', '手机号码'],
    ['电话 +86 138 1234 5678。', '手机号码'],
    ['初始密码：abc123', '密码'],
    ['住在幸福小区3栋2单元501室。', '住址'],
    ['性别：女', '性别'],
    ['年龄：45岁', '年龄'],
    ['出生年月：1975.03', '出生年月'],
    ['民族：汉族', '民族'],
    ['政治面貌：中共党员', '政治面貌'],
    ['家庭住址：幸福路8号', '家庭住址'],
    ['联系电话：0519-12345678', '联系电话'],
  ])('deeds: %j is an error', (body, label) => {
    const messages = ruleMessages('privacy', body);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    expect(messages.map((m) => m.message).join()).toContain(label);
  });

  test('the number is masked in the message', () => {
    const [message] = ruleMessages('privacy', '手机13812345678。');
    expect(message!.message).toContain('138****5678');
    expect(message!.message).not.toContain('13812345678');
  });

  test.each([
    [`编号${WRONG_CHECK}。`],
    ['参合人数41034万，参合率97.92%。'],
    ['文档编号：1296159'],
    ['2023年1月10日前报局办公室。'],
    ['姓名、性别、年龄等栏目请如实填写。'],
    ['病区共有床位12345678张'],
    ['订单号 213812345678901'],
  ])('passes %j', (body) => {
    expect(ruleMessages('privacy', body)).toEqual([]);
  });

  test('a form as a table: values under private headers are errors, an empty form is not', () => {
    const filled = '| 姓名 | 性别 | 年龄 |\n| --- | --- | --- |\n| 李静 | 女 | 45 |\n';
    const messages = ruleMessages('privacy', filled);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ line: 12, severity: 'error' });
    const empty = '| 姓名 | 性别 | 年龄 |\n| --- | --- | --- |\n|  |  |  |\n';
    expect(ruleMessages('privacy', empty)).toEqual([]);
    const rowForm = '| 姓名 | 李静 | 性别 | 女 |\n| --- | --- | --- | --- |\n';
    expect(ruleMessages('privacy', rowForm)).toHaveLength(1);
  });

  test('an office contact line in an announcement is a warning, a mobile number still an error', () => {
    const office = ruleMessages('privacy', '联系人：局办公室，联系电话：0519-12345678。', {
      collection: 'announcements',
    });
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((m) => m.severity === 'warning')).toBe(true);
    const mobile = ruleMessages('privacy', '联系电话：13812345678。', { collection: 'announcements' });
    expect(mobile.some((m) => m.severity === 'error')).toBe(true);
  });

  test('frontmatter values too', () => {
    const messages = ruleMessages('privacy', '正文。', { frontmatter: { title: `李静 ${VALID_ID}` } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.line).toBe(2);
  });

  test('rolls too: a post with a mobile number', () => {
    const messages = ruleMessages('privacy', '', {
      collection: 'rolls',
      frontmatter: { categories: [{ name: '先进个人', awardees: [{ name: '李静', post: '护士长 13812345678' }] }] },
    });
    expect(messages).toHaveLength(1);
  });

  test('findPersonalData is pure and positions each finding', () => {
    const text = '甲13812345678乙';
    const [finding] = findPersonalData(text, 'deeds');
    expect(text.slice(finding!.start, finding!.end)).toBe('13812345678');
  });
});
