/**
 * Rule `privacy`: nothing personal reaches the public site. Resident ID numbers (with a valid
 * check digit), mobile numbers, home and personal landlines, bank cards, e-mail addresses, WeChat
 * and QQ accounts, passwords, home addresses down to the flat, profile sentences (女，汉族，中共党员，
 * 1975年3月出生) and the values of the private fields of a recommendation form (性别、年龄、出生年月、
 * 民族、政治面貌、身份证号、家庭住址、联系电话) are errors, in the body, in tables, in the frontmatter,
 * in component attributes, alt text, link titles and link URLs.
 *
 * What is checked is what will be published: the text of a paragraph (heading, table cell) joined
 * across markup and line breaks (`3204**12**198001011237` is one number), folded (`privacy-fold.ts`:
 * digits of every script, full-width letters, invisible characters removed, Chinese numerals).
 *
 * Contact details of an office are public by design: a landline, e-mail, account or street
 * address labelled as an office's (受理电话、咨询电话、监督电话、办公室…, `OFFICE_CUE`) is allowed; one
 * labelled as a person's (家里、住宅、本人、手机…) is an error; one with no label is an error in a
 * write-up or roll, and in an announcement is left to the contact-line warning.
 *
 *   性别：女，1975年3月生   →   error: 发现个人信息字段“性别”的值…
 */
import type { Root, Table, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import {
  formatPath,
  frontmatterStrings,
  indexTree,
  placeInText,
  placeOf,
  type FrontmatterCheck,
  type Place,
  type PointLike,
  type TextNode,
} from '../helpers.ts';
import { matchAll } from '../../patterns.ts';
import {
  BANK_CARD,
  BANK_CARD_CUE,
  CONTACT_FIELD_NAMES,
  CONTACT_LINE,
  EMAIL,
  GENDER_VALUE,
  HOME_ADDRESS,
  HOME_CUE_ADDRESS,
  ID_NUMBER,
  IM_ACCOUNT,
  isLuhnValid,
  isValidIdNumber,
  LANDLINE,
  MOBILE_NUMBER,
  OFFICE_CUE,
  OLD_ID_NUMBER,
  PASSWORD,
  PERSONAL_CUE,
  PRIVATE_FIELD,
  PROFILE_FACETS,
  ROOM_ADDRESS,
  TABLE_FIELD_NAMES,
} from '../data/privacy.ts';
import { foldForPrivacy, invisibleCharacters } from '../privacy-fold.ts';
import type { Collection } from '../../types.ts';
import { defineRule } from '../define-rule.ts';

export const privacyRule = defineRule({
  id: 'privacy',
  description:
    '不得发布个人信息：身份证号、手机、家庭电话、银行卡、邮箱、住址、性别民族出生年月等（单位的受理、咨询、监督电话可以公开，号码前写明）',
  fix: '删除',
  severity: 'default',
  required: true,
  examples: [
    {
      body: '她，性别：女，1975年3月生，扎根社区二十年。\n',
      message: '个人简历信息（性别、出生年月）',
      severity: 'error',
    },
    { body: '联系方式：13912345678。\n', message: '手机号', severity: 'error' },
    { collection: 'announcements', body: '受理电话：0519-12345678。\n' },
  ],
});

export const invisibleCharactersRule = defineRule({
  id: 'invisible-characters',
  description: '姓名、标题、单位等字段里不得有看不见的字符（零宽字符、改变文字方向的控制符）',
  fix: '重新输入这个字段',
  severity: 'default',
  required: true,
  examples: [
    { frontmatter: { subject: { name: '李\u200b静', type: 'person' } }, message: 'subject.name', severity: 'error' },
  ],
});

/** What a finding is, for masking on import. */
export type PrivacyKind =
  | 'id'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'email'
  | 'account'
  | 'password'
  | 'address'
  | 'profile'
  | 'field'
  | 'contact-line';

/** A finding in a piece of text: where (index range in the text as written) and what to say. */
export interface PrivacyFinding {
  start: number;
  end: number;
  reason: string;
  fatal: boolean;
  kind: PrivacyKind;
}

const CONTACT_FIELDS = new Set(CONTACT_FIELD_NAMES);
const FIELD_NAMES = new Set(TABLE_FIELD_NAMES);
const SENTENCE_END = /[。；;！？!?\n]/u;
const digitsOf = (value: string) => value.replace(/[^0-9Xx]/g, '').toUpperCase();

/**
 * Every piece of personal data in `text`, for a document of `collection`. Pure, for tests and other
 * stages (the import masks what it finds). Overlapping findings are reported once, the first kind
 * found (an ID number before the mobile number inside it).
 */
export function findPersonalData(text: string, collection: Collection): PrivacyFinding[] {
  const folded = foldForPrivacy(text);
  const kept: PrivacyFinding[] = [];
  // In priority order: where two overlap, the one found first (the more specific) stands.
  for (const finding of findInFolded(folded.value, collection)) {
    if (kept.some((other) => finding.start < other.end && other.start < finding.end)) continue;
    kept.push(finding);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((finding) => ({ ...finding, start: folded.start[finding.start]!, end: folded.end[finding.end - 1]! }));
}

interface RawFinding extends PrivacyFinding {
  priority: number;
}

function findInFolded(text: string, collection: Collection): PrivacyFinding[] {
  const raw: RawFinding[] = [];
  const add = (start: number, end: number, kind: PrivacyKind, reason: string, fatal = true) =>
    raw.push({ start, end, kind, reason, fatal, priority: raw.length });
  for (const match of matchAll(ID_NUMBER.pattern, text)) {
    const digits = digitsOf(match[0]);
    if (isValidIdNumber(digits)) add(match.index, match.index + match[0].length, 'id', idReason(digits));
  }
  for (const match of matchAll(OLD_ID_NUMBER.pattern, text)) {
    const digits = digitsOf(match[0]);
    if (isValidIdNumber(digits)) add(match.index, match.index + match[0].length, 'id', idReason(digits));
  }
  for (const match of matchAll(BANK_CARD.pattern, text)) {
    const digits = digitsOf(match[0]);
    if (!isLuhnValid(digits) && !BANK_CARD_CUE.test(before(text, match.index))) continue;
    add(
      match.index,
      match.index + match[0].length,
      'bank-card',
      `发现银行卡号“${mask(digits, 4)}”：个人信息不能发布；请删去`,
    );
  }
  for (const match of matchAll(MOBILE_NUMBER.pattern, text)) {
    add(
      match.index,
      match.index + match[0].length,
      'mobile',
      `发现手机号码“${mask(digitsOf(match[0]))}”：个人信息不能发布；请删去，需要公开联系方式时写单位办公电话`,
    );
  }
  const contact = (pattern: RegExp, kind: PrivacyKind, error: (value: string) => string, warning: string) => {
    for (const match of matchAll(pattern, text)) {
      const verdict = contactVerdict(text, match.index, match.index + match[0].length, kind, collection);
      if (verdict === 'none') continue;
      const value = match[0];
      add(
        match.index,
        match.index + value.length,
        kind,
        verdict === 'error' ? error(value) : warning.replace('{}', maskContact(value, kind)),
        verdict === 'error',
      );
    }
  };
  contact(
    LANDLINE.pattern,
    'landline',
    (value) =>
      `发现个人电话“${mask(digitsOf(value))}”：家庭或个人的电话不能发布；请删去。单位的办公、受理、咨询、监督电话可以公开，请在号码前写明（如“受理电话：”）`,
    '',
  );
  contact(
    EMAIL.pattern,
    'email',
    (value) =>
      `发现电子邮箱“${maskContact(value, 'email')}”：个人邮箱不能发布；请删去，需要公开时写单位邮箱并注明用途（如“报送邮箱：”）`,
    '公告中有电子邮箱（“{}”）：请确认是单位邮箱，而不是个人邮箱',
  );
  contact(
    IM_ACCOUNT.pattern,
    'account',
    (value) => `发现微信号或 QQ 号（“${maskContact(value, 'account')}”）：个人账号不能发布；请删去`,
    '公告中有微信号或 QQ 号（“{}”）：请确认是单位的账号，而不是个人账号',
  );
  for (const match of matchAll(PASSWORD.pattern, text)) {
    add(
      match.index,
      match.index + match[0].length,
      'password',
      '发现密码：密码不能出现在公开内容里；请删去，并尽快修改这个密码',
    );
  }
  for (const match of matchAll(HOME_ADDRESS.pattern, text)) {
    add(match.index, match.index + match[0].length, 'address', addressReason(match[0]));
  }
  for (const match of matchAll(HOME_CUE_ADDRESS.pattern, text)) {
    add(match.index, match.index + match[0].length, 'address', addressReason(match[0]));
  }
  contact(
    ROOM_ADDRESS.pattern,
    'address',
    addressReason,
    '公告中有具体到门牌的地址（“{}”）：请确认是单位地址，而不是家庭住址',
  );
  // A profile sentence before its parts: one message for 性别女，汉族，中共党员，1975年3月出生.
  for (const profile of findProfiles(text)) {
    add(
      profile.start,
      profile.end,
      'profile',
      `发现个人简历信息（${profile.labels.join('、')}）：个人的性别、民族、政治面貌、出生年月、年龄不能发布；请删去，只写姓名、单位和职务`,
    );
  }
  for (const match of matchAll(PRIVATE_FIELD.pattern, text)) {
    const field = match[1]!;
    // In an announcement, a 联系电话 line is an office's contact line, handled below.
    if (collection === 'announcements' && CONTACT_FIELDS.has(field)) continue;
    add(
      match.index,
      match.index + match[0].length,
      'field',
      `发现个人信息字段“${field}”和它的值：推荐表中的${field}不能发布；请删去这一项`,
    );
  }
  for (const match of matchAll(GENDER_VALUE.pattern, text)) {
    add(
      match.index,
      match.index + match[0].length,
      'field',
      '发现个人信息字段“性别”和它的值：推荐表中的性别不能发布；请删去这一项',
    );
  }
  if (collection === 'announcements') {
    for (const match of matchAll(CONTACT_LINE.pattern, text)) {
      add(
        match.index,
        match.index + match[0].length,
        'contact-line',
        `公告中有联系方式（“${match[1]}”）：请确认写的是单位的办公电话和部门，而不是个人手机或住址`,
        false,
      );
    }
  }
  // Priority order first, so that overlaps keep the more specific finding.
  return raw.sort((a, b) => a.priority - b.priority).map(({ priority: _priority, ...finding }) => finding);
}

/** The text of the sentence before `index`, at most 24 characters. */
function before(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 24), index);
  const cut = Math.max(...[...'。；;！？!?\n'].map((c) => window.lastIndexOf(c)));
  return window.slice(cut + 1);
}

/** The text of the sentence after `end`, at most 12 characters. */
function after(text: string, end: number): string {
  const window = text.slice(end, end + 12);
  const cut = window.search(SENTENCE_END);
  return cut === -1 ? window : window.slice(0, cut);
}

/** Whether a contact is an error, a warning or allowed (see the module comment). */
function contactVerdict(
  text: string,
  start: number,
  end: number,
  kind: PrivacyKind,
  collection: Collection,
): 'error' | 'warning' | 'none' {
  const lead = before(text, start);
  if (PERSONAL_CUE.test(lead)) return 'error';
  if (OFFICE_CUE.test(lead) || OFFICE_CUE.test(after(text, end))) return 'none';
  if (collection !== 'announcements') return 'error';
  return kind === 'landline' ? 'none' : 'warning';
}

/** Sentences with facets of two kinds or more: 女，汉族，中共党员，1975年3月出生. */
function findProfiles(text: string): { start: number; end: number; labels: string[] }[] {
  const out: { start: number; end: number; labels: string[] }[] = [];
  let sentenceStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i]!)) continue;
    if (i - sentenceStart >= 4) {
      const sentence = text.slice(sentenceStart, i);
      let start = Infinity;
      let end = -1;
      const labels: string[] = [];
      for (const facet of PROFILE_FACETS) {
        for (const match of matchAll(facet.pattern, sentence)) {
          if (!labels.includes(facet.label)) labels.push(facet.label);
          start = Math.min(start, match.index);
          end = Math.max(end, match.index + match[0].length);
        }
      }
      if (labels.length >= 2) out.push({ start: sentenceStart + start, end: sentenceStart + end, labels });
    }
    sentenceStart = i + 1;
  }
  return out;
}

function idReason(digits: string): string {
  return `发现居民身份证号码“${mask(digits)}”：个人信息不能发布；请删去`;
}

function addressReason(address: string): string {
  return `发现具体到门牌的住址“${address}”：家庭住址不能发布；请删去，或只写到单位、街道`;
}

/** `13812345678` → `138****5678`: never repeat the whole number in a diagnostic that CI logs keep. */
export function mask(value: string, keep = 3): string {
  if (value.length <= 7) return value;
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep - 4)}${value.slice(-4)}`;
}

/** An e-mail or account with its personal part starred: `l***@example.com`, `微信号：li***`. */
export function maskContact(value: string, kind: PrivacyKind): string {
  if (kind === 'email') {
    const at = value.indexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  if (kind === 'account') {
    const id = /[-_A-Za-z0-9]+$/.exec(value);
    if (id) return `${value.slice(0, id.index)}${id[0].slice(0, 2)}***`;
  }
  if (kind === 'landline') return mask(digitsOf(value));
  return value;
}

export function remarkCheckPrivacy() {
  return (tree: Root, file: VFile) => {
    const collection = (file.data.collection as Collection | undefined) ?? 'deeds';
    const seen = new Set<string>();
    const check = (text: string, place: (start: number, end: number) => Place) => {
      for (const finding of findPersonalData(text, collection)) {
        const at = place(finding.start, finding.end);
        // An autolink's text and its URL are the same characters: one message.
        const key = `${at.start.line}:${at.start.column}:${finding.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        privacyRule.report(file, finding.reason, { place: at, fatal: finding.fatal });
      }
    };
    for (const run of textRuns(tree)) {
      const text = run.map((piece) => piece.value).join('');
      check(text, (start, end) => placeInRun(run, start, end));
    }
    for (const { value, node } of publishedStrings(tree)) check(value, () => placeOf(node));
    for (const table of indexTree(tree).tables) checkTable(table, file, collection);
  };
}

/** A piece of a paragraph's text: a text node's value, or a line break (no node). */
interface Piece {
  value: string;
  node?: TextNode;
}

/** Nodes inside a paragraph whose text runs on: markup does not break a number. */
const PHRASING = new Set([
  'text',
  'inlineCode',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'break',
  'mdxJsxTextElement',
  'footnoteReference',
  'image',
  'imageReference',
  'mdxTextExpression',
  'html',
]);

/**
 * The text as a reader sees it, one run per paragraph, heading, table cell or code block, joined
 * across emphasis, links, inline code, components and line breaks: `3204**12**198001011237` reads
 * as one number, and so it is checked as one.
 */
function textRuns(tree: Root): Piece[][] {
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const node of indexTree(tree).all) {
    if (node.type === 'text' || node.type === 'inlineCode') run.push({ value: node.value, node: node as TextNode });
    else if (node.type === 'break') run.push({ value: '\n' });
    else if (node.type === 'code') {
      flush();
      runs.push([{ value: node.value, node: node as TextNode }]);
    } else if (!PHRASING.has(node.type)) flush();
  }
  flush();
  return runs;
}

/** The place of `start…end` of a run's joined text: from the node holding `start` to the one holding `end`. */
function placeInRun(run: Piece[], start: number, end: number): Place {
  let offset = 0;
  let from: Place['start'] | undefined;
  let to: Place['end'] | undefined;
  let last: TextNode | undefined;
  for (const piece of run) {
    const next = offset + piece.value.length;
    if (piece.node) {
      if (!from && start < next) from = placeInText(piece.node, Math.max(0, start - offset), next - offset).start;
      if (!to && end <= next) to = placeInText(piece.node, 0, Math.max(0, end - offset)).end;
      last = piece.node;
    }
    offset = next;
  }
  const fallback = placeOf(last);
  return { start: from ?? fallback.start, end: to ?? from ?? fallback.end };
}

/**
 * Strings of the body that are published but are not text: alt text, link and image titles, URLs
 * (decoded: a `?id=` query is read as the number it holds) and component attributes
 * (`<Quote by="…">`, `<Note title="…">`).
 */
function publishedStrings(tree: Root): { value: string; node: { position?: Place } }[] {
  const out: { value: string; node: { position?: Place } }[] = [];
  const add = (value: unknown, node: { position?: Place }) => {
    if (typeof value === 'string' && value !== '') out.push({ value, node });
  };
  for (const node of indexTree(tree).all) {
    const at = node as { position?: Place };
    if ('url' in node) add(decodeUrl(node.url), at);
    if ('title' in node) add(node.title, at);
    if ('alt' in node) add(node.alt, at);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const place = (attribute as { position?: Place }).position ? (attribute as { position?: Place }) : at;
        add(attribute.value, place);
      }
    }
  }
  return out;
}

function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/** Labels of a form that are not values: a cell holding one is never reported as personal data. */
const FORM_LABELS = new Set(['姓名', '单位', '职务', '职称', '参加工作时间', '工作单位', '学历', '籍贯']);

/**
 * A form as a table: a private field in a header with values below it, or beside its value in any
 * row (| 性别 | 女 |). Each cell is reported once.
 */
function checkTable(table: Table, file: VFile, collection: Collection): void {
  const rows = table.children.map((row) => row.children.map((cell) => ({ cell, text: cellText(cell) })));
  const isValue = (text: string) => text !== '' && !isFieldName(text) && !FORM_LABELS.has(text);
  const reported = new Set<TableCell>();
  const flag = (cell: TableCell, field: string) => {
    if (reported.has(cell)) return;
    reported.add(cell);
    reportCell(file, cell, field);
  };
  const header = rows[0] ?? [];
  header.forEach((entry, column) => {
    if (!isPrivateField(entry.text, collection)) return;
    for (const row of rows.slice(1)) {
      const value = row[column];
      if (value && isValue(value.text)) flag(value.cell, entry.text);
    }
  });
  for (const row of rows) {
    row.forEach((entry, index) => {
      const next = row[index + 1];
      if (isPrivateField(entry.text, collection) && next && isValue(next.text)) flag(next.cell, entry.text);
    });
  }
}

function cellText(cell: TableCell): string {
  const parts: string[] = [];
  visit(cell, (node) => {
    if ('value' in node && typeof node.value === 'string') parts.push(node.value);
  });
  return foldForPrivacy(parts.join('')).value.replace(/[\s\u3000：:]+/g, '');
}

/** The field names of a header: `性别/民族` names two. */
const fieldsOf = (text: string) => text.split(/[/／、,，]|和|及/u).filter(Boolean);

function isFieldName(text: string): boolean {
  return FIELD_NAMES.has(text) || fieldsOf(text).every((field) => FIELD_NAMES.has(field));
}

function isPrivateField(text: string, collection: Collection): boolean {
  return fieldsOf(text).some(
    (field) => FIELD_NAMES.has(field) && !(collection === 'announcements' && CONTACT_FIELDS.has(field)),
  );
}

function reportCell(file: VFile, cell: TableCell, field: string): void {
  privacyRule.report(file, `表格中填写了个人信息“${field}”：推荐表中的${field}不能发布；请删去这一格的内容`, {
    place: placeOf(cell),
    fatal: true,
  });
}

/** Frontmatter fields that are not published text: a file's hash. */
const NOT_PUBLISHED = new Set(['sha256']);

/** The frontmatter too: personal data in any field is an error, reported at the field's line. */
export const checkPrivacyFrontmatter: FrontmatterCheck = ({ file, data, locate, collection }) => {
  for (const { path, value } of frontmatterStrings(data, NOT_PUBLISHED)) {
    const text = path.at(-1) === 'url' ? decodeUrl(value) : value;
    for (const finding of findPersonalData(text, collection)) {
      const at: PointLike = locate(path);
      const place: Place = { start: at, end: at };
      privacyRule.report(file, `字段 ${formatPath(path)}：${finding.reason}`, { place, fatal: finding.fatal });
    }
  }
};

/** Names of invisible characters, for the message. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '\u200b': '零宽空格',
  '\u200c': '零宽不连字',
  '\u200d': '零宽连字',
  '\u200e': '从左向右标记',
  '\u200f': '从右向左标记',
  '\u202a': '从左向右嵌入',
  '\u202b': '从右向左嵌入',
  '\u202c': '方向格式结束',
  '\u202d': '从左向右覆盖',
  '\u202e': '从右向左覆盖',
  '\u2060': '零宽不换行',
  '\u2066': '从左向右隔离',
  '\u2067': '从右向左隔离',
  '\u2068': '首强隔离',
  '\u2069': '方向隔离结束',
  '\ufeff': '字节顺序标记',
});

/**
 * Rule `invisible-characters`: a bidi control (U+202E turns 李静 around on the page) or a
 * zero-width character in a frontmatter field — a name, title, unit, caption — is published as
 * it is and makes the same name two names in the names index. An error at the field's line.
 */
export const checkInvisibleFrontmatter: FrontmatterCheck = ({ file, data, locate }) => {
  for (const { path, value } of frontmatterStrings(data, NOT_PUBLISHED)) {
    const found = [...new Set(invisibleCharacters(value))];
    if (found.length === 0) continue;
    const names = found
      .map((char) => {
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        return INVISIBLE_NAMES[char] ? `${code} ${INVISIBLE_NAMES[char]}` : code;
      })
      .join('、');
    const at: PointLike = locate(path);
    invisibleCharactersRule.report(
      file,
      `字段 ${formatPath(path)} 含有看不见的字符（${names}）：网页上会改变文字的方向或让同一个名字变成两个；请重新输入这个字段`,
      { place: { start: at, end: at }, fatal: true },
    );
  }
};
