/**
 * Personal data that must never reach the public site (rule `privacy`). The patterns find
 * candidates; `remark-check-privacy.ts` confirms them (an ID number's check digit, a date of
 * birth that exists) before reporting.
 */
import type { TextPattern } from './patterns.ts';

/** Resident ID numbers: 18 digits (the last may be X) or the old 15 digits, not inside a longer number. */
export const ID_NUMBER: TextPattern = Object.freeze({
  id: 'resident-id',
  pattern:
    /(?<![0-9A-Za-z])[1-9]\d{5}(?:(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[0-9Xx]|\d{2}[01]\d[0-3]\d\d{3})(?![0-9A-Za-z])/g,
  example: '身份证号110101199003074578',
  label: '居民身份证号码',
});

/** Mainland mobile numbers: 1[3-9] and 9 more digits, optionally split 3-4-4 by a space or a dash, +86 allowed. */
export const MOBILE_NUMBER: TextPattern = Object.freeze({
  id: 'mobile',
  pattern: /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])/g,
  example: '联系电话：13812345678',
  label: '手机号码',
});

/** A password written out: 密码：…, password=… */
export const PASSWORD: TextPattern = Object.freeze({
  id: 'password',
  pattern: /(?:密码|口令|password|passwd|pwd)[ \t]{0,3}[:：=][ \t]{0,3}[^\s，。；,;]{1,64}/gi,
  example: '初始密码：abc123',
  label: '密码',
});

/** A home address down to the flat: …3栋2单元501室, …12号楼3单元. */
export const HOME_ADDRESS: TextPattern = Object.freeze({
  id: 'home-address',
  pattern: /\d{1,4}(?:栋|幢|号楼|座)\d{0,2}(?:单元)?\d{1,5}(?:室|号房)|\d{1,4}(?:栋|幢|号楼)\d{1,2}单元/g,
  example: '住在幸福小区3栋2单元501室',
  label: '家庭住址（门牌）',
});

/**
 * The private fields of a recommendation form (推荐审批表) with a value after them:
 * 性别：女, 出生年月：1975.03, 民族：汉族. A field name alone (an empty form) is not reported.
 */
export const PRIVATE_FIELD: TextPattern = Object.freeze({
  id: 'private-field',
  pattern:
    /(性别|年龄|出生年月|出生日期|民族|政治面貌|身份证号码?|身份证|家庭住址|家庭地址|住址|联系电话|手机号码?|手机)[ \t\u3000]{0,3}[:：][ \t\u3000]{0,3}(?=[^\s|｜])/g,
  example: '性别：女',
  label: '个人信息字段',
});

/** The field names of `PRIVATE_FIELD`, for table headers (| 姓名 | 性别 | 年龄 |). */
export const PRIVATE_FIELD_NAMES: readonly string[] = Object.freeze([
  '性别',
  '年龄',
  '出生年月',
  '出生日期',
  '民族',
  '政治面貌',
  '身份证号',
  '身份证号码',
  '家庭住址',
  '家庭地址',
  '联系电话',
  '手机',
  '手机号码',
]);

/** An office's contact line in an announcement: 联系人：…；联系电话：0519-…. A warning: it is public, but check it is an office's. */
export const CONTACT_LINE: TextPattern = Object.freeze({
  id: 'contact-line',
  pattern: /(联系人|联系电话|联系方式|咨询电话)[ \t\u3000]{0,3}[:：]/g,
  example: '联系人：办公室 张老师，联系电话：0519-12345678',
  label: '联系人和联系电话',
});

export const PRIVACY_PATTERNS: readonly TextPattern[] = Object.freeze([
  ID_NUMBER,
  MOBILE_NUMBER,
  PASSWORD,
  HOME_ADDRESS,
  PRIVATE_FIELD,
  CONTACT_LINE,
]);

/** ISO 7064 MOD 11-2, the check digit of an 18-digit resident ID number (GB 11643-1999). */
export function isValidIdNumber(id: string): boolean {
  if (id.length === 15) return isRealDate(`19${id.slice(6, 8)}`, id.slice(8, 10), id.slice(10, 12));
  if (id.length !== 18) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  const check = '10X98765432'[sum % 11];
  return check === id[17]!.toUpperCase() && isRealDate(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14));
}

function isRealDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
