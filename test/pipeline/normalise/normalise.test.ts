import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { mapToSource, normaliseMarkdown, normaliseText, restore } from '../../../src/pipeline/normalise/normalise.ts';
import { describeSeeds, readSeed, SEED_FILES, expectedSeeds } from '../../helpers/seeds.ts';

/** Pieces of the damage documents arrive with, mixed at random. */
const piece = fc.constantFrom(
  '衛',
  '生',
  '會',
  '議',
  '卫',
  '生',
  '会',
  '乾',
  '於',
  '鍾',
  '南',
  '山',
  '李',
  ' 靜',
  '𠀀',
  '\uD800',
  '(wèi)',
  '（huì）',
  '(she4)',
  'F(xiàn)',
  '(WHO)',
  '（一）',
  '(1)',
  '(所)',
  ',',
  ';',
  ':',
  '?',
  '!',
  '(',
  ')',
  '"',
  '“',
  '”',
  '，',
  '。',
  '、',
  ' ',
  '  ',
  '\u3000',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u200B',
  '\u00AD',
  '\u00A0',
  'Ａ',
  '１',
  '\uFFFD',
  'e\u0301',
  '\uF900',
  '<p>',
  '</p>',
  '&nbsp;',
  '<br/>',
  '1、',
  '2、',
  '一、',
  '附件1：',
  '位置:首页 > 工作',
  '九九範文幫',
  '展开阅读全文',
  '收藏 分享',
  '第1页 / 共5页',
  'copyright@ 2008 x.com版权所有',
  '内容总结(1)',
  'http://a.cn/x?y=1,2',
  'a@b.cn',
  '2023',
  '[2023]',
  '（2023）',
  '4号',
  '9:30',
  '1,000',
  'Hello, world',
  'x',
  '**',
  '`code`',
  '[链接](http://a.cn/衛)',
  '<Aside title="衛生">',
  '</Aside>',
  '| 衛 | 生 |',
  '- ',
  '# ',
  '{1+1}',
  '\\*',
);
const mixed = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('normaliseText laws', () => {
  test('nothing is lost: the record restores the input', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        const result = normaliseText(input);
        expect(restore(result.value, result.changes)).toBe(input);
      }),
      { numRuns: 1500 },
    );
  });

  test('idempotent: normalising the output changes nothing', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        const once = normaliseText(input).value;
        const twice = normaliseText(once);
        expect(twice.value).toBe(once);
        expect(twice.changes).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  test('deterministic: same input, same output and record', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        const a = normaliseText(input);
        const b = normaliseText(input);
        expect(b.value).toBe(a.value);
        expect(b.changes).toEqual(a.changes);
        expect(b.messages.map(String)).toEqual(a.messages.map(String));
      }),
      { numRuns: 300 },
    );
  });

  test('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        const result = normaliseText(input);
        expect(restore(result.value, result.changes)).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });

  test('mapToSource: unchanged output characters map to the same character of the input', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        const { value, changes } = normaliseText(input);
        // Output offsets covered by a change's output.
        const covered = new Set<number>();
        let delta = 0;
        for (const change of changes) {
          const outStart = change.start.offset + delta;
          for (let k = 0; k < change.after.length; k++) covered.add(outStart + k);
          delta += change.after.length - change.before.length;
        }
        const pointOf = (text: string, offset: number): { line: number; column: number } => {
          const before = text.slice(0, offset);
          return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
        };
        for (let offset = 0; offset < value.length; offset++) {
          if (covered.has(offset)) continue;
          const source = mapToSource(changes, offset);
          expect(input[source]).toBe(value[offset]);
          // By line and column too, as diagnostics carry them.
          expect(mapToSource(changes, pointOf(value, offset))).toEqual({ ...pointOf(input, source), offset: -1 });
          expect(mapToSource(changes, { ...pointOf(value, offset), offset })).toEqual({
            ...pointOf(input, source),
            offset: source,
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  test('every message has a position in the input', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        for (const message of normaliseText(input).messages) {
          expect(message.line).toBeGreaterThan(0);
          expect(message.column).toBeGreaterThan(0);
          expect(message.ruleId).toMatch(/^[a-z-]+$/);
          expect(message.source).toBe('deeds');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('normaliseMarkdown laws', () => {
  test('nothing is lost, idempotent, never throws', () => {
    fc.assert(
      fc.property(mixed, (input) => {
        const result = normaliseMarkdown(input);
        expect(restore(result.value, result.changes)).toBe(input);
        expect(normaliseMarkdown(result.value).value).toBe(result.value);
      }),
      { numRuns: 800 },
    );
  });

  test("a body carries its output's syntax tree, as the pipeline would parse it", () => {
    const pipelineParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
    fc.assert(
      fc.property(mixed, (input) => {
        const result = normaliseMarkdown(input);
        let parsed;
        try {
          parsed = pipelineParser.parse(result.value);
        } catch {
          parsed = undefined; // a body that does not parse: the pipeline reports it, no tree to offer
        }
        // micromark drops a byte-order mark, so such a body's tree is not offered.
        if (parsed && !result.value.startsWith('\uFEFF')) expect(result.mdast).toEqual(parsed);
        else expect(result.mdast).toBeUndefined();
        // Not part of the data: JSON and structured clones (worker threads) leave it out.
        expect(Object.keys(result)).not.toContain('mdast');
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ['unchanged prose', '## 标题\n\n王静静同志扎根基层，服务群众。\n', true],
    ['a table', '| 单位 | 名额 |\n| --- | --- |\n| 雪堰 | 2 |\n', true],
    ['traditional text is converted', '衛生院的醫生\n', true],
    ['half-width punctuation is converted', '王静静,李静\n', true],
    ['a body that is not MDX', '<b>没有结束标签\n', false],
  ])('%s: tree offered = %s', (_name, input, offered) => {
    const result = normaliseMarkdown(input);
    expect(result.mdast !== undefined).toBe(offered);
  });
});

describe('normaliseMarkdown leaves Markdown and MDX syntax alone', () => {
  test.each([
    ['inline code', '衛生 `a,b(c)` 工作,好', '卫生 `a,b(c)` 工作，好'],
    ['code block', '```\n衛生,工作\n```\n', '```\n衛生,工作\n```\n'],
    ['link target', '见[衛生局](https://a.cn/衛?x=1,2),好', '见[卫生局](https://a.cn/衛?x=1,2)，好'],
    ['autolink', '网址 https://a.cn/x?y=1,2 ,好', '网址 https://a.cn/x?y=1,2 ，好'],
    ['JSX attribute', '<Aside title="衛生,工作">會議,好</Aside>', '<Aside title="衛生,工作">会议，好</Aside>'],
    ['list markers', '- 衛生\n- 會議\n\n1. 工作:好\n', '- 卫生\n- 会议\n\n1. 工作：好\n'],
    [
      'table pipes',
      '| 單位 | 名額 |\n| --- | --- |\n| 衛生院 | 3 |\n',
      '| 单位 | 名额 |\n| --- | --- |\n| 卫生院 | 3 |\n',
    ],
    ['emphasis', '**衛生**,工作', '**卫生**，工作'],
    ['heading', '## 衛生工作\n', '## 卫生工作\n'],
    ['escape', '衛生\\*工作', '卫生\\*工作'],
    ['blockquote continuation', '> 衛生工作要求，\n> 會議紀要', '> 卫生工作要求，\n> 会议纪要'],
    ['pinyin residue', '南陽市衛(wèi)健委', '南阳市卫健委'],
    [
      'page-break split',
      '评选一批在深化医改过程中表现突出的单位，能进一步\n\n创新医疗服务模式，提升服务。',
      '评选一批在深化医改过程中表现突出的单位，能进一步创新医疗服务模式，提升服务。',
    ],
    ['expression', '衛生 {1 + 2} 工作', '卫生 {1 + 2} 工作'],
  ])('%s', (_name, input, expected) => {
    const result = normaliseMarkdown(input);
    expect(result.value).toBe(expected);
    expect(restore(result.value, result.changes)).toBe(input);
  });

  test('a body that does not parse is left as written', () => {
    const input = '衛生 <Aside 工作';
    expect(normaliseMarkdown(input).value).toBe(input);
  });
});

describe('glossary', () => {
  const glossary = [
    { simplified: '钟南山', traditional: '鍾南山', variants: ['鐘南山'], type: 'person' as const },
    { simplified: '於梨华', traditional: '於梨華', variants: [], type: 'person' as const },
  ];
  test('protected terms are written as the glossary says', () => {
    const result = normaliseText('鐘南山院士和於梨華先生', { glossary });
    expect(result.value).toBe('钟南山院士和於梨华先生');
    expect(result.changes.map((c) => c.rule)).toContain('script-glossary');
    expect(restore(result.value, result.changes)).toBe('鐘南山院士和於梨華先生');
  });
  test('a variant spelling is corrected in simplified text too', () => {
    const terms = [{ simplified: '钟乾', traditional: '鍾乾', variants: ['钟干'], type: 'person' as const }];
    const result = normaliseText('钟干医生', { glossary: terms });
    expect(result.value).toBe('钟乾医生');
    expect(result.sourceScript).toBe('simplified');
  });
  test('without the glossary, names follow OpenCC: 鍾 becomes 钟, 於 becomes 于', () => {
    expect(normaliseText('鐘南山院士於是').value).toBe('钟南山院士于是');
    expect(normaliseText('於梨華先生', { glossary: [] }).value).toBe(normaliseText('於梨華先生').value);
  });
});

describe('script target', () => {
  test('--to tw writes Taiwan traditional, and restores', () => {
    const input = '卫生健康委员会,衛生局';
    const result = normaliseText(input, { to: 'tw' });
    expect(result.value).toBe('衛生健康委員會，衛生局');
    expect(restore(result.value, result.changes)).toBe(input);
  });
});

describe('diagnostics', () => {
  test('a reading without its character is reported, not guessed', () => {
    const input = '会议\nF(xiàn)将有关事项通知如下';
    const result = normaliseText(input);
    expect(result.value).toContain('F(xiàn)将');
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message!.ruleId).toBe('pinyin-lost-character');
    expect(message!.fatal).toBe(true);
    expect(message!.line).toBe(2);
    expect(message!.column).toBe(1);
    expect(message!.reason).toContain('xiàn');
  });

  test('a replacement character is kept and reported where it is in the input', () => {
    const input = '衛(wèi)生\uFFFD局';
    const result = normaliseText(input);
    expect(result.value).toBe('卫生\uFFFD局');
    expect(result.messages.map((m) => [m.ruleId, m.column, m.fatal])).toEqual([['replacement-character', 8, false]]);
  });

  test('mapToSource leads from the output back to the editor’s line', () => {
    const input = '九九範文幫\n\n位置:首頁 > 工作報告\n\n衛生局,先進事蹟\n會議';
    const result = normaliseText(input);
    expect(result.value).toBe('卫生局，先进事迹\n会议');
    expect(mapToSource(result.changes, { line: 2, column: 1, offset: 9 })).toEqual({ line: 6, column: 1, offset: 30 });
  });
});

describeSeeds('the five seeds', () => {
  const expected = new Map(expectedSeeds().map((seed) => [seed.file, seed]));

  test.each(SEED_FILES)('%s comes out clean and restores exactly', (name) => {
    const input = readSeed(name);
    const result = normaliseText(input);
    expect(restore(result.value, result.changes)).toBe(input);
    expect(normaliseText(result.value).changes).toEqual([]);
    expect(result.sourceScript).toBe(expected.get(name)!.sourceScript === 'traditional' ? 'traditional' : 'simplified');
    const out = result.value;
    // No boilerplate.
    for (const noise of [
      /首[頁页]\s*>/,
      /收藏\s*分享/,
      /下[载載]\s*相[关關]\s*[举舉]/,
      /上[传傳]人/,
      /文[档檔]编号/,
      /第\s*\d+\s*页\s*[/／]\s*共/,
      /\.docx?_第/,
      /\.docx?$/m,
      /展开阅读全文/,
      /相关资源|猜你喜欢|相关搜索|当前位置/,
      /copyright|版权所有|ICP备/i,
      /亲[,，]该文档/,
      /[範范]文[幫帮]/,
      /<\/?p>/,
      /内容总结/,
      /资源描述/,
    ]) {
      expect(out).not.toMatch(noise);
    }
    // No pinyin residue.
    expect(out).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/);
    // Simplified script.
    expect(result.paragraphs.length).toBeGreaterThan(0);
    expect(normaliseText(out).sourceScript).toBe('simplified');
    // Full-width punctuation next to Chinese.
    expect(out).not.toMatch(/[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]/);
    expect(out).not.toMatch(/[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]/);
  });

  test('page-chunk markers that cut words are removed and the words rejoined', () => {
    const out = normaliseText(readSeed('plan-doc-sharing-site-spun.txt')).value;
    expect(out).toContain('围绕市、区提出的奋斗目标');
    expect(out).toContain('各医疗卫生单位要认真履行');
    expect(out.startsWith('区卫生系统创立省级文明城市实施方案')).toBe(true);
    // Spun text and broken years are for the checks: kept as written.
    expect(out).toContain('效劳');
    expect(out).toContain('202223年');
    expect(out).toContain('XX省');
  });

  test('page breaks inside sentences are rejoined, headings are not', () => {
    const out = normaliseText(readSeed('announcement-xuchang-2021.txt')).value;
    expect(out).toContain('能进一步创新医疗服务模式');
    expect(out).toContain('广泛认同和赞誉。');
    expect(out).toContain('取得明显成效的优秀个人优先参评。');
    expect(out).toContain('一、总体要求\n\n开展新时代');
    expect(out).toContain('单位推荐意见');
  });

  test('masked names stay masked', () => {
    const out = normaliseText(readSeed('deed-unit-traditional-template-site.txt')).value;
    expect(out.startsWith('**市卫生局先进事迹')).toBe(true);
    expect(out).toContain('20**年**市卫生局');
    expect(out).toContain('41034万');
  });

  test('document numbers keep 〔 〕', () => {
    expect(normaliseText(readSeed('announcement-wujin-2023.txt')).value.startsWith('武卫字〔2023〕4号')).toBe(true);
  });
});
