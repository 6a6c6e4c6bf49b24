import { describe, expect, test } from 'vitest';
import { formatCount, formatDate, siteToday } from '../../src/site/site-dates.ts';

describe('siteToday', () => {
  test('is DEEDS_TODAY when set, else today in China Standard Time', () => {
    expect(siteToday({ DEEDS_TODAY: '2023-01-10' })).toBe('2023-01-10');
    // 2023-01-09 20:00 UTC is already 2023-01-10 in Beijing.
    expect(siteToday({}, new Date('2023-01-09T20:00:00Z'))).toBe('2023-01-10');
    expect(siteToday({}, new Date('2023-01-09T15:59:59Z'))).toBe('2023-01-09');
  });

  test('rejects a DEEDS_TODAY that is not a date, saying how to write it', () => {
    expect(() => siteToday({ DEEDS_TODAY: '10/01/2023' })).toThrow(/YYYY-MM-DD/);
  });
});

test.each([
  ['2023-01-04', '2023年1月4日'],
  ['2021-05', '2021年5月'],
  ['2021', '2021年'],
])('formatDate(%s) = %s', (iso, expected) => {
  expect(formatDate(iso)).toBe(expected);
});

test.each([
  [0, '0'],
  [999, '999'],
  [1234, '1,234'],
  [1_000_000, '1,000,000'],
])('formatCount(%d) = %s', (value, expected) => {
  expect(formatCount(value)).toBe(expected);
});
