/**
 * Scores the extractor against the corpus's hand-read facts: per field, what was expected, found,
 * missed and invented, and per document what differed. Values are compared in a canonical form
 * (simplified script, NFKC, no spaces or quotation marks, one kind of bracket), so that `示卫人〔2012〕56号`
 * and `示卫人(2012)56号`, or `南陽市衛健委` and `南阳市卫健委`, are the same fact.
 */
import { extractDocument, type ExtractResult } from '../../src/pipeline/extract/extract.ts';
import { normaliseText } from '../../src/pipeline/normalise/normalise.ts';
import { toSimplified } from '../../src/pipeline/normalise/script.ts';
import type { CorpusDocument, Label } from './corpus.ts';

export const FIELDS = [
  'docNumber',
  'date',
  'deadline',
  'issuer',
  'wordLimits',
  'quotas',
  'awardees',
  'subject',
] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldScore {
  /** Values the labels hold. */
  expected: number;
  /** Values the extractor returned. */
  extracted: number;
  /** Values that match a label. */
  found: number;
  recall: number;
  precision: number;
  /** Values returned where the label has none (a null field, or a list item with no counterpart). */
  invented: number;
}

export interface DocumentDiff {
  id: string;
  field: Field | 'furniture' | 'prose';
  missed: string[];
  invented: string[];
}

export interface EvalReport {
  documents: number;
  fields: Record<Field, FieldScore>;
  /** Awardees returned on notices (which name nobody honoured) that no label holds. */
  inventedOnNotices: number;
  /** Documents with furniture labels, and those on which the normaliser left some. */
  furniture: { documents: number; leftOn: number; proseLost: number };
  diffs: DocumentDiff[];
}

/** The canonical form values are compared in. */
export function canonical(value: string): string {
  return toSimplified(value.normalize('NFKC'))
    .replace(/[\s\u200b-\u200f\u2060\ufeff]+/gu, '')
    .replace(/[《》“”"'‘’「」『』]/gu, '')
    .replace(/[〔［\[【﹝（]/gu, '(')
    .replace(/[〕］\]】﹞）]/gu, ')')
    .replace(/同志$/u, '');
}

const issuerPart = (part: string) =>
  canonical(part)
    .replace(/委员会$/u, '委')
    .replace(/^中共/u, '');
const issuerKey = (value: string) =>
  value
    .split(/[、,，;；和及]/u)
    .map(issuerPart)
    .filter(Boolean)
    .sort()
    .join('、');

function bigrams(value: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < value.length - 1; i++) out.add(value.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return a === b ? 1 : 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const withoutNotes = (value: string) => canonical(value).replace(/\([^)]*\)/gu, '');

/** A quota category matches when one holds the other, or they share enough of their wording. */
export function sameCategory(a: string, b: string): boolean {
  const x = withoutNotes(a);
  const y = withoutNotes(b);
  if (!x || !y) return true;
  return x.includes(y) || y.includes(x) || dice(x, y) >= 0.3;
}

/** A table row's fact matches a label naming the same column and unit: `先进集体(金水区)`. */
function sameRow(label: string, row: string): boolean {
  const x = canonical(label);
  const y = canonical(row);
  const unit = /\(([^)]*)\)$/u.exec(y)?.[1];
  return x === y || (unit !== undefined && x.includes(`(${unit})`) && sameCategory(x, y));
}

interface ListScore {
  found: number;
  missed: string[];
  invented: string[];
}

/** Greedy one-to-one matching of two lists. */
function matchLists<E, X>(
  expected: E[],
  extracted: X[],
  same: (e: E, x: X) => boolean,
  showE: (e: E) => string,
  showX: (x: X) => string,
): ListScore {
  const used = new Set<number>();
  const missed: string[] = [];
  let found = 0;
  for (const e of expected) {
    const index = extracted.findIndex((x, i) => !used.has(i) && same(e, x));
    if (index < 0) missed.push(showE(e));
    else {
      used.add(index);
      found++;
    }
  }
  const invented = extracted.filter((_, i) => !used.has(i)).map(showX);
  return { found, missed, invented };
}

function subjectName(label: Label): string | null | undefined {
  const subject = label.subject;
  if (subject === undefined) return undefined;
  if (subject === null) return null;
  return typeof subject === 'string' ? subject : subject.name;
}

/** One document's comparison, field by field (fields the label does not carry are left out). */
export function compare(
  label: Label,
  result: ExtractResult,
): Partial<Record<Field, ListScore & { expected: number; extracted: number }>> {
  const out: Partial<Record<Field, ListScore & { expected: number; extracted: number }>> = {};
  const scalar = (field: Field, expected: string | null | undefined, extracted: string | null, key = canonical) => {
    if (expected === undefined) return;
    const e = expected === null ? [] : [expected];
    const x = extracted === null ? [] : [extracted];
    out[field] = {
      expected: e.length,
      extracted: x.length,
      ...matchLists(e, x, (a, b) => key(a) === key(b), String, String),
    };
  };
  scalar('docNumber', label.docNumber, result.docNumber);
  scalar('date', label.date, result.date);
  scalar('deadline', label.deadline, result.deadline);
  scalar('issuer', label.issuer, result.issuer, issuerKey);
  scalar('subject', subjectName(label), result.subject?.name ?? null);
  if (label.wordLimits) {
    out.wordLimits = {
      expected: label.wordLimits.length,
      extracted: result.wordLimits.length,
      ...matchLists(
        label.wordLimits,
        result.wordLimits,
        (e, x) => e.limit === x.limit && e.kind === x.kind,
        (e) => `${e.limit}${e.kind}`,
        (x) => `${x.limit}${x.kind}`,
      ),
    };
  }
  if (label.quotas) {
    // A quota table's rows (`先进集体（金水区）` 1) are facts the extractor reads into `quotaTables`: a label
    // that lists them is matched against them, and rows no label lists are not counted as invented.
    const rows = result.quotaTables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.counts.flatMap((count, column) =>
          count === null ? [] : [{ category: `${table.columns[column]}（${row.unit}）`, count, row: true }],
        ),
      ),
    );
    const extracted = [...result.quotas.map((q) => ({ ...q, row: false })), ...rows];
    const score = matchLists(
      label.quotas,
      extracted,
      (e, x) => e.count === x.count && (x.row ? sameRow(e.category, x.category) : sameCategory(e.category, x.category)),
      (e) => `${e.category} ${e.count}`,
      (x) => (x.row ? '' : `${x.category} ${x.count}`),
    );
    const invented = score.invented.filter(Boolean);
    out.quotas = { expected: label.quotas.length, extracted: score.found + invented.length, ...score, invented };
  }
  if (label.awardees) {
    // A person listed twice is one awardee.
    const extracted = result.awardees.filter(
      (a, i, all) => all.findIndex((b) => canonical(b.name) === canonical(a.name)) === i,
    );
    out.awardees = {
      expected: label.awardees.length,
      extracted: extracted.length,
      ...matchLists(
        label.awardees,
        extracted,
        (e, x) => canonical(e.name) === canonical(x.name),
        (e) => e.name,
        (x) => x.name,
      ),
    };
  }
  return out;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Runs the extractor over the documents and scores it. */
export function evaluate(documents: CorpusDocument[]): EvalReport {
  const totals = Object.fromEntries(
    FIELDS.map((field) => [field, { expected: 0, extracted: 0, found: 0, invented: 0 }]),
  ) as Record<Field, { expected: number; extracted: number; found: number; invented: number }>;
  const diffs: DocumentDiff[] = [];
  let inventedOnNotices = 0;
  const furniture = { documents: 0, leftOn: 0, proseLost: 0 };
  for (const document of documents) {
    const { result, normalised } = extractDocument(document.text, { path: document.id });
    const comparison = compare(document.label, result);
    for (const field of FIELDS) {
      const score = comparison[field];
      if (!score) continue;
      const total = totals[field];
      total.expected += score.expected;
      total.extracted += score.extracted;
      total.found += score.found;
      total.invented += score.invented.length;
      if (field === 'awardees' && document.label.kind === 'announcement') inventedOnNotices += score.invented.length;
      if (score.missed.length || score.invented.length)
        diffs.push({ id: document.id, field, missed: score.missed, invented: score.invented });
    }
    const marks = document.label.furniture ?? document.label.boilerplate;
    if (marks?.length) {
      furniture.documents++;
      const text = normalised.value;
      // A mark the normaliser removes even on its own (a furniture line) is left only if it is still there as printed.
      const left = marks.filter((mark) => {
        const normalised = normaliseText(mark).value.trim();
        return text.includes(mark) || (normalised !== '' && text.includes(normalised));
      });
      const lost = (document.label.prose ?? []).filter((prose) => !text.includes(normaliseText(prose).value.trim()));
      if (left.length) {
        furniture.leftOn++;
        diffs.push({ id: document.id, field: 'furniture', missed: left, invented: [] });
      }
      if (lost.length) {
        furniture.proseLost++;
        diffs.push({ id: document.id, field: 'prose', missed: lost, invented: [] });
      }
    }
  }
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const t = totals[field];
      return [field, { ...t, recall: ratio(t.found, t.expected), precision: ratio(t.found, t.extracted) }];
    }),
  ) as Record<Field, FieldScore>;
  return { documents: documents.length, fields, inventedOnNotices, furniture, diffs };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The report as editors and developers read it: a table, then what each document missed. */
export function formatReport(report: EvalReport, options: { diffs?: boolean } = {}): string {
  const lines = [
    `${report.documents} documents`,
    '',
    '| field | expected | found | recall | extracted | precision | invented |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const field of FIELDS) {
    const s = report.fields[field];
    lines.push(
      `| ${field} | ${s.expected} | ${s.found} | ${percent(s.recall)} | ${s.extracted} | ${percent(s.precision)} | ${s.invented} |`,
    );
  }
  lines.push(
    '',
    `awardees invented on notices: ${report.inventedOnNotices}`,
    `furniture left by the normaliser: on ${report.furniture.leftOn} of ${report.furniture.documents} documents; prose lost on ${report.furniture.proseLost}`,
  );
  if (options.diffs ?? true) {
    lines.push('', 'Differences (− missed, + invented):');
    let current = '';
    for (const diff of report.diffs) {
      if (diff.id !== current) lines.push(`${diff.id}`);
      current = diff.id;
      for (const value of diff.missed) lines.push(`  ${diff.field}  − ${value}`);
      for (const value of diff.invented) lines.push(`  ${diff.field}  + ${value}`);
    }
  }
  return lines.join('\n');
}
