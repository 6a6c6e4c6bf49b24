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
  'summary',
] as const;

export type AwardeeRow = Record<(typeof AWARDEE_COLUMNS)[number], string | number | null>;

/** The type and meaning of each column, for `/data/awardees.schema.json`. */
export const AWARDEE_COLUMN_SCHEMA: Record<
  (typeof AWARDEE_COLUMNS)[number],
  { type: string | string[]; description: string }
> = {
  year: { type: 'integer', description: '表彰年度' },
  issuer: { type: 'string', description: '发文机关' },
  roll_id: { type: 'string', description: '表彰名单的编号' },
  roll_title: { type: 'string', description: '表彰名单的标题' },
  roll_date: { type: 'string', description: '表彰名单的日期（YYYY-MM-DD）' },
  category: { type: 'string', description: '荣誉名称，按名单原文' },
  subject_type: { type: 'string', description: 'person（个人）或 unit（集体）' },
  name: { type: 'string', description: '姓名或单位名称' },
  unit: { type: ['string', 'null'], description: '个人所在单位（content/units.yaml 中的名称）；集体为空' },
  post: { type: ['string', 'null'], description: '名单上的职务职称' },
  page_url: { type: 'string', description: '获奖者页面的网址' },
  deed_url: { type: ['string', 'null'], description: '先进事迹页面的网址，没有事迹时为空' },
  summary: {
    type: ['string', 'null'],
    description: '事迹的一句话简介（编辑填写的 summary，未填写时取正文第一句），没有事迹时为空',
  },
};

/** A JSON Schema (2020-12) of `/data/awardees.json`. */
export function awardeesJsonSchema(id: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: '获奖人员开放数据',
    type: 'object',
    required: ['site', 'generated', 'count', 'awardees'],
    properties: {
      site: { type: 'object', description: '发布者：站点名称、主办单位、网址、许可' },
      generated: { type: 'string', description: '生成日期（YYYY-MM-DD）' },
      count: { type: 'integer' },
      awardees: {
        type: 'array',
        items: {
          type: 'object',
          required: [...AWARDEE_COLUMNS],
          additionalProperties: false,
          properties: AWARDEE_COLUMN_SCHEMA,
        },
      },
    },
  };
}

export function awardeeRow(
  honour: Honour,
  summaryOfDeed: (deedId: string) => string | undefined = () => undefined,
): AwardeeRow {
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
    summary: (honour.deedId && summaryOfDeed(honour.deedId)) || null,
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

/** Every honour's row; `summaryOfDeed` gives a write-up's one line (`summaryOf`). */
export function awardeeRows(index: SiteIndex, summaryOfDeed?: (deedId: string) => string | undefined): AwardeeRow[] {
  return index.honours.map((honour) => awardeeRow(honour, summaryOfDeed));
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
