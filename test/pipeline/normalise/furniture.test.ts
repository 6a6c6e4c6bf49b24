/**
 * Site furniture by its shape: what web pages put around an article is removed (navigation at the head
 * or tail, breadcrumbs, notices, counters, file metadata, page code), while prose that looks like it
 * (titles, bylines with a date or a source, signatures, headings, attachments) stays. The examples are
 * invented in the shapes of real pages; the corpus documents are checked against their labels.
 */
import { describe, expect, test } from 'vitest';
import {
  FURNITURE_RULES,
  KEEP_LINE,
  NAV_SEPARATORS,
  PROSE_PUNCTUATION,
} from '../../../src/pipeline/normalise/data/site-furniture.ts';
import { normaliseText, normaliseWith, restore } from '../../../src/pipeline/normalise/normalise.ts';
import { stripScrapeNoise } from '../../../src/pipeline/normalise/strip-scrape-noise.ts';
import { loadCorpus } from '../../../tools/eval/corpus.ts';

const BODY_1 = '为进一步弘扬崇高职业精神，市卫生健康委员会决定对一批基层卫生工作者予以表彰，现将有关事项通知如下。';
const BODY_2 = '希望受表彰的同志珍惜荣誉、再接再厉，在各自岗位上作出新的更大贡献，全市卫生系统要以他们为榜样。';

/** A page: head lines, two paragraphs of prose, tail lines. */
function page(head: string[], tail: string[] = []): string {
  return [...head, BODY_1, '', BODY_2, ...tail].join('\n');
}

const normalised = (text: string): string => normaliseText(text).value;

describe('furniture rules', () => {
  test.each(FURNITURE_RULES.map((rule) => [rule.id, rule] as const))('%s removes its example anywhere', (_id, rule) => {
    expect(rule.pattern.test(rule.example)).toBe(true);
    const text = `${BODY_1}\n${rule.example}\n${BODY_2}`;
    const result = normaliseWith(text, [stripScrapeNoise]);
    expect(result.value).toBe(`${BODY_1}\n${BODY_2}`);
    expect(result.changes.some((c) => c.rule.split('+').includes(`scrape-noise/${rule.id}`))).toBe(true);
    expect(restore(result.value, result.changes)).toBe(text);
  });
});

describe('furniture patterns stay linear on adversarial input', () => {
  const SIZE = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  const inputs = [
    fill('a'),
    fill(' '),
    fill('卫生'),
    fill('建议使用'),
    fill('请至官网'),
    fill('需满18岁'),
    fill('欢迎访问'),
    fill('浏览：1'),
    fill('1.5'),
    fill('<?php '),
    fill('a{b:c;'),
    fill('$a='),
    fill('2023-'),
    fill('，,'),
  ];
  const patterns: Array<[string, RegExp]> = [
    ...FURNITURE_RULES.map((rule): [string, RegExp] => [rule.id, rule.pattern]),
    ['KEEP_LINE', KEEP_LINE],
    ['PROSE_PUNCTUATION', PROSE_PUNCTUATION],
    ['NAV_SEPARATORS', NAV_SEPARATORS],
  ];
  test.each(patterns)('%s', (_name, pattern) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (const input of inputs) {
      const started = performance.now();
      pattern.test(input);
      let count = 0;
      for (const _match of input.matchAll(global)) if (++count > SIZE) break;
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  test('the whole normaliser finishes on long runs of furniture', () => {
    const lines = fill('首页\n更多\n').split('\n');
    const started = performance.now();
    normaliseText([...lines, BODY_1, ...lines].join('\n'));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('furniture is removed', () => {
  test.each<[string, string[], string[]]>([
    ['a menu of navigation words at the head', ['首页', '要闻 | 专题 | 视频', '登录 注册'], []],
    ['short lines between navigation at the head', ['返回首页', '卫健之窗', '健康生活', '网站地图'], []],
    ['a breadcrumb with the current position', ['您当前的位置：首页 > 通知公告 > 正文'], []],
    ['a breadcrumb with slashes', ['首页 / 工作动态 / 正文'], []],
    ['a site header above a breadcrumb', ['健康之窗', '当前位置：首页 > 先进典型'], []],
    ['a browser notice', ['为了获得最佳浏览效果，推荐使用Edge或Chrome浏览器。'], []],
    ['a notice to download browsers', ['请至Opera官网下载 请至Safari官网下载'], []],
    ['an app download notice', ['扫码下载新闻客户端'], []],
    ['a content-rating banner', ['限制级', '本站部分内容需满18岁方可浏览'], []],
    ['a welcome banner', ['欢迎光临新桥卫生健康网 今天是：'], []],
    ['a view counter', ['浏览次数：2048'], []],
    ['file metadata of a document-sharing site', ['发言稿12.5KB', '共 4 页', '侵权投诉'], []],
    ['page code', ['<?php', '?>', '<style>', '.main-box{margin: 0 auto;}', '</style>', '<!-- 正文 开始 -->'], []],
    [
      'a disclaimer and links at the tail',
      [],
      ['', '本文系作者个人观点，不代表本站立场。', '健康讲座1', '夏日义诊活动', '更多'],
    ],
    ['navigation words at the tail', [], ['', '热门排行', '图说天下']],
    ['a region filter at the tail', [], ['按地区 |', '全部 北京 天津 河北省 山西省 辽宁省 吉林省 上海 江苏省 浙江省']],
    ['copyright and licence lines', [], ['', '版权所有：新桥市卫生健康委员会', '苏ICP备00000000号-1']],
    ['a share and print bar', [], ['【打印本页】 【关闭窗口】', '收藏 分享 举报']],
  ])('%s', (_name, head, tail) => {
    const text = page(head, tail);
    const output = normalised(text);
    expect(output).toBe(normalised(page([], [])));
    expect(normalised(output)).toBe(output);
  });
});

describe('prose that looks like furniture stays', () => {
  test.each<[string, string[], string[]]>([
    ['a title at the head', ['关于表彰2021年度优秀乡村医生的决定'], []],
    ['a title after navigation', ['首页 > 通知公告', '新桥区基层卫生先进个人事迹'], []],
    ['a byline with a source and a date', ['来源：新桥日报 发布时间：2022-05-12 09:30'], []],
    ['a byline with a source only', ['来源：新桥区卫生健康局'], []],
    ['a date line', ['2021-10-08'], []],
    ['a heading', ['优秀乡村医生表彰决定'], []],
    ['a reporter credit', ['（记者 王晓明）'], []],
    ['a signature and a date at the tail', [], ['', '新桥市卫生健康委员会', '2022年5月12日']],
    ['an attachment line at the tail', [], ['', '附件：先进个人推荐名单']],
    ['a closing heading at the tail', [], ['', '优秀护士名单', '内科 张晓红 李明华']],
    ['a list of names at the tail', [], ['', '王小明 李大伟 赵晓燕 陈建国']],
    ['a site inside a sentence', [], ['', '详情请登录新桥市卫生健康委员会网站查询，联系电话：0000-1234567。']],
    ['a nomination heading in the body', ['推荐名额：'], []],
  ])('%s', (_name, head, tail) => {
    const text = page(head, tail);
    const output = normalised(text);
    for (const line of [...head, ...tail]) if (line.trim()) expect(output).toContain(normalised(line).trim());
    expect(normalised(output)).toBe(output);
  });

  test('a page break inside a sentence is still joined', () => {
    const text = '近年来，她扎根基层卫生院，坚持为群众提供\n\n优质的医疗服务，深受群众好评。';
    expect(normalised(text)).toBe('近年来，她扎根基层卫生院，坚持为群众提供优质的医疗服务，深受群众好评。');
  });

  test('a title is not joined to the next paragraph', () => {
    const text =
      '新桥区卫生健康局隆重表彰二〇二二年度优秀乡村医生代表\n\n会上，区卫生健康局对十名优秀乡村医生进行了表彰。';
    expect(normalised(text)).toBe(text);
  });
});

/** Whether a mark is in a normalised text: itself, or normalised (a mark that normalises to nothing is not). */
function contains(text: string, mark: string): boolean {
  const normalisedMark = normaliseText(mark).value.trim();
  return text.includes(mark) || (normalisedMark !== '' && text.includes(normalisedMark));
}

describe('corpus documents', () => {
  const documents = loadCorpus();

  test.each(documents.map((document) => [document.id, document] as const))('%s', (_id, document) => {
    const output = normaliseText(document.text).value;
    expect(normaliseText(output).value, 'normalisation is idempotent').toBe(output);
    const furniture = document.label.furniture ?? document.label.boilerplate ?? [];
    expect(
      furniture.filter((mark) => contains(output, mark)),
      'furniture left',
    ).toEqual([]);
    expect(
      (document.label.prose ?? []).filter((prose) => !output.includes(normaliseText(prose).value.trim())),
      'prose lost',
    ).toEqual([]);
  });
});
