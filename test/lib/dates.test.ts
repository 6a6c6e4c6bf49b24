import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { daysBetween, findDateRanges, findDates, parseDate } from '../../src/lib/dates.ts';

describe('parseDate', () => {
  test.each([
    ['2023年1月4日', '2023-01-04'],
    ['2023年1月 4日', '2023-01-04'],
    ['2023 年 1 月 4 日', '2023-01-04'],
    ['二〇二三年一月四日', '2023-01-04'],
    ['二○二○年十二月三十一日', '2020-12-31'],
    ['2023-01-04', '2023-01-04'],
    ['2023.1.4', '2023-01-04'],
    ['2023/1/4', '2023-01-04'],
    ['２０２３年１月４日', '2023-01-04'],
    ['民國107年7月17日', '2018-07-17'],
    ['民国一〇七年七月十七日', '2018-07-17'],
    ['107年7月17日', '2018-07-17'],
    ['2021年5月', '2021-05'],
    ['2023年1月4号', '2023-01-04'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso);
  });

  test.each(['2023年2月30日', '20**年5月3日', '202223年4月', '2023年13月1日', '2022年度', '97.92%', '41034萬'])(
    '%s is not a date',
    (text) => {
      expect(findDates(text, { year: 2023 })).toEqual([]);
    },
  );

  test('a month and day take the document year, and say so', () => {
    const [date] = findDates('上报材料截止时间9月15日', { year: 2021 });
    expect(date).toMatchObject({ iso: '2021-09-15', yearInferred: true, text: '9月15日' });
  });

  test('a month and day without a document year are not returned', () => {
    expect(findDates('截止时间9月15日')).toEqual([]);
  });
});

describe('findDateRanges', () => {
  test.each([
    ['（2021年5月—8月31日）', '2021-05', '2021-08-31'],
    ['(2021年9月1日—9月15日)', '2021-09-01', '2021-09-15'],
    ['2021年9月1日至15日', '2021-09-01', '2021-09-15'],
    ['2021年9月16日-9月30日', '2021-09-16', '2021-09-30'],
    ['2023年7月至12月', '2023-07', '2023-12'],
    ['2023年7月～2024年1月', '2023-07', '2024-01'],
  ])('%s → %s … %s', (text, start, end) => {
    const [range] = findDateRanges(text);
    expect(range?.start.iso).toBe(start);
    expect(range?.end?.iso).toBe(end);
  });

  test('a single date is a range without an end', () => {
    const [range] = findDateRanges('（2023年4月）');
    expect(range?.start.iso).toBe('2023-04');
    expect(range?.end).toBeNull();
  });
});

test('daysBetween counts whole days, negative backwards', () => {
  expect(daysBetween('2023-01-04', '2023-01-10')).toBe(6);
  expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
});

test('every valid date printed in 年月日 form is read back exactly, with its offsets', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      fc.string({ maxLength: 5 }),
      (d, noise) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const prefix = `。${noise.replace(/[0-9０-９年月日号號〇○零一二三四五六七八九十百民国國]/g, '')}于`;
        const text = `${prefix}${y}年${m}月${day}日前`;
        const found = findDates(text);
        return (
          found.length === 1 &&
          found[0]!.iso === `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` &&
          text.slice(found[0]!.start, found[0]!.end) === found[0]!.text
        );
      },
    ),
  );
});
