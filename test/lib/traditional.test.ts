import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { createTraditionalConverter, fastOpenCC, regionalUsage } from '../../src/lib/traditional.ts';
import { toTraditional } from '../../src/pipeline/normalise/script.ts';

describe('createTraditionalConverter', () => {
  test('converts to Taiwan standard by default', () => {
    expect(createTraditionalConverter()('卫生健康委员会表彰先进个人')).toBe('衛生健康委員會表彰先進個人');
  });

  test('keeps protected glossary terms as the glossary writes them', () => {
    const toHant = createTraditionalConverter({
      glossary: [
        { simplified: '钟乾', traditional: '鍾乾' },
        { simplified: '后晓琳', traditional: '后曉琳' },
        { simplified: '於梅' },
      ],
    });
    expect(toHant('钟乾和后晓琳、於梅在卫生院')).toBe('鍾乾和后曉琳、於梅在衛生院');
    // Without the glossary the surname 后 becomes 後.
    expect(createTraditionalConverter()('后晓琳')).not.toBe('后曉琳');
  });

  test('leaves text without Han characters untouched and converts repeated strings consistently', () => {
    const toHant = createTraditionalConverter({ variant: 'hk' });
    expect(toHant('abc 123 &amp;')).toBe('abc 123 &amp;');
    expect(toHant('发现')).toBe(toHant('发现'));
    expect(toHant('里面')).toBe('裏面');
  });
});

describe('fastOpenCC', () => {
  // Characters from real notices and write-ups, with the troublesome ones (后/後, 干/乾/幹, 里/裏, 发/發/髮,
  // 钟/鐘/鍾, 于/於), punctuation, digits, Latin, a compatibility ideograph and an astral character.
  const POOL = [
    ...'卫生健康委员会关于表彰先进个人集体的决定通知后来干部乾坤头发发现钟表钟乾于是里面面条台湾云南说话为了着么系统医院护士长示例市区镇社区服务中心疫苗接种',
  ].concat(['，', '。', '：', '“', '”', '2024', '年', 'ABC', ' ', '\n', '\uF900', '𠀀']);
  const text = fc.array(fc.constantFrom(...POOL), { maxLength: 60 }).map((parts) => parts.join(''));

  test.each(['tw', 'hk'] as const)('gives exactly what opencc-js Converter gives (%s)', (variant) => {
    const reference = Converter({ from: 'cn', to: variant });
    const fast = fastOpenCC(variant);
    fc.assert(
      fc.property(text, (s) => fast(s) === reference(s)),
      { numRuns: 500 },
    );
    const prose =
      '近年来，后勤干部发现头发里面有问题。钟表厂于是系统地说明了发展的方针，台湾、云南的医院护士长都来了。';
    expect(fast(prose)).toBe(reference(prose));
  });
});

describe('createTraditionalConverter and toTraditional (src/pipeline/normalise/script.ts)', () => {
  const glossary = [
    { simplified: '钟乾', traditional: '鍾乾', variants: ['鐘乾'] },
    { simplified: '后晓琳', traditional: '后曉琳', variants: ['後曉琳'] },
    { simplified: '於梅', variants: [] },
    { simplified: '乾溪镇', traditional: '乾溪鎮', variants: [] },
  ];
  const POOL = [
    '钟乾',
    '鐘乾',
    '后晓琳',
    '後曉琳',
    '於梅',
    '乾溪镇',
    '在',
    '卫生院',
    '工作',
    '后来',
    '干部',
    '，',
    '。',
    ' ',
    'a',
  ];
  const text = fc.array(fc.constantFrom(...POOL), { maxLength: 30 }).map((parts) => parts.join(''));

  test.each(['tw', 'hk'] as const)('agree on every text (%s), glossary included', (variant) => {
    const convert = createTraditionalConverter({ variant, glossary });
    fc.assert(
      fc.property(text, (s) => convert(s) === toTraditional(s, { variant, glossary })),
      { numRuns: 300 },
    );
  });
});

describe('regionalUsage', () => {
  test('Taiwan pages get corner brackets and Taiwan words; the site glossary still wins', () => {
    const toTw = createTraditionalConverter({ variant: 'tw', glossary: [...regionalUsage('tw')] });
    expect(toTw('“搜索”这些数据，‘示例’')).toBe('「搜尋」這些資料，『示例』');
    expect(toTw('输入姓名搜索')).toBe('輸入姓名搜尋');
    const site = createTraditionalConverter({
      variant: 'tw',
      glossary: [{ simplified: '数据中心', traditional: '數據中心', variants: [] }, ...regionalUsage('tw')],
    });
    expect(site('示例市数据中心')).toBe('示例市數據中心');
    expect(regionalUsage('hk')).toEqual([]);
  });

  test('agrees with toTraditional given the same terms', () => {
    const glossary = regionalUsage('tw').map((t) => ({ ...t, variants: [...(t.variants ?? [])] }));
    const text = '关于“最美基层卫生健康工作者”的数据和‘搜索’';
    expect(createTraditionalConverter({ variant: 'tw', glossary })(text)).toBe(
      toTraditional(text, { variant: 'tw', glossary }),
    );
  });
});
