import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { quantile, sampleQueries, summariseSearch } from '../../../tools/bench/search.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('search benchmark queries', () => {
  const dist = tempDir('deeds-search-bench-');
  mkdirSync(join(dist, 'data'), { recursive: true });
  writeFileSync(
    join(dist, 'data', 'awardees.json'),
    JSON.stringify({ awardees: ['王静静', '李建国', '示例市中心血站', '陈刚'].map((name) => ({ name })) }),
  );
  const bodies = ['扎根基层三十年，守护群众健康。', '连续五十一天坚守发热门诊，组织开展流行病学调查。'];
  bodies.forEach((text, i) => {
    mkdirSync(join(dist, 'deeds', '2023', `d${i}`), { recursive: true });
    writeFileSync(
      join(dist, 'deeds', '2023', `d${i}`, 'index.html'),
      `<html><body><h1>标题</h1><div class="prose"><p>${text}</p></div></body></html>`,
    );
  });

  test('names of awardees and whole-word phrases of write-ups, the same every time', () => {
    const { first, name, later } = sampleQueries(dist, 6);
    expect(sampleQueries(dist, 6)).toEqual({ first, name, later });
    // The first name search is an awardee's name (the middle of the list).
    expect(name).toBe('示例市中心血站');
    const names = later.filter((q) => ['王静静', '李建国', '示例市中心血站', '陈刚'].includes(q));
    expect(names.length).toBeGreaterThanOrEqual(3);
    // Phrases are taken from the write-ups' text, never across what is not there.
    for (const phrase of [first, ...later.filter((q) => !names.includes(q))]) {
      expect(bodies.some((body) => body.includes(phrase))).toBe(true);
      expect(phrase.length).toBeGreaterThanOrEqual(2);
    }
    expect(later).not.toContain(first);
  });

  test.each([
    [[5, 1, 3], 0.5, 3],
    [[5, 1, 3, 9], 0.9, 9],
    [[], 0.5, 0],
  ])('quantile(%j, %d) = %d', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  test('the summary bench reports: first name and phrase in KB, later p90, p50 of the times', () => {
    const summary = summariseSearch({
      nameQuery: '王静静',
      nameQueryBytes: 102_400,
      firstQuery: '守护健康',
      firstQueryBytes: 256_000,
      laterBytes: [1024, 2048, 3072, 4096, 5120, 6144, 7168, 8192, 9216, 60_000],
      timesMs: [30, 10, 20, 200],
      queries: [],
    });
    expect(summary).toEqual({
      nameFirstKB: 100,
      fullTextFirstKB: 250,
      laterMedianKB: 6,
      laterP90KB: 58.6,
      p50ms: 30,
      p90ms: 200,
      queries: 10,
    });
  });
});
