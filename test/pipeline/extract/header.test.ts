/**
 * The header stage on web pages: the page's printed date and the bodies that issue a document or
 * confer an honour when no signature is printed. Every example is invented (示例 bodies).
 */
import { describe, expect, test } from 'vitest';
import { findDates } from '../../../src/lib/dates.ts';
import * as header from '../../../src/pipeline/extract/data/header.ts';
import type { TextPattern } from '../../../src/pipeline/patterns.ts';
import { matchAll } from '../../../src/pipeline/patterns.ts';
import { extractDocument } from '../../../src/pipeline/extract/extract.ts';

const PARAGRAPH = '为弘扬崇高精神，树立先进典型，激励广大卫生健康工作者爱岗敬业、无私奉献，现将有关情况报道如下。';

const patterns: TextPattern[] = [
  header.PAGE_DATE_LABEL,
  header.PAGE_DATE_PREFIX,
  header.SOURCE_FIELD,
  header.SITE_OWNER,
  ...header.ISSUER_PATTERNS,
];

describe('header patterns', () => {
  test('ids are unique kebab-case', () => {
    const ids = patterns.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  test.each(patterns.map((p) => [p.id, p] as const))('%s matches its example', (_id, pattern) => {
    expect([...matchAll(pattern.pattern, pattern.example)].length).toBeGreaterThan(0);
  });

  test.each(patterns.map((p) => [p.id, p] as const))('%s is fast on 100 KB adversarial input', (_id, pattern) => {
    for (const input of [
      '卫'.repeat(100_000),
      '示例市卫生局、'.repeat(15_000),
      '由'.repeat(100_000),
      '发布时间：'.repeat(20_000),
    ]) {
      const start = performance.now();
      let count = 0;
      for (const _match of matchAll(pattern.pattern, input)) if (++count > 100_000) break;
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });
});

describe('dates as pages print them', () => {
  test.each([
    ['13.10.2014  17:36', '2014-10-13'],
    ['二0一一年五月十二日', '2011-05-12'],
    ['二00九年五月十一日', '2009-05-11'],
  ])('%s', (text, iso) => {
    expect(findDates(text)[0]?.iso).toBe(iso);
  });
});

describe('page date', () => {
  test.each([
    [
      'byline with author and source',
      `示例医院开展义诊\n作者:佚名 来源:示例卫健委 2019-05-12 09:30:00\n${PARAGRAPH}`,
      '2019-05-12',
    ],
    [
      'source then labelled date',
      `示例医院开展义诊\n来源:示例日报 发布时间:2023-11-28 08:20\n${PARAGRAPH}`,
      '2023-11-28',
    ],
    [
      '时间 and a traditional source',
      `示例医院开展义诊\n时间:2023-09-06 10:30 來源:示例网\n${PARAGRAPH}`,
      '2023-09-06',
    ],
    ['a forum post', `示例医院开展义诊\n示例用户 发表于 2022-1-8 13:59:53 | 显示全部楼层\n${PARAGRAPH}`, '2022-01-08'],
    ['a dated line under the headline', `示例医院开展义诊\n2020/12/29 18:10\n${PARAGRAPH}`, '2020-12-29'],
    ['a date after the title', `示例医院开展义诊 ( 2021-03-02)\n${PARAGRAPH}`, '2021-03-02'],
    [
      'the crawler prefix',
      ` date 2025-12-16 示例乡卫生所以团队照护模式守护健康，获得表扬。\n${PARAGRAPH}`,
      '2025-12-16',
    ],
    ['day first', `关于推荐先进个人的通知\n\n13.10.2014  17:36\n\n各有关单位：\n${PARAGRAPH}`, '2014-10-13'],
    [
      'a labelled Chinese date',
      `示例医院开展义诊\n来源：新闻网点击次数：次发布时间：2004年04月12日作者：示例\n${PARAGRAPH}`,
      '2004-04-12',
    ],
  ])('%s', (_name, text, date) => {
    expect(extractDocument(text).result.date).toBe(date);
  });

  test.each([
    [
      'a 公示 period',
      `关于示例医院先进个人的公示\n\n各有关单位：\n${PARAGRAPH}\n公示时间：2023年8月14日至2023年8月20日\n`,
    ],
    ['a range in figures', `关于举办示例活动的通知\n\n各有关单位：\n2023-05-01 至 2023-05-10\n${PARAGRAPH}`],
    ['a year alone', `示例医院开展义诊\n©2017 示例网\n${PARAGRAPH}`],
    ['a month and day alone', `示例医院开展义诊\n发布时间：3月31日\n${PARAGRAPH}`],
    [
      'an event time without a label word',
      `关于举办颁奖典礼的通知\n\n各有关单位：\n典礼时间：2019年8月19日晚上\n${PARAGRAPH}`,
    ],
  ])('no page date: %s', (_name, text) => {
    expect(extractDocument(text).result.date).toBeNull();
  });

  test('the 成文日期 wins over the page date', () => {
    const text = `关于推荐先进个人的通知\n来源：示例市卫生局更新：2013/8/7\n\n各有关单位：\n${PARAGRAPH}\n\n\n二○一一年七月二十二日\n`;
    expect(extractDocument(text).result.date).toBe('2011-07-22');
  });
});

describe('issuer from the text', () => {
  test.each([
    [
      'joint issuers in a lead',
      `示例省表彰优秀护士\n近日，示例省人力资源社会保障厅、示例省卫生健康委联合印发《关于表彰优秀护士的决定》，授予10名同志称号。\n${PARAGRAPH}`,
      '示例省人力资源社会保障厅、示例省卫生健康委',
    ],
    [
      'issuers of a cited title, spaced',
      `示例医院获表彰\n3月31日，示例网发布《示例省人力资源社会保障厅 示例省卫生健康委 示例省中医药局关于表彰先进集体的决定》，示例医院获得“先进集体”称号。\n${PARAGRAPH}`,
      '示例省人力资源社会保障厅、示例省卫生健康委、示例省中医药局',
    ],
    [
      '由…等联合主办',
      `示例医院护士获提名奖\n5月11日，由示例省卫生厅、示例网、示例报社等联合主办的“十大优秀护士”颁奖典礼在示例市举行。\n${PARAGRAPH}`,
      '示例省卫生厅、示例网、示例报社',
    ],
    [
      '该活动由…主办',
      `示例好医生名单发布\n3月29日，示例交流活动在示例市举行，会上为31名优秀个人颁奖，该活动由示例文明办、示例省卫生健康委员会主办。\n${PARAGRAPH}`,
      '示例文明办、示例省卫生健康委员会',
    ],
    [
      '被…联合授予',
      `示例医院喜获称号\n4月8日，示例医院被示例省人事厅、示例省卫生厅、示例省中医药管理局联合授予“先进集体”荣誉称号。\n${PARAGRAPH}`,
      '示例省人事厅、示例省卫生厅、示例省中医药管理局',
    ],
    [
      'X日期决定，授予',
      `示例总工会表彰先进\n示例省总工会4月24日决定，授予3个医疗单位示例劳动奖状。\n${PARAGRAPH}`,
      '示例省总工会',
    ],
    [
      'date, A、B和C决定，授予',
      `示例表彰\n为表彰先进，2012年12月24日，示例省人力资源社会保障厅、示例省卫生厅和示例省中医药管理局决定，授予示例等10名同志称号。\n${PARAGRAPH}`,
      '示例省人力资源社会保障厅、示例省卫生厅、示例省中医药管理局',
    ],
    ['受到…表彰', `示例新闻\n本报讯 我省5个集体、12名个人日前受到示例部表彰。\n${PARAGRAPH}`, '示例部'],
    [
      'a body holds the ceremony',
      `示例表扬大会\n示例市卫生局3日举行杰出护理人员表扬大会，市长为得奖者颁奖。\n${PARAGRAPH}`,
      '示例市卫生局',
    ],
    [
      'a news source, last of all',
      `示例区将评选最美护士\n4月14日，记者从示例市示例区卫计局获悉，示例区将开展“最美护士”评选活动。\n${PARAGRAPH}`,
      '示例市示例区卫计局',
    ],
    [
      'letterhead spaced on the number line',
      `示 例 省 卫 生 厅 示卫人(2012)56号\n关于表彰优秀护士的决定\n各有关单位：\n${PARAGRAPH}`,
      '示例省卫生厅',
    ],
  ])('%s', (_name, text, issuer) => {
    expect(extractDocument(text).result.issuer).toBe(issuer);
  });

  test.each([
    [
      'a notice page 来源 line',
      `关于推荐先进个人的通知\n来源：示例市卫生局更新：2013/8/7 字体：\n\n各有关单位：\n${PARAGRAPH}\n`,
      '示例市卫生局',
    ],
    [
      '主办单位 field',
      `第六届示例奖评选办法\n\n发布时间：2009-09-02\n\n一、奖项名称：示例奖\n二、组织机构\n1. 主办单位：示例医师协会。负责评选活动全过程的组织和领导工作。\n${PARAGRAPH}`,
      '示例医师协会',
    ],
    [
      'a column name before the title',
      `征文|示例县人民医院关于开展有奖征文活动的通知\n\n${PARAGRAPH}`,
      '示例县人民医院',
    ],
  ])('on a notice: %s', (_name, text, issuer) => {
    expect(extractDocument(text).result.issuer).toBe(issuer);
  });

  test.each([
    ['a meeting place', `示例报告会举行\n5月17日下午，示例医疗队先进事迹报告会在示例影剧院召开。\n${PARAGRAPH}`],
    [
      'a report meeting organised by two bodies',
      `示例事迹报告会\n9月5日，示例同志先进事迹报告会在示例会堂举行。报告会由示例委和示例部联合举办。\n${PARAGRAPH}`,
    ],
    ['a site section above the title', `新闻中心\n\n示例医院开展义诊\n\n${PARAGRAPH}`],
    [
      'an abbreviated own body',
      `示例医院表彰通知\n\n各党支部：\n院党委决定在纪念建党之际评选表彰一批先进党支部。\n${PARAGRAPH}`,
    ],
  ])('no issuer: %s', (_name, text) => {
    expect(extractDocument(text).result.issuer).toBeNull();
  });

  test('several signing bodies, one to a line', () => {
    const text = `关于表彰优秀护士的决定\n\n各有关单位：\n${PARAGRAPH}\n示例市卫生局\n共青团示例市委员会\n二00九年五月十一日\n`;
    const { result } = extractDocument(text);
    expect(result.issuer).toBe('示例市卫生局、共青团示例市委员会');
    expect(result.date).toBe('2009-05-11');
  });
});

test('a spaced letterhead on the number line gives the issuer and the number', () => {
  const { result } = extractDocument(
    `示 例 省 卫 生 厅 示卫人(2012)56号\n关于表彰优秀护士的决定\n各有关单位：\n${PARAGRAPH}`,
  );
  expect(result.docNumber).toBe('示卫人〔2012〕56号');
  expect(result.issuer).toBe('示例省卫生厅');
});

describe('header shapes the held-out documents showed', () => {
  test('a number alone on its line after an empty 文件编号 field; short joint issuers run together', () => {
    const text =
      '首页 > 政府公文\n\n人示部卫示委中示局关于表彰先进集体的决定\n作者:佚名 来源:卫示委 2017-08-18 22:29:20\n\n文件编号:\n\n发布时间:\n\n人示部发〔2017〕62号\n\n各省卫生健康委：\n\n经研究，决定表彰一批先进集体。';
    const { result } = extractDocument(text);
    expect(result.docNumber).toBe('人示部发〔2017〕62号');
    expect(result.issuer).toBe('人示部、卫示委、中示局');
  });

  test('a metadata table gives the number, the date and the issuer', () => {
    const text =
      '索取号 | 发布时间 | 发布机构 | 文件编号\n000-2021-01 | 2021-03-02 | 示例省卫生健康委员会 | 示卫发〔2021〕3号\n关于表彰先进集体的决定\n各市卫生健康委：\n经研究，决定表彰一批先进集体。';
    const { result } = extractDocument(text);
    expect(result).toMatchObject({
      docNumber: '示卫发〔2021〕3号',
      date: '2021-03-02',
      issuer: '示例省卫生健康委员会',
    });
  });

  test('an issuer that approves; a hall is never an issuer', () => {
    expect(extractDocument('经市卫生局推荐，示例省卫生厅批准，授予示例医院骨科“示范病区”称号。').result.issuer).toBe(
      '示例省卫生厅',
    );
    expect(extractDocument('活动在人民网演播厅举行，评出十名健康卫士。').result.issuer).toBeNull();
  });

  test('a 主送-like sentence that introduces a list is not 主送', () => {
    const { result } = extractDocument(
      '记者从示例省卫生健康委获悉，最终产生10名“示例最美健康卫士”，他们是：示例市人民医院主任医师李明，示例市疾控中心所长赵红。',
    );
    expect(result.recipients).toEqual([]);
    expect(result.issuer).toBe('示例省卫生健康委');
  });
});

describe('the kind of a document without a title or header', () => {
  // Invented texts in the shapes editors paste: a body copied without its title, 文号 or 主送.
  test.each([
    [
      'a notice that sets out its terms',
      '为表彰先进，经院务会研究，现将先进科室及先进个人评选数量及评选条件公布如下：\n一、先进科室5个\n二、先进个人12名',
      true,
    ],
    ['a notice of arrangements', '现就2024年度评选工作有关事项通知如下：\n一、评选范围', true],
    ['a roll announces names, not terms', '经评审，现将先进个人名单公布如下：\n示例市第一人民医院 李静', false],
    ['a write-up', '她扎根基层二十年，守护着全镇群众的健康。\n每天清晨，她第一个来到卫生院。', false],
    ['a news item', PARAGRAPH, false],
  ])('%s', (_name, text, notice) => {
    expect(extractDocument(text).result.kind === 'announcement').toBe(notice);
  });
});
