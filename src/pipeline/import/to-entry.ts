/**
 * Turn an extraction into a content entry: frontmatter that validates against the collection's
 * schema, and the normalised text as an MDX body (tables as Markdown tables, blank forms left out,
 * MDX syntax escaped). What the document does not state is filled with a value the schema accepts
 * and listed at the top of the body under 待填写, which `deeds check` reports until an editor decides.
 *
 *   planEntry({ result: { kind: 'announcement', title: '关于…的通知', date: null, … }, … })
 *     →  { collection: 'announcements', year: 2021, slug: 'guanyu-…-tongzhi', frontmatter: { … }, body: '> 待填写：…' }
 */
import { stringify } from 'yaml';
import type { ExtractKind, ExtractResult } from '../extract/types.ts';
import { AnnouncementSchema, DeedSchema, RollSchema } from '../../model/schemas/index.ts';
import { findDocNumbers } from '../../lib/doc-number.ts';
import { maskFrontmatter, maskPersonalData } from './mask-personal-data.ts';
import { splitTableRows } from '../../model/quota-table.ts';
import { slugify } from '../../lib/slug.ts';

export type Collection = 'announcements' | 'rolls' | 'deeds';

export const COLLECTION_OF: Readonly<Record<ExtractKind, Collection>> = Object.freeze({
  announcement: 'announcements',
  roll: 'rolls',
  deed: 'deeds',
});

export interface EntrySource {
  /** Where the original is archived, from the project root: `archive/originals/announcements/2023/guanyu-….original.txt`. */
  file: string;
  sha256: string;
  url?: string;
  importedAt: string;
  encoding?: string | null;
  /** Other originals of the same document (`source.also`). */
  also?: { file: string; sha256: string }[];
}

export interface PlanInput {
  result: ExtractResult;
  /** The normalised text of the document. */
  text: string;
  /** The kind chosen by the editor (`--kind`), else the extractor's. */
  kind?: ExtractKind;
  source: EntrySource;
  /** Today, `YYYY-MM-DD`: the fill-in date where the document gives none. */
  today: string;
  /** A fallback for the file name when the document has no title (the source file's base name). */
  fallbackName: string;
}

export interface EntryPlan {
  kind: ExtractKind;
  collection: Collection;
  year: number;
  slug: string;
  frontmatter: Record<string, unknown>;
  body: string;
  /** What the editor must decide, one line each (also at the top of the body). */
  todos: string[];
  /** What the import left out of the body on purpose (blank forms), for the editor, never for the page. */
  notes: string[];
}

const TODO = '待填写';

export function planEntry(input: PlanInput): EntryPlan {
  const { result, today } = input;
  const kind = input.kind ?? result.kind;
  const todos: string[] = [];
  const todayYear = Number(today.slice(0, 4));
  const dateYear = result.date ? Number(result.date.slice(0, 4)) : null;
  const docYear = result.docNumber ? (findDocNumbers(result.docNumber)[0]?.year ?? null) : null;
  const validYear = (y: number | null) => (y !== null && y >= 1949 && y <= 2100 ? y : null);
  const date = () => {
    if (result.date) return result.date;
    // A stand-in that contradicts nothing the document says: 1 January of its year, else today.
    const knownYear = docYear ?? validYear(result.evaluationYear === null ? null : result.evaluationYear + 1);
    const fill =
      knownYear !== null && `${knownYear}-01-01` <= (result.deadline ?? '9999') ? `${knownYear}-01-01` : today;
    todos.push(`date（成文或授予日期）：原文未写明，暂填 ${fill}`);
    return fill;
  };
  const text = (field: string, value: string | null, what: string) => {
    if (value) return value;
    todos.push(`${field}（${what}）：原文未写明`);
    return TODO;
  };
  const source = cleanSource(input.source);
  let frontmatter: Record<string, unknown>;
  let year: number;
  if (kind === 'announcement') {
    const title = text('title', result.title, '标题');
    frontmatter = {
      kind: /决定$/u.test(title) ? 'decision' : /公示$/u.test(title) ? 'publicity' : 'notice',
      title,
      ...(result.docNumber ? { docNumber: result.docNumber } : {}),
      issuer: text('issuer', result.issuer, '发文机关'),
      date: date(),
      recipients: result.recipients,
      ...(validYear(result.evaluationYear) ? { evaluationYear: result.evaluationYear } : {}),
      categories: result.quotas.map((q) => ({
        name: q.category,
        quota: q.count,
        subjectType: /单位|集体|医院|科室|团队|组织|支部/u.test(q.category) ? 'unit' : 'person',
      })),
      quotaTables: result.quotaTables,
      wordLimits: result.wordLimits,
      ...(result.deadline ? { deadline: result.deadline } : {}),
      phases: result.phases,
      attachments: result.attachments,
      ...(result.publicity ? { publicity: result.publicity } : {}),
      ...(result.publicityPeriod && /公示$/u.test(title) ? { publicityPeriod: result.publicityPeriod } : {}),
      ...(result.printedBy ? { printedBy: result.printedBy } : {}),
      ...(result.printedDate ? { printedDate: result.printedDate } : {}),
      source,
    };
    year = dateYear ?? docYear ?? todayYear;
  } else if (kind === 'roll') {
    const rollYear = validYear(result.evaluationYear) ?? dateYear;
    if (rollYear === null) todos.push(`year（表彰年度）：原文未写明，暂填 ${todayYear}`);
    frontmatter = {
      title: text('title', result.title, '标题'),
      issuer: text('issuer', result.issuer, '发文机关'),
      year: rollYear ?? todayYear,
      date: date(),
      categories: rollCategories(result, todos),
      source,
    };
    year = dateYear ?? rollYear ?? todayYear;
  } else {
    const deedYear = validYear(result.evaluationYear) ?? dateYear;
    if (deedYear === null) todos.push(`year（荣誉所属年度）：原文未写明，暂填 ${todayYear}`);
    if (!result.subject) todos.push('subject（事迹主体：姓名或单位名称，及 person/unit）：未能从原文读出');
    frontmatter = {
      title: text('title', result.title, '标题'),
      subject: result.subject ?? { name: TODO, type: 'person' },
      ...(result.unit ? { unit: result.unit } : {}),
      honours: result.honours,
      year: deedYear ?? todayYear,
      photos: [],
      source,
    };
    year = deedYear ?? todayYear;
  }
  validate(kind, frontmatter, todos);
  const slugSource = result.title ?? result.subject?.name ?? input.fallbackName;
  const slug = slugify(slugSource) || 'untitled';
  const notes: string[] = [];
  // Personal data the document gives (身份证号, 联系电话, 家庭住址…) is masked, never written to content/.
  const masked: string[] = [];
  maskFrontmatter(frontmatter, COLLECTION_OF[kind], masked);
  const privacy = maskPersonalData(entryLines(input.text, result, kind, notes).join('\n'), COLLECTION_OF[kind]);
  for (const item of privacy.masked) if (!masked.includes(item)) masked.push(item);
  if (masked.length > 0) {
    todos.push(`个人信息已隐去：${masked.join('、')}；原件只存档在 archive/（不提交），请确认正文不需要这些内容`);
  }
  const body = renderBody(privacy.text.split('\n'), todos, result.placeholders);
  return { kind, collection: COLLECTION_OF[kind], year, slug, frontmatter, body, todos, notes };
}

function cleanSource(source: EntrySource): Record<string, unknown> {
  return {
    ...(source.url ? { url: source.url } : {}),
    file: source.file,
    sha256: source.sha256,
    importedAt: source.importedAt,
    ...(source.encoding ? { encoding: source.encoding } : {}),
    ...(source.also?.length ? { also: source.also } : {}),
  };
}

function rollCategories(result: ExtractResult, todos: string[]): Record<string, unknown>[] {
  const names = [...new Set(result.awardees.map((a) => a.category))];
  const categories = names.map((name) => {
    const declared = result.categories.find((c) => c.name === name);
    const awardees = result.awardees
      .filter((a) => a.category === name)
      .map((a) => ({ name: a.name, ...(a.unit ? { unit: a.unit } : {}) }));
    const subjectType = declared?.subjectType ?? (name && UNIT_CATEGORY_NAME.test(name) ? 'unit' : 'person');
    return {
      name: name ?? TODO,
      subjectType,
      ...(declared?.declaredCount != null ? { declaredCount: declared.declaredCount } : {}),
      awardees,
    };
  });
  if (names.includes(null)) todos.push('categories.name（类别名称）：名单未分类别，请填写类别');
  if (categories.length === 0) {
    todos.push('categories（类别和获奖者）：未能从原文读出名单，请按原件填写');
    return [{ name: TODO, subjectType: 'person', awardees: [{ name: TODO }] }];
  }
  return categories;
}

/** Categories that honour units: 先进集体, 优秀单位, 示范医院. */
const UNIT_CATEGORY_NAME = /(?:单位|集体|医院|科室|团队|组织|支部|卫生院|中心)$/u;

const SCHEMAS = { announcement: AnnouncementSchema, roll: RollSchema, deed: DeedSchema } as const;

/** Drop optional fields the schema refuses (an odd table, say), so the entry always parses; list them as to-dos. */
function validate(kind: ExtractKind, frontmatter: Record<string, unknown>, todos: string[]): void {
  const required = new Set(['title', 'issuer', 'date', 'year', 'subject', 'kind', 'categories']);
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = SCHEMAS[kind].safeParse(frontmatter);
    if (parsed.success) return;
    const removable = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(
      (field) => field in frontmatter && !required.has(field),
    );
    if (removable.length === 0) return;
    for (const field of removable) {
      delete frontmatter[field];
      todos.push(`${field}：读出的内容不符合格式，已略去，请按原件填写`);
    }
  }
}

/** Captions of blank forms (推荐审批表), which are not published: the original keeps them. */
const FORM_CAPTION = /(?:推荐|审批|登记|申报|申请|报名|考核|鉴定)表$/u;
const ATTACHMENT_HEADING = /^附\s*件\s*([0-9０-９一二三四五六七八九十]{1,2})\s*[:：]?\s*(.*)$/u;

/**
 * The lines of the document that belong in the entry's body: what the page lays out from the
 * frontmatter is left out, so that each fact shows once — the letterhead, 发文字号 and title above the
 * 主送 line, the 附件 list, the signature, 成文日期, 附注 and 印发 line, a quota table read into
 * `quotaTables` — and blank forms (推荐审批表) are left to the original, with a note for the editor.
 * What is left out is only what the frontmatter holds, so no word of the document is lost.
 */
export function entryLines(text: string, result: ExtractResult, kind: ExtractKind, notes: string[]): string[] {
  let lines = dropForms(text.split('\n'), notes);
  lines = dropHeader(lines, result, kind);
  if (kind !== 'announcement') return lines;
  const flat = (line: string) => closeSpaces(line.trim());
  const tableCaptions = result.quotaTables.map((table) => flat(table.caption));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = flat(lines[i]!);
    // 附件1：(caption) followed by a quota table the frontmatter holds: the page shows it as a table.
    const heading = ATTACHMENT_HEADING.exec(line);
    if (heading) {
      const next = lines
        .slice(i + 1, i + 4)
        .map(flat)
        .filter(Boolean);
      const caption = heading[2] || next[0] || '';
      const joined = caption + (next[1] ?? '');
      if (tableCaptions.some((c) => c === caption || c === joined || (caption.length >= 6 && c.startsWith(caption)))) {
        let end = i + 1;
        while (end < lines.length && !ATTACHMENT_HEADING.test(flat(lines[end]!))) end++;
        i = end - 1;
        continue;
      }
    }
    if (isLaidOut(line, result)) continue;
    out.push(lines[i]!);
  }
  // 附件：1.… with its numbered items when the frontmatter lists them.
  return dropAttachmentList(out, result);
}

const closeSpaces = (text: string) => text.replace(/(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])/gu, '');

/** Lines the page renders from the frontmatter: signature, 成文日期, 附注, 印发 line. */
function isLaidOut(line: string, result: ExtractResult): boolean {
  if (!line) return false;
  if (result.issuer && (line === result.issuer || result.issuer.split('、').includes(line))) return true;
  if (result.date && isDateLine(line, result.date)) return true;
  if (result.publicity && /^[（(]?\s*此件[^）)]*[）)]?$/u.test(line) && line.includes(result.publicity)) return true;
  if ((result.printedBy || result.printedDate) && /印发$/u.test(line) && line.length <= 60) return true;
  return false;
}

function isDateLine(line: string, iso: string): boolean {
  const date = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(line);
  if (!date) return false;
  const [, y, m, d] = date;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` === iso;
}

function dropAttachmentList(lines: string[], result: ExtractResult): string[] {
  if (result.attachments.length === 0) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = closeSpaces(lines[i]!.trim());
    if (/^附\s*件\s*[:：]/u.test(line) && !ATTACHMENT_HEADING.test(line)) {
      let end = i + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || /^\d{1,2}\s*[.．、]/u.test(lines[end]!.trim()))) end++;
      i = end - 1;
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}

/** The letterhead, 发文字号 and title above the first line of the text, when the frontmatter holds the title. */
function dropHeader(lines: string[], result: ExtractResult, kind: ExtractKind): string[] {
  if (!result.title) return lines;
  const flat = (line: string) => closeSpaces(line.trim());
  const title = flat(result.title);
  // The title may be broken over lines: the header ends where the lines read so far hold it.
  let read = '';
  let end = -1;
  for (let i = 0; i < lines.length && i < 20; i++) {
    const line = flat(lines[i]!);
    if (!line) continue;
    if (line.length > 80 || /[。！？]$/u.test(line)) break;
    read += line;
    if (read.includes(title)) {
      end = i;
      break;
    }
  }
  if (end < 0) return lines;
  // The 发文字号 printed under the title, in brackets or not: `（并卫办发〔2007〕28号）`.
  while (result.docNumber && end + 1 < lines.length) {
    const next = flat(lines[end + 1]!);
    const [number] = findDocNumbers(next);
    if (next && !(number && next.length - number.printed.length <= 2)) break;
    end++;
  }
  const rest = lines.slice(end + 1);
  // A 主送 line may stand between the title and the text in any kind; it stays (the page lays it out).
  return kind === 'announcement' || rest.some((l) => l.trim()) ? rest : lines;
}

/** The normalised text as an MDX body. */
export function renderBody(text: string | string[], todos: readonly string[], placeholders: readonly string[]): string {
  const blocks: string[] = [];
  if (todos.length > 0 || placeholders.length > 0) {
    const items = [...todos];
    if (placeholders.length > 0) items.push(`原文有打码文字（${placeholders.join('、')}），请按原件核实补全`);
    blocks.push(
      `> ${TODO}：导入时以下信息需要编辑确认，确认后删除本段。\n>\n${items.map((t) => `> - ${escape(t)}`).join('\n')}`,
    );
  }
  const lines = Array.isArray(text) ? text : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    // 一、评选范围 and （一）评选条件 on a line of their own are the document's headings.
    const heading = headingLevel(line.trim());
    if (heading) {
      blocks.push(`${'#'.repeat(heading)} ${escape(line.trim())}`);
      continue;
    }
    if (line.includes('\t') || /^\s*\|.*\|\s*$/u.test(line)) {
      let end = i;
      // A Markdown table is contiguous rows; a Word table's (tabs) may have short cell lines between them.
      const markdown = PIPE_ROW.test(line);
      while (
        end + 1 < lines.length &&
        (markdown ? PIPE_ROW.test(lines[end + 1]!) : isTableContinuation(lines, end + 1))
      )
        end++;
      blocks.push(tableBlock(lines.slice(i, end + 1)));
      i = end;
      continue;
    }
    blocks.push(escape(line.trim()));
  }
  return blocks.filter(Boolean).join('\n\n') + '\n';
}

const PIPE_ROW = /^\s*\|.*\|\s*$/u;

/** `一、…` is a level-2 heading, `（一）…` level 3, when the line is short and not a sentence. */
function headingLevel(line: string): number | null {
  if (line.length > 30 || /[。；;，,：:]$/u.test(line) || /[。；;]/u.test(line)) return null;
  if (/^[一二三四五六七八九十]{1,3}、\S/u.test(line)) return 2;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]\S/u.test(line)) return 3;
  return null;
}

function isTableContinuation(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (line.includes('\t') || /^\s*\|.*\|\s*$/u.test(line)) return true;
  // Blank lines and short cell continuations inside a Word table, if more table lines follow.
  if (line.trim().length > 30) return false;
  for (let j = index + 1; j < lines.length && j < index + 4; j++) {
    if (lines[j]!.includes('\t') || /^\s*\|.*\|\s*$/u.test(lines[j]!)) return true;
    if (lines[j]!.trim().length > 30) return false;
  }
  return false;
}

function tableBlock(lines: readonly string[]): string {
  const rows = splitTableRows(lines).map((row) => row.map((cell) => escapeCell([cell.text, ...cell.notes].join(''))));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const out = rows.map((r) => `| ${[...r, ...Array.from({ length: width - r.length }, () => '')].join(' | ')} |`);
  out.splice(1, 0, `| ${Array.from({ length: width }, () => '---').join(' | ')} |`);
  return out.join('\n');
}

function dropForms(lines: string[], notes: string[]): string[] {
  const out: string[] = [];
  let skipping = false;
  for (let i = 0; i < lines.length; i++) {
    const heading = ATTACHMENT_HEADING.exec(lines[i]!.trim());
    if (heading) {
      let caption = heading[2]!.trim();
      for (let j = i + 1; !caption && j < lines.length && j < i + 4; j++) caption = lines[j]!.trim();
      for (let j = i + 1; j < lines.length && j < i + 6 && !FORM_CAPTION.test(caption.replace(/\s+/gu, '')); j++) {
        const next = lines[j]!.trim();
        if (
          next &&
          !next.includes('\t') &&
          next.length <= 40 &&
          FORM_CAPTION.test((caption + next).replace(/\s+/gu, ''))
        ) {
          caption += next;
        }
      }
      skipping = FORM_CAPTION.test(caption.replace(/\s+/gu, ''));
      if (skipping) {
        // A blank form is not published; the editor learns it was left out, the public sees nothing of it.
        notes.push(`附件${heading[1]}《${caption.replace(/\s+/gu, '')}》是空白表格，未放入正文；原件已存档`);
        continue;
      }
    }
    if (!skipping) out.push(lines[i]!);
  }
  return out;
}

/** Backslash-escape what Markdown or MDX would read as syntax, so the text stays text. */
function escape(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>#|~&]/gu, '\\$&')
    .replace(/^(\s*)([-+=])(\s)/u, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s)/u, '$1\\$2$3');
}

function escapeCell(text: string): string {
  return escape(text.replace(/\\\|/g, '|')).trim();
}

/** The frontmatter and body as an MDX file. */
export function renderEntry(plan: EntryPlan): string {
  return `---\n${stringify(plan.frontmatter, { lineWidth: 0 })}---\n\n${plan.body}`;
}
