/**
 * The open data files: every honour as a row (`/data/awardees.csv` with a UTF-8 BOM so that
 * Excel opens it, and `/data/awardees.json`), the announcements (`/data/announcements.json`) and
 * the deadlines as a calendar (`/data/deadlines.ics`, RFC 5545). Schemas are in the README.
 */
import type { Honour, SiteIndex } from './site-data.ts';
import type { AnnouncementStatus } from './status.ts';
import { absoluteUrl } from '../lib/base-path.ts';
import type { Site } from '../model/schemas/site.ts';

export const AWARDEE_COLUMNS = [
  'year',
  'issuer',
  'roll_id',
  'roll_title',
  'roll_date',
  'category',
  'subject_type',
  'name',
  'unit',
  'post',
  'page_url',
  'deed_url',
] as const;

export type AwardeeRow = Record<(typeof AWARDEE_COLUMNS)[number], string | number | null>;

export function awardeeRow(honour: Honour): AwardeeRow {
  return {
    year: honour.year,
    issuer: honour.issuer,
    roll_id: honour.rollId,
    roll_title: honour.rollTitle,
    roll_date: honour.date,
    category: honour.category,
    subject_type: honour.subjectType,
    name: honour.name,
    unit: honour.unit ?? null,
    post: honour.post ?? null,
    page_url: absoluteUrl(honour.href),
    deed_url: honour.deedId ? absoluteUrl(`/deeds/${honour.deedId}/`) : null,
  };
}

/** Who publishes the open data, under which licence: the `site` field of the JSON files. */
export function dataPublisher(site: Site) {
  return {
    name: site.name,
    publisher: site.publisher,
    url: absoluteUrl('/'),
    license: site.license.name,
    licenseUrl: site.license.url ?? null,
  };
}

export function awardeeRows(index: SiteIndex): AwardeeRow[] {
  return index.honours.map(awardeeRow);
}

/**
 * One CSV field (RFC 4180). A field that a spreadsheet would run as a formula (starting with
 * `= + - @` or a tab) is prefixed with `'`, the OWASP advice against CSV injection.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number | null>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface AnnouncementRecord {
  id: string;
  url: string;
  kind: 'notice' | 'decision' | 'publicity';
  title: string;
  docNumber: string | null;
  issuer: string;
  date: string;
  evaluationYear: number | null;
  deadline: string | null;
  status: AnnouncementStatus['kind'] | null;
  statusLabel: string | null;
  publicityPeriod: { start: string; end: string; contact: string | null } | null;
  notice: string | null;
  categories: { name: string; quota: number | null; subjectType: 'person' | 'unit' }[];
  rolls: string[];
}

// ICS (RFC 5545)

export interface CalendarEvent {
  uid: string;
  /** All-day date, `YYYY-MM-DD`. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function toIcs(events: readonly CalendarEvent[], options: { name: string; stamp: string }): string {
  const stamp = `${options.stamp.replace(/-/g, '')}T000000Z`;
  const next = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10).replace(/-/g, '');
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//deeds//honours calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(options.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${event.date.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${next(event.date)}`,
      `SUMMARY:${icsText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${icsText(event.description)}`] : []),
      ...(event.url ? [`URL:${event.url}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
