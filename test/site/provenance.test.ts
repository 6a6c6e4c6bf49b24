import { expect, test } from 'vitest';
import { describeNormalisation } from '../../src/site/provenance.ts';

const changes = (...rules: string[]) => rules.map((rule) => ({ rule }));

test.each([
  [
    {
      sourceScript: 'traditional',
      changes: [...changes('script', 'script'), ...changes(...Array(12).fill('pinyin-residue'))],
    },
    '由繁体转换；移除拼音标注 12 处',
  ],
  [
    {
      sourceScript: 'simplified',
      changes: changes(
        'scrape-noise/breadcrumb',
        'scrape-noise/copyright+scrape-noise/action-bar',
        'fullwidth-punctuation',
      ),
    },
    '移除网页杂项 2 处；改为全角标点 1 处',
  ],
  [{ sourceScript: 'simplified', changes: changes('pinyin-residue+script') }, '由繁体转换；移除拼音标注 1 处'],
  [{ sourceScript: 'mixed', changes: [] }, '由繁简混排统一为简体'],
  [{ sourceScript: 'simplified', changes: changes('new-rule') }, '规范化（new-rule） 1 处'],
  [{ sourceScript: 'simplified', changes: [] }, undefined],
  [undefined, undefined],
])('describeNormalisation(%o) = %s', (input, expected) => {
  expect(describeNormalisation(input)).toBe(expected);
});
