import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvField, foldLine, icsText, toCsv, toIcs } from '../../src/site/open-data.ts';

/** A minimal RFC 4180 reader, to prove the writer round-trips. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    } else field += c;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

describe('CSV', () => {
  test('starts with a BOM, uses CRLF, and round-trips any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
          { minLength: 1, maxLength: 5 },
        ),
        (cells) => {
          const columns = cells.map((_, i) => `c${i}`);
          const row = Object.fromEntries(cells.map((c, i) => [`c${i}`, c]));
          const csv = toCsv(columns, [row]);
          expect(csv.startsWith('\uFEFFc0')).toBe(true);
          expect(parseCsv(csv)[1]).toEqual(cells);
        },
      ),
    );
  });

  test.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@SUM(1)', "'@SUM(1)"],
    ['张伟', '张伟'],
    ['a,b', '"a,b"'],
  ])('csvField(%s) → %s', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('ICS', () => {
  test('folds long lines at 75 octets without splitting characters', () => {
    const line = `SUMMARY:${'材料报送截止'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(line);
  });

  test('escapes text and writes all-day events', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const ics = toIcs([{ uid: 'x@y', date: '2023-02-28', summary: '截止' }], { name: '日历', stamp: '2023-01-01' });
    expect(ics).toContain('DTSTART;VALUE=DATE:20230228\r\nDTEND;VALUE=DATE:20230301\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
