import { describe, expect, test } from 'vitest';
import { SPUN_PAIRS } from '../../../src/pipeline/check/data/spun-text.ts';
import { ruleMessages } from './harness.ts';

describe('spun-text', () => {
  test.each(SPUN_PAIRS.map((pair) => [pair.id, pair.example, pair.spun, pair.original]))(
    '%s: %j suggests the original',
    (_id, example, spun, original) => {
      const messages = ruleMessages('spun-text', `${example}。`);
      expect(messages).toHaveLength(example.split(spun).length - 1);
      expect(messages[0]!.severity).toBe('warning');
      expect(messages[0]!.message).toContain(`“${spun}”`);
      expect(messages[0]!.message).toContain(`“${original}”`);
    },
  );

  test('the longest pair wins: 科学开展观 is one warning', () => {
    const messages = ruleMessages('spun-text', '牢固树立科学开展观。');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('科学发展观');
  });

  test.each([
    ['要在202223年年底前后建成', '202223年'],
    ['2019123年', '2019123年'],
  ])('broken year %j', (body, found) => {
    const messages = ruleMessages('spun-text', body);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain(found);
  });

  test.each([
    ['全心全意为人民服务。'],
    ['创建省级文明城市。'],
    ['2023年工作圆满完成。'],
    ['为群众提供基础医疗。'],
    ['编号123456年'],
  ])('passes %j', (body) => {
    expect(ruleMessages('spun-text', body)).toEqual([]);
  });
});
