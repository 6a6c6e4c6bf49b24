import { describe, expect, test } from 'vitest';
import { createTraditionalConverter } from '../../src/lib/traditional.ts';

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

  test('leaves text without Han characters untouched and memoises short strings consistently', () => {
    const toHant = createTraditionalConverter({ variant: 'hk' });
    expect(toHant('abc 123 &amp;')).toBe('abc 123 &amp;');
    expect(toHant('发现')).toBe(toHant('发现'));
    expect(toHant('里面')).toBe('裏面');
  });
});
