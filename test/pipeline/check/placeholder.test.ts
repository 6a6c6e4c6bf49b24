import { describe, expect, test } from 'vitest';
import { ruleMessages } from './harness.ts';

describe('placeholder', () => {
  test.each([
    ['**市卫生局被授予荣誉称号。', '**'],
    ['20**年，他调入本院。', '**'],
    ['xx年起担任护士长。', 'xx'],
    ['以XX省文明城市测评细则为依据。', 'XX'],
    ['20__年度考核优秀。', '__'],
    ['落款：____', '____'],
    ['○○医院的同事说。', '○○'],
    ['（此处填写单位名称）', '（此处填写单位名称）'],
    ['[姓名]同志扎根基层。', '[姓名]'],
    ['【单位名称】推荐。', '【单位名称】'],
    ['（事迹正文：写清做了什么、效果如何，用事实和数字说话。）', '（事迹正文：'],
    ['单位：待填写', '待填写'],
    ['他在**市的20**年里一直在基层。', '**市的20**'],
    ['**市卫生局**被评为先进集体。', '**市卫生局**'],
    ['近**20**年来，他坚持义诊。', '**20**'],
  ])('flags %j', (body, found) => {
    const messages = ruleMessages('placeholder', body);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]!.severity).toBe('error');
    expect(messages[0]!.message).toContain(`“${found}”`);
    expect(messages[0]!.line).toBe(10);
  });

  test.each([
    ['二〇〇八年，他参加了抗震救灾。'],
    ['**李静**同志扎根社区二十年。'],
    ['他被评为**先进个人**。'],
    ['**2020**年疫情暴发后，她主动请战。'],
    ['患者王某某转危为安。'],
    ['来源：https://wjw.xx.gov.cn/notice 页面。'],
    ['她的衣服尺码是XXL。'],
    ['下划线变量 snake_case 不是占位符。'],
  ])('passes %j', (body) => {
    expect(ruleMessages('placeholder', body)).toEqual([]);
  });

  test('reports the column of the mask', () => {
    const [message] = ruleMessages('placeholder', '近年来，**市卫生局');
    expect(message).toMatchObject({ line: 10, column: 5 });
  });

  test('frontmatter fields too, at their line', () => {
    const messages = ruleMessages('placeholder', '正文。', { frontmatter: { unit: '待填写' } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('unit');
    expect(messages[0]!.line).toBe(6);
  });
});

test('a file with thousands of masks lists the first 100 and says there are more', () => {
  const messages = ruleMessages('placeholder', '**市 '.repeat(500));
  expect(messages).toHaveLength(101);
  expect(messages.at(-1)!.message).toContain('超过 100 处');
});
