import { describe, expect, test } from 'vitest';
import { traditionalOnlyCharacters } from '../../../src/pipeline/check/data/residue.ts';
import { remarkCheckResidue } from '../../../src/pipeline/check/rules/residue.ts';
import { pluginMessages, run } from './harness.ts';

describe('residue', () => {
  test.each([
    ['卫(wèi)生院', 'warning', '(wèi)'],
    ['建设（shè）', 'warning', '（shè）'],
    ['服务\uFFFD\uFFFD群众', 'error', '2 个乱码'],
    ['衛生院', 'warning', '繁体字（衛）'],
    ['醫院和衛生院', 'warning', '2 个繁体字'],
  ])('%j → %s', (body, severity, found) => {
    const messages = pluginMessages(remarkCheckResidue, body);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(severity);
    expect(messages[0]!.message).toContain(found);
  });

  test.each([['卫生院'], ['乾坤'], ['CT(computed tomography)'], ['著名专家'], ['（一）评选范围']])(
    'passes %j',
    (body) => {
      expect(pluginMessages(remarkCheckResidue, body)).toEqual([]);
    },
  );

  test('glossary terms keep their characters', () => {
    const plugin: [typeof remarkCheckResidue, { protectedTerms: string[] }] = [
      remarkCheckResidue,
      { protectedTerms: ['鍾南山'] },
    ];
    expect(pluginMessages(plugin, '鍾南山院士')).toEqual([]);
    expect(pluginMessages(plugin, '鍾表')).toHaveLength(1);
  });

  test('after normalisation, a traditional deed has no residue left', () => {
    const { file } = run('南陽市衛(wèi)健委召開大會。');
    expect(file.messages.filter((m) => m.ruleId === 'residue')).toEqual([]);
  });

  test('traditional-only characters exclude characters simplified text also uses', () => {
    const set = traditionalOnlyCharacters();
    expect(set.has('衛')).toBe(true);
    expect(set.has('卫')).toBe(false);
    expect(set.has('乾')).toBe(false);
    expect(set.has('著')).toBe(false);
  });
});
