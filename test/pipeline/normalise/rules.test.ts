/**
 * The normaliser's rule tables: every example does what it says, and every pattern stays linear on
 * adversarial input (no catastrophic backtracking).
 */
import { describe, expect, test } from 'vitest';
import { CHARACTER_RULES, NFC_SUSPECTS } from '../../../src/pipeline/normalise/data/characters.ts';
import {
  parseReading,
  PINYIN_EXAMPLES,
  READING_CANDIDATE,
  SYLLABLE,
} from '../../../src/pipeline/normalise/data/pinyin.ts';
import { DOC_NUMBER_YEAR, PUNCTUATION_EXAMPLES } from '../../../src/pipeline/normalise/data/punctuation.ts';
import {
  CONTINUATION_STARTS,
  ENUMERATION,
  HEADING_ENDINGS,
  HEADING_STARTS,
  HTML_ENTITY,
  HTML_TAG,
  NOISE_RULES,
  SENTENCE_END,
} from '../../../src/pipeline/normalise/data/scrape-noise.ts';
import { normaliseCharacters } from '../../../src/pipeline/normalise/characters.ts';
import { normalisePunctuation, SPACES_BETWEEN, URL_BODY } from '../../../src/pipeline/normalise/punctuation.ts';
import { MARKDOWN_PROTECTED } from '../../../src/pipeline/normalise/tree.ts';
import { normaliseMarkdown, normaliseText, normaliseWith, restore } from '../../../src/pipeline/normalise/normalise.ts';
import { HAN, stripPinyin } from '../../../src/pipeline/normalise/strip-pinyin.ts';
import {
  PARAGRAPH_BREAK,
  isSplitSentence,
  stripScrapeNoise,
} from '../../../src/pipeline/normalise/strip-scrape-noise.ts';

describe('character rules', () => {
  test.each(CHARACTER_RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    const [input, output] = rule.example;
    const result = normaliseWith(input, [normaliseCharacters]);
    expect(result.value).toBe(output);
    expect(result.changes.map((c) => c.rule)).toContain(rule.id);
    expect(restore(result.value, result.changes)).toBe(input);
  });
});

describe('scrape-noise rules', () => {
  test.each(NOISE_RULES.map((rule) => [rule.id, rule] as const))('%s removes its example', (_id, rule) => {
    // A site name is noise only in a page header, above a breadcrumb.
    const page =
      rule.where === 'header'
        ? `${rule.example}\n位置:首页 > 栏目\n正文第一段。`
        : `正文第一段。\n${rule.example}\n正文第二段。`;
    expect(
      rule.pattern.test(rule.kind === 'line' ? rule.example : rule.example.slice(rule.example.indexOf('内容总结') - 1)),
    ).toBe(true);
    const result = normaliseWith(page, [stripScrapeNoise]);
    expect(result.changes.some((c) => c.rule.split('+').includes(`scrape-noise/${rule.id}`))).toBe(true);
    expect(result.value).toContain('正文第一段。');
    expect(restore(result.value, result.changes)).toBe(page);
  });

  test.each([
    '时间：2023年5月10日　地点：市卫健委三楼会议室',
    '首页设计获得好评，群众满意度持续提高。',
    '上一篇论文发表后，他又开始了新的研究。',
    '来源：国家卫生健康委员会',
    '打印机和电脑由科室统一管理。',
    '作者在文中写道：来源于群众，服务于群众。',
    '首页 > 是一个符号，不是导航，这一行是正文里的一句话，说明了很多事情，也很长很长。',
  ])('keeps a line of prose: %s', (line) => {
    const page = `正文第一段。\n${line}\n正文第二段。`;
    expect(normaliseWith(page, [stripScrapeNoise]).value).toBe(page);
  });

  test('a site name is kept outside a page header', () => {
    expect(normaliseWith('正文。\n\n九九範文幫\n\n正文。', [stripScrapeNoise]).value).toContain('九九範文幫');
  });

  test.each([
    [
      'prose split mid-sentence',
      '全面落实基层卫生服务能力提升行动，加强家庭医生签约服务，进一步',
      '提升群众获得感。',
      true,
    ],
    ['a title', '关于开展年度先进集体推荐评选工作的通知', '各乡镇卫生院：', false],
    ['a heading', '一、工作目标', '全面落实基层卫生服务能力提升行动。', false],
    ['an enumerated item and its tail', '1.严格落实各项管理制度，按期完成考核任务并取得明', '显成效。', true],
    [
      'an enumerated heading and a paragraph',
      '二、革新举措，试点先行，片医负责制社区卫生服务新模式',
      '近年来，通过合理规划布局，新建改建转型，基本形成了覆盖全市的服务圈。',
      false,
    ],
    ['a particle continues', '加强宣传，持续做好健康教育工作', '的宣传报道。', true],
    ['an attachment heading', '卫生健康局办公室关于做好年度考核工作的有关要求和说明', '附件1：', false],
    ['a sentence end', '全面落实基层卫生服务能力提升行动，加强家庭医生签约服务。', '提升群众获得感。', false],
    ['a table row', '医疗机构名称\t\t\t全面落实基层卫生服务能力提升行动', '医院级别', false],
  ])('page break: %s', (_name, before, after, joined) => {
    expect(isSplitSentence(before, after, 20)).toBe(joined);
  });
});

describe('pinyin rules', () => {
  test.each(PINYIN_EXAMPLES)('%s → %s', (input, output) => {
    expect(normaliseWith(input, [stripPinyin]).value).toBe(output);
  });

  test.each([
    ['wèi', '', true],
    ['shè', '', true],
    ['she', '4', true],
    ['xué', '', true],
    ['lǜ', '', true],
    ['WHO', '', false],
    ['bus', '', false],
    ['an', '', false],
    ['wèì', '', false],
    ['qwè', '', false],
  ])('parseReading(%s%s) → %s', (letters, tone, reading) => {
    expect(parseReading(letters, tone) !== undefined).toBe(reading);
  });
});

describe('punctuation rules', () => {
  test.each(PUNCTUATION_EXAMPLES)('%s → %s', (input, output) => {
    const result = normaliseWith(input, [normalisePunctuation]);
    expect(result.value).toBe(output);
    expect(restore(result.value, result.changes)).toBe(input);
  });
});

/** Every regular expression the normaliser uses, by name. */
const PATTERNS: Array<[string, RegExp]> = [
  ...NOISE_RULES.map((rule): [string, RegExp] => [`noise/${rule.id}`, rule.pattern]),
  ...CHARACTER_RULES.map((rule): [string, RegExp] => [`characters/${rule.id}`, new RegExp(rule.pattern, 'g')]),
  ['NFC_SUSPECTS', NFC_SUSPECTS],
  ['HTML_TAG', HTML_TAG],
  ['HTML_ENTITY', HTML_ENTITY],
  ['HEADING_ENDINGS', HEADING_ENDINGS],
  ['HEADING_STARTS', HEADING_STARTS],
  ['ENUMERATION', ENUMERATION],
  ['CONTINUATION_STARTS', CONTINUATION_STARTS],
  ['SENTENCE_END', SENTENCE_END],
  ['READING_CANDIDATE', READING_CANDIDATE],
  ['SYLLABLE', SYLLABLE],
  ['DOC_NUMBER_YEAR', DOC_NUMBER_YEAR],
  ['URL_BODY', URL_BODY],
  ['SPACES_BETWEEN', SPACES_BETWEEN],
  ['PARAGRAPH_BREAK', PARAGRAPH_BREAK],
  ['HAN', HAN],
  ['MARKDOWN_PROTECTED', MARKDOWN_PROTECTED],
];

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Inputs made to trip each kind of pattern: long runs of what the patterns repeat, without the end they need. */
const ADVERSARIAL: Array<[string, string]> = [
  ['letters', fill('a')],
  ['spaces', fill(' ')],
  ['tabs and spaces', fill(' \t')],
  ['line breaks', fill('\n')],
  ['blank lines with spaces', fill('\n \t\u3000')],
  ['Han', fill('卫生')],
  ['breadcrumb', fill('位置:首页 >')],
  ['share bar', fill('收藏 分享 ')],
  ['document info', fill('上传人:a ')],
  ['file names', fill('方案 .doc')],
  ['page counters', fill('第1页 / ')],
  ['copyright', fill('copyright版权所有')],
  ['ICP', fill('ICP备')],
  ['parentheses', fill('(')],
  ['nested parentheses', '('.repeat(SIZE / 2) + ')'.repeat(SIZE / 2)],
  ['readings', fill('(wèi')],
  ['brackets', fill('[2023')],
  ['URLs', fill('http://')],
  ['HTML', fill('<p ')],
  ['entities', fill('&a')],
  ['escapes', fill('\\')],
  ['quotes', fill('"中')],
  ['chunk markers', fill('1、')],
  ['digits', fill('2023')],
];

describe('patterns stay linear on adversarial input', () => {
  test.each(PATTERNS)('%s', (_name, pattern) => {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags.replace('y', '') : pattern.flags.replace('y', '') + 'g',
    );
    for (const [label, input] of ADVERSARIAL) {
      const started = performance.now();
      pattern.lastIndex = 0;
      pattern.test(input);
      let count = 0;
      for (const _match of input.matchAll(global)) if (++count > SIZE) break;
      const elapsed = performance.now() - started;
      expect(elapsed, `${label}: ${elapsed.toFixed(0)} ms`).toBeLessThan(1000);
    }
  });

  test.each(ADVERSARIAL)('the whole normaliser finishes on %s and restores it', (_label, input) => {
    const text = normaliseText(input);
    expect(restore(text.value, text.changes)).toBe(input);
    const markdown = normaliseMarkdown(input.slice(0, 20_000));
    expect(restore(markdown.value, markdown.changes)).toBe(input.slice(0, 20_000));
  });
});
