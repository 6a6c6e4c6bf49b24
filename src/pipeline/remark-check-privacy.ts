/**
 * Rule `privacy`: nothing personal reaches the public site. Resident ID numbers (with a valid
 * check digit), mobile numbers, passwords, home addresses down to the flat, and the values of
 * the private fields of a recommendation form (性别、年龄、出生年月、民族、政治面貌、身份证号、
 * 家庭住址、联系电话) are errors, in the body, in tables and in the frontmatter. In an
 * announcement, an office's contact line (联系人、联系电话) is a warning.
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
  report,
  visitText,
  type FrontmatterCheck,
  type Place,
  type PointLike,
} from './check-helpers.ts';
import { matchAll } from './data/patterns.ts';
import {
  CONTACT_LINE,
  HOME_ADDRESS,
  ID_NUMBER,
  isValidIdNumber,
  MOBILE_NUMBER,
  PASSWORD,
  PRIVATE_FIELD,
  PRIVATE_FIELD_NAMES,
} from './data/privacy.ts';
import type { Collection } from './types.ts';

/** A finding in a piece of text: where (index range) and what to say. */
export interface PrivacyFinding {
  start: number;
  end: number;
  reason: string;
  fatal: boolean;
}

const CONTACT_FIELDS = new Set(['联系电话', '手机', '手机号', '手机号码']);
const FIELD_NAMES = new Set(PRIVATE_FIELD_NAMES);

/** Every piece of personal data in `text`, for a document of `collection`. Pure, for tests and other stages. */
export function findPersonalData(text: string, collection: Collection): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const match of matchAll(ID_NUMBER.pattern, text)) {
    if (!isValidIdNumber(match[0])) continue;
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      reason: `发现居民身份证号码“${mask(match[0])}”：个人信息不能发布；请删去`,
      fatal: true,
    });
  }
  for (const match of matchAll(MOBILE_NUMBER.pattern, text)) {
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      reason: `发现手机号码“${mask(match[0])}”：个人信息不能发布；请删去，需要公开联系方式时写单位办公电话`,
      fatal: true,
    });
  }
  for (const match of matchAll(PASSWORD.pattern, text)) {
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      reason: '发现密码：密码不能出现在公开内容里；请删去，并尽快修改这个密码',
      fatal: true,
    });
  }
  for (const match of matchAll(HOME_ADDRESS.pattern, text)) {
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      reason: `发现具体到门牌的住址“${match[0]}”：家庭住址不能发布；请删去，或只写到单位、街道`,
      fatal: true,
    });
  }
  for (const match of matchAll(PRIVATE_FIELD.pattern, text)) {
    const field = match[1]!;
    // In an announcement, a 联系电话 line is an office's contact line, handled below.
    if (collection === 'announcements' && CONTACT_FIELDS.has(field)) continue;
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      reason: `发现个人信息字段“${field}”和它的值：推荐表中的${field}不能发布；请删去这一项`,
      fatal: true,
    });
  }
  if (collection === 'announcements') {
    for (const match of matchAll(CONTACT_LINE.pattern, text)) {
      out.push({
        start: match.index,
        end: match.index + match[0].length,
        reason: `公告中有联系方式（“${match[1]}”）：请确认写的是单位的办公电话和部门，而不是个人手机或住址`,
        fatal: false,
      });
    }
  }
  return out;
}

/** `13812345678` → `138****5678`: never repeat the whole number in a diagnostic that CI logs keep. */
function mask(value: string): string {
  if (value.length <= 7) return value;
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

export function remarkCheckPrivacy() {
  return (tree: Root, file: VFile) => {
    const collection = (file.data.collection as Collection | undefined) ?? 'deeds';
    visitText(tree, (node) => {
      for (const finding of findPersonalData(node.value, collection)) {
        report(file, finding.reason, {
          place: placeInText(node, finding.start, finding.end),
          ruleId: 'privacy',
          fatal: finding.fatal,
        });
      }
    });
    for (const table of indexTree(tree).tables) checkTable(table, file, collection);
  };
}

/** Labels of a form that are not values: a cell holding one is never reported as personal data. */
const FORM_LABELS = new Set(['姓名', '单位', '职务', '职称', '参加工作时间', '工作单位', '学历', '籍贯']);

/**
 * A form as a table: a private field in a header with values below it, or beside its value in any
 * row (| 性别 | 女 |). Each cell is reported once.
 */
function checkTable(table: Table, file: VFile, collection: Collection): void {
  const rows = table.children.map((row) => row.children.map((cell) => ({ cell, text: cellText(cell) })));
  const isValue = (text: string) => text !== '' && !FIELD_NAMES.has(text) && !FORM_LABELS.has(text);
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
  return parts.join('').replace(/[\s\u3000：:]+/g, '');
}

function isPrivateField(text: string, collection: Collection): boolean {
  if (!FIELD_NAMES.has(text)) return false;
  return !(collection === 'announcements' && CONTACT_FIELDS.has(text));
}

function reportCell(file: VFile, cell: TableCell, field: string): void {
  report(file, `表格中填写了个人信息“${field}”：推荐表中的${field}不能发布；请删去这一格的内容`, {
    place: placeOf(cell),
    ruleId: 'privacy',
    fatal: true,
  });
}

/** The frontmatter too: an ID or mobile number in any field is an error. */
export const checkPrivacyFrontmatter: FrontmatterCheck = ({ file, data, locate, collection }) => {
  for (const { path, value } of frontmatterStrings(data)) {
    for (const finding of findPersonalData(value, collection)) {
      const at: PointLike = locate(path);
      const place: Place = { start: at, end: at };
      report(file, `字段 ${formatPath(path)}：${finding.reason}`, { place, ruleId: 'privacy', fatal: finding.fatal });
    }
  }
};
