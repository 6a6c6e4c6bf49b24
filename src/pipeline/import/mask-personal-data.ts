/**
 * Mask the personal data an imported document gives (rule `privacy` finds it), so that it never
 * reaches `content/` and the repository: ID and phone numbers keep three digits and four
 * (`320***********1237`, `138****8000`), a bank card four and four, an e-mail its domain; a home
 * address, a profile sentence or a form field with its value is replaced by a note in brackets.
 * What was masked is listed for the editor (never the whole value); the original is archived.
 *
 *   maskPersonalData('身份证号320402198001015673，家住幸福路88号502室。', 'deeds')
 *     →  { text: '身份证号320***********5673，（住址已隐去）。', masked: ['居民身份证号码 320***********5673', '家庭住址'] }
 */
import { findPersonalData, mask, maskContact, type PrivacyFinding } from '../check/rules/privacy.ts';
import type { Collection } from '../types.ts';

export interface MaskResult {
  text: string;
  /** What was masked, one item each, in words and with the value masked: `手机号码 138****8000`. */
  masked: string[];
}

const digitsOf = (value: string) => value.replace(/[^0-9Xx]/g, '').toUpperCase();
/** Where a form field's value ends: at a comma, a full stop, a space or a table bar. */
const VALUE_END = /[，,。；;\s|｜]/u;

export function maskPersonalData(text: string, collection: Collection): MaskResult {
  const masked: string[] = [];
  // Masking may uncover what an overlap hid (a mobile number inside a profile sentence): look again, a few times.
  for (let round = 0; round < 3; round++) {
    const findings = findPersonalData(text, collection).filter((finding) => finding.fatal);
    if (findings.length === 0) break;
    const ranges = mergeRanges(text, findings);
    for (const item of ranges.flatMap((range) => range.masked)) if (!masked.includes(item)) masked.push(item);
    for (const range of ranges.reverse()) text = text.slice(0, range.start) + range.replacement + text.slice(range.end);
  }
  return { text, masked };
}

interface Range {
  start: number;
  end: number;
  replacement: string;
  masked: string[];
}

/**
 * One replacement per finding. A form field keeps its label when its value is a number masked on
 * its own (联系电话：138****8000), else it goes with its value (（性别已隐去）); an address goes to the
 * end of its clause, so that no room number is left behind.
 */
function mergeRanges(text: string, findings: PrivacyFinding[]): Range[] {
  const out: Range[] = [];
  const clauseEnd = (from: number) => {
    const rest = text.slice(from, from + 40);
    const stop = rest.search(VALUE_END);
    return from + (stop === -1 ? rest.length : stop);
  };
  findings.forEach((finding, index) => {
    const value = text.slice(finding.start, finding.end);
    let range: Range;
    if (finding.kind === 'field') {
      const field = /“([^”]+)”/u.exec(finding.reason)?.[1] ?? '个人信息';
      const end = clauseEnd(finding.end);
      const next = findings[index + 1];
      // Masked already, or a number masked on its own: the label stays.
      if (/[*]|隐去/u.test(text.slice(finding.end, end)) || (next && next.start < end)) return;
      range = { start: finding.start, end, replacement: `（${field}已隐去）`, masked: [`个人信息字段“${field}”`] };
    } else if (finding.kind === 'address') {
      range = { start: finding.start, end: Math.max(finding.end, clauseEnd(finding.end)), ...replace(finding, value) };
    } else {
      range = { start: finding.start, end: finding.end, ...replace(finding, value) };
    }
    const previous = out.at(-1);
    if (previous && range.start < previous.end) {
      previous.end = Math.max(previous.end, range.end);
      previous.masked.push(...range.masked);
      return;
    }
    out.push(range);
  });
  return out;
}

function replace(finding: PrivacyFinding, value: string): { replacement: string; masked: string[] } {
  switch (finding.kind) {
    case 'id':
      return { replacement: mask(digitsOf(value)), masked: [`居民身份证号码 ${mask(digitsOf(value))}`] };
    case 'mobile':
      return { replacement: mask(digitsOf(value)), masked: [`手机号码 ${mask(digitsOf(value))}`] };
    case 'landline':
      return { replacement: mask(digitsOf(value)), masked: [`电话 ${mask(digitsOf(value))}`] };
    case 'bank-card':
      return { replacement: mask(digitsOf(value), 4), masked: [`银行卡号 ${mask(digitsOf(value), 4)}`] };
    case 'email':
    case 'account': {
      const shown = maskContact(value, finding.kind);
      return { replacement: shown, masked: [`${finding.kind === 'email' ? '电子邮箱' : '微信号或 QQ 号'} ${shown}`] };
    }
    case 'address':
      return { replacement: '（住址已隐去）', masked: ['家庭住址'] };
    case 'profile':
      return {
        replacement: '（个人信息已隐去）',
        masked: [`个人简历信息（${/（([^）]+)）/u.exec(finding.reason)?.[1] ?? '性别、民族等'}）`],
      };
    case 'password':
      return { replacement: '（密码已隐去）', masked: ['密码'] };
    default:
      return { replacement: '（个人信息已隐去）', masked: ['个人信息'] };
  }
}

/** Mask every string of an entry's frontmatter (but its `source`), adding what was masked to `masked`. */
export function maskFrontmatter(data: Record<string, unknown>, collection: Collection, masked: string[]): void {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const result = maskPersonalData(value, collection);
      for (const item of result.masked) if (!masked.includes(item)) masked.push(item);
      return result.text;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  for (const [key, value] of Object.entries(data)) if (key !== 'source') data[key] = walk(value);
}
