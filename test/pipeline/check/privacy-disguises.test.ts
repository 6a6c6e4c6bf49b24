/**
 * Rule `privacy` against personal data in disguise (issue 18): numbers spaced, hyphenated, split by
 * a line break or by markup, with invisible characters inside, in full-width, mathematical,
 * Arabic-Indic digits or Chinese numerals; landlines, bank cards, e-mail, 微信/QQ, addresses without
 * 栋/幢, profile sentences, table headers; in the frontmatter, attributes, alt text, link titles and
 * URLs. All values are invented. And clean text stays clean.
 */
import { describe, expect, test } from 'vitest';
import { isLuhnValid } from '../../../src/pipeline/check/data/privacy.ts';
import { findPersonalData } from '../../../src/pipeline/check/rules/privacy.ts';
import { foldForPrivacy } from '../../../src/pipeline/check/privacy-fold.ts';
import { ruleMessages } from './harness.ts';

/** A valid 18-digit ID number (GB 11643 check digit), invented. */
function idWithCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** A Luhn-valid card number, invented. */
function cardWithCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

const ID = idWithCheckDigit('32040219800101567');
const OLD_ID = '110101900307457';
const MOBILE = '13800138000';
const CARD_16 = cardWithCheckDigit('622202123456789');
const CARD_19 = cardWithCheckDigit('622848001234567890');

const digits = (value: string, zero: number) =>
  [...value].map((c) => (/\d/.test(c) ? String.fromCodePoint(zero + Number(c)) : c)).join('');
const groups = (value: string, size: number, sep: string) =>
  value.replace(new RegExp(`(.{${size}})(?!$)`, 'g'), `$1${sep}`);

const ID_DISGUISES: Array<[string, string]> = [
  ['plain', ID],
  ['spaced in fours', groups(ID, 4, ' ')],
  ['spaced 6-8-4', `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`],
  ['hyphenated', `${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`],
  ['split by a line break', `${ID.slice(0, 10)}\n${ID.slice(10)}`],
  ['U+200B inside', `${ID.slice(0, 8)}\u200b${ID.slice(8)}`],
  ['U+200E inside', `${ID.slice(0, 5)}\u200e${ID.slice(5)}`],
  ['U+2062 between every digit', [...ID].join('\u2062')],
  ['full-width', digits(ID, 0xff10)],
  ['mathematical bold', digits(ID, 0x1d7ce)],
  ['mathematical monospace', digits(ID, 0x1d7f6)],
  ['Arabic-Indic', digits(ID, 0x0660)],
  ['extended Arabic-Indic', digits(ID, 0x06f0)],
  ['bold markup inside', `${ID.slice(0, 4)}**${ID.slice(4, 6)}**${ID.slice(6)}`],
  ['a link in the middle', `${ID.slice(0, 6)}[${ID.slice(6, 10)}](https://example.com/a)${ID.slice(10)}`],
  ['inline code in the middle', `${ID.slice(0, 6)}\`${ID.slice(6, 14)}\`${ID.slice(14)}`],
  ['old 15 digits', OLD_ID],
  ['old 15 digits spaced', `${OLD_ID.slice(0, 6)} ${OLD_ID.slice(6, 12)} ${OLD_ID.slice(12)}`],
];

const OTHER_DISGUISES: Array<[string, string, string]> = [
  ['mobile with dots', '手机138.0013.8000。', '手机号码'],
  ['mobile with em dashes', '电话138—0013—8000。', '手机号码'],
  ['mobile with ideographic spaces', '电话138\u30000013\u30008000。', '手机号码'],
  ['mobile in Chinese numerals', '她的电话是一三八零零一三八零零零。', '手机号码'],
  ['mobile in Chinese numerals, spaced', '电话：一三八 零零一三 八零零零', '手机号码'],
  ['mobile split by emphasis', '电话138*0013*8000。', '手机号码'],
  ['mobile in full-width', `电话${digits(MOBILE, 0xff10)}。`, '手机号码'],
  ['home landline', '家里座机0519-8888 8888。', '个人电话'],
  ['home landline, traditional', '家裡座機0519-8888 8888。', '个人电话'],
  ['landline in brackets', '有事可以打(0519)88888888找她。', '个人电话'],
  ['bank card, 16 digits', `工资卡${CARD_16}。`, '银行卡号'],
  ['bank card, 16 digits spaced', `卡号 ${groups(CARD_16, 4, ' ')}。`, '银行卡号'],
  ['bank card, 19 digits', `捐款请转入${CARD_19}。`, '银行卡号'],
  ['bank card, 19 digits spaced', `账号：${groups(CARD_19, 4, ' ')}`, '银行卡号'],
  ['e-mail', '她的邮箱是lijing1975@example.com。', '电子邮箱'],
  ['e-mail in full-width', '邮箱ｌｉｊｉｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ。', '电子邮箱'],
  ['微信号', '微信号：lijing_1975。', '微信号或 QQ 号'],
  ['微信號, traditional', '微信號：lijing_1975。', '微信号或 QQ 号'],
  ['QQ', '她的QQ 123456789。', '微信号或 QQ 号'],
  ['home address with a road and a room', '她家住……幸福路88号502室。', '住址'],
  ['home address, traditional', '她家住幸福路88號502室。', '住址'],
  ['幢 and a room without 室', '住在幸福小区5幢301。', '住址'],
  ['a profile sentence', '李静，性别女，汉族，中共党员，1975年3月出生，现年49岁。', '个人'],
  ['a profile sentence, traditional', '李靜，性別女，漢族，中共黨員，1975年3月出生，現年49歲。', '个人'],
  ['a profile without field names', '李静，女，汉族，1975年3月生，中共党员，示例医院护士长。', '个人简历'],
  ['性别 without a colon', '性别 女', '性别'],
  ['table header 出生年月日', '| 姓名 | 出生年月日 |\n| --- | --- |\n| 李静 | 1975年3月1日 |\n', '出生年月日'],
  ['table header 性别/民族', '| 姓名 | 性别/民族 |\n| --- | --- |\n| 李静 | 女/汉 |\n', '性别/民族'],
  ['table header 证件号码', '| 姓名 | 证件号码 |\n| --- | --- |\n| 李静 | 见原件 |\n', '证件号码'],
  ['table header 联系方式', '| 姓名 | 联系方式 |\n| --- | --- |\n| 李静 | 电话联系 |\n', '联系方式'],
  ['a password', '初始密码：abc123', '密码'],
];

describe('privacy: disguised ID numbers', () => {
  test.each(ID_DISGUISES)('%s is an error that names no whole number', (_name, value) => {
    const messages = ruleMessages('privacy', `她的身份证号是${value}，请核对。`);
    expect(messages.length, JSON.stringify(messages)).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    expect(messages.map((m) => m.message).join()).toContain('居民身份证');
    expect(messages.map((m) => m.message).join()).not.toContain(ID);
  });

  test('the masked number keeps three digits and four', () => {
    const messages = ruleMessages('privacy', `身份证：${groups(ID, 4, ' ')}`);
    const message = messages.find((m) => m.message.includes('居民身份证'));
    expect(message!.message).toContain(`${ID.slice(0, 3)}***********${ID.slice(-4)}`);
  });

  test('a number split by markup is reported where it starts, on its line', () => {
    const [message] = ruleMessages('privacy', `第一段。\n\n号码${ID.slice(0, 4)}**${ID.slice(4, 6)}**${ID.slice(6)}。`);
    // The harness's frontmatter is 8 lines and a blank line; the body's third line is line 12.
    expect(message).toMatchObject({ line: 12, column: 3, severity: 'error', ruleId: 'privacy' });
  });
});

describe('privacy: other disguises', () => {
  test.each(OTHER_DISGUISES)('%s is an error', (_name, body, label) => {
    const messages = ruleMessages('privacy', body);
    expect(messages.length, JSON.stringify(messages)).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    expect(messages.map((m) => m.message).join()).toContain(label);
  });

  test('a home landline is an error in an announcement too', () => {
    const messages = ruleMessages('privacy', '候选人家庭电话：0519-8888 8888。', { collection: 'announcements' });
    expect(messages.some((m) => m.severity === 'error')).toBe(true);
  });
});

describe('privacy: clean text stays clean', () => {
  test.each([
    ['a hotline', '有问题请拨打卫生热线12320咨询。'],
    ['a document number', '根据苏卫人〔2023〕13号文件精神。'],
    ['an amount', '参合人数41034万，参合率97.92%。'],
    ['dates', '2023年10月13日至2023年12月31日。'],
    ['a building, not a home', '新院区3栋2单元楼于去年投入使用。'],
    ['a floor area', '新建3栋1200平方米的业务用房。'],
    ['ordinary numbers', '全年救治患者13800余人次，开放床位1200张，邮编213000。'],
    ['a labelled office line in a write-up', '医院设立监督电话：0519-12345678，接受群众监督。'],
    ['a hotline with a national body', '国家卫生健康委员会咨询电话010-12345678。'],
    ['one profile word alone', '她是一名共产党员，也是科室的骨干。'],
    ['性别 in prose', '各单位要注意性别比例，性别男女均可。'],
    ['an ISBN', '书号 ISBN 978-7-117-12345-6。'],
    ['a time range', '门诊时间8:00-17:30。'],
    ['a WeChat official account', '关注微信公众号“健康示例”。'],
    ['a QQ group for an office', '工作交流QQ群见通知。'],
  ])('%s', (_name, body) => {
    expect(ruleMessages('privacy', body)).toEqual([]);
  });

  test('an office line in a 公示 is allowed; the contact line is a warning at most', () => {
    const messages = ruleMessages('privacy', '公示期间如有异议，请与我委人事处联系。受理电话：0951-8236525。', {
      collection: 'announcements',
    });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('privacy: frontmatter and attributes, with the field line', () => {
  const lineOf = (messages: { line?: number }[]) => messages.map((m) => m.line);

  test('a spaced ID in title (line 2), a full-width mobile in subject.name (line 4), an e-mail as unit (line 6)', () => {
    const messages = ruleMessages('privacy', '正文。', {
      frontmatter: {
        title: `李静 ${groups(ID, 4, ' ')}`,
        subject: { name: `李静${digits(MOBILE, 0xff10)}`, type: 'person' },
        unit: 'lijing1975@example.com',
      },
    });
    expect(lineOf(messages)).toEqual([2, 4, 6]);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
  });

  test('a full-width ID in a caption and an ID with U+200B in alt text', () => {
    const messages = ruleMessages('privacy', '正文。', {
      frontmatter: {
        photos: [
          { src: './a.jpg', alt: `证件${ID.slice(0, 9)}\u200b${ID.slice(9)}`, caption: `证件${digits(ID, 0xff10)}` },
        ],
      },
    });
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.message).join()).toContain('photos[0].alt');
    expect(messages.map((m) => m.message).join()).toContain('photos[0].caption');
  });

  test("a spaced ID in a roll's post", () => {
    const messages = ruleMessages('privacy', '', {
      collection: 'rolls',
      frontmatter: {
        categories: [{ name: '先进个人', awardees: [{ name: '李静', post: `护士长 ${groups(ID, 4, ' ')}` }] }],
      },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('post');
  });

  test.each([
    ['<Quote by="李静，手机13800138000">', '<Quote by="李静，手机13800138000">\n\n她说。\n\n</Quote>'],
    ['<Note title="性别：女">', '<Note title="性别：女，汉族">\n\n说明。\n\n</Note>'],
    ["a link's title", `[她的主页](https://example.com/a "电话${MOBILE}")`],
    ["a link's ?id= query", `[名单](https://example.gov.cn/list?id=${ID})`],
    ['alt text of an image', `![证件照 ${ID}](./a.jpg)`],
    ['a mailto link', '[写信](mailto:lijing1975@example.com)'],
  ])('%s in the body, at its line', (_name, body) => {
    const messages = ruleMessages('privacy', `第一段。\n\n${body}`);
    expect(messages.length, JSON.stringify(messages)).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    expect(messages[0]!.line).toBe(12);
  });
});

describe('invisible characters in frontmatter fields', () => {
  test.each([
    ['a bidi override in subject.name', { subject: { name: '李\u202e静', type: 'person' } }, 4, 'U+202E'],
    ['a zero-width space in title', { title: '扎根社区的\u200b健康守门人' }, 2, 'U+200B'],
    ['a zero-width joiner in unit', { unit: '示例市第一\u200d人民医院' }, 6, 'U+200D'],
  ])('%s is an error at the field line', (_name, frontmatter, line, code) => {
    const messages = ruleMessages('invisible-characters', '正文。', { frontmatter });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line, severity: 'error' });
    expect(messages[0]!.message).toContain(code);
  });

  test('clean fields raise nothing', () => {
    expect(ruleMessages('invisible-characters', '正文。')).toEqual([]);
  });
});

describe('folding', () => {
  test('maps each folded character back to where it was written', () => {
    const text = `号码${digits('1380', 0x1d7ce)}\u200b0138000。`;
    const folded = foldForPrivacy(text);
    expect(folded.value).toBe('号码13800138000。');
    const [finding] = findPersonalData(text, 'deeds');
    expect(text.slice(finding!.start, finding!.end)).toBe(text.slice(2, -1));
  });
});
