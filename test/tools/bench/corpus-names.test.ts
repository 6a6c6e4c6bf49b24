/**
 * The bench corpus's awardee names: unique, and spread like real names, so that no one character
 * ends every name and becomes a posting list on every page of the search index (issue 8).
 */
import { describe, expect, test } from 'vitest';
import { personName } from '../../../tools/bench/corpus.ts';

describe('personName', () => {
  const names = Array.from({ length: 20_000 }, (_, i) => personName(i));

  test('gives 20,000 different names of a surname and two given characters', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const name of names.slice(0, 100)) expect([...name]).toHaveLength(3);
  });

  test.each([
    ['surname', 0],
    ['first given character', 1],
    ['last given character', 2],
  ])('no %s is shared by more than 3%% of the first 10,000 names', (_label, position) => {
    const counts = new Map<string, number>();
    for (const name of names.slice(0, 10_000)) {
      const char = [...name][position]!;
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(300);
  });
});
