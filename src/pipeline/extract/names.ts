/**
 * Person names and units, as rolls, prose rolls and write-ups read them: whether a string reads as a
 * person's name, and the unit a text names without the posts after it.
 */
import {
  CATEGORY_HEADS,
  CATEGORY_TAILS,
  COMPOUND_SURNAMES,
  PLACE_NAME,
  POST_WORDS,
  PRIZE_CATEGORY,
  PROVINCES,
  SURNAMES,
} from './data/extraction.ts';
import { isOrgName } from './model.ts';

/** A word that names a category, not a person: `先进个人`, `一等奖`, `…称号`. */
export const CATEGORY_WORD = new RegExp(
  `(?:${CATEGORY_HEADS.join('|')})|(?:${CATEGORY_TAILS.join('|')})$|${PRIZE_CATEGORY.source}|奖$|称号$`,
  'u',
);
/** The institution of a department: `示例市中医医院医务科` → `示例市中医医院` (rolls name people by institution). */
export function institutionOf(unit: string): string {
  const match =
    /^(.{4,}?(?:医院|卫生院|保健院|中心|卫生所|监督所|研究所))\p{Script=Han}{1,10}(?:科|部|室|病区|组)$/u.exec(unit);
  return match ? match[1]! : unit;
}

/** A department named without an institution: `成人急诊科`, `儿童肾内科`, `护理部` (not `示例医院急诊科`). */
export function isBareDepartment(text: string): boolean {
  return (
    /^\p{Script=Han}{2,10}(?:科|室|病区|部)$/u.test(text) &&
    !/(?:医院|卫生院|保健院|中心|卫生所|监督所|研究所|大学|学院|委员会|局|厅)/u.test(text)
  );
}

/**
 * The unit a text names, without the posts after it: `示例市第一人民医院儿科副主任、主任医师` →
 * `示例市第一人民医院儿科`, `示例医院ICU护士长` → `示例医院`, `示例医院` → itself; `null` when it is no unit.
 */
export function unitOf(text: string): string | null {
  let value = text;
  for (let i = 0; i < 4 && POST_WORDS.test(value); i++) value = value.replace(POST_WORDS, '').replace(/[、]$/u, '');
  value = value.replace(/[A-Za-z]+$/u, '');
  return isOrgName(value) ? value : null;
}

/** `示例市第一人民医院护士长` → `示例市第一人民医院`; `null` unless a post was taken off a unit. */
export function unitWithoutPost(text: string): string | null {
  const unit = unitOf(text);
  return unit !== null && unit !== text ? unit : null;
}

const personNames = new Map<string, boolean>();

/**
 * Whether `text` reads as a person's name: 2–4 Han characters after a common surname, or a masked name
 * (李*). Memoised: rolls and lists ask about the same strings again and again.
 */
export function isPersonName(text: string, strict = true): boolean {
  const key = `${strict ? 1 : 0}${text}`;
  let known = personNames.get(key);
  if (known === undefined) {
    if (personNames.size > 20_000) personNames.clear();
    known = readsAsPersonName(text, strict);
    personNames.set(key, known);
  }
  return known;
}

function readsAsPersonName(text: string, strict: boolean): boolean {
  if (/^[\p{Script=Han}][*＊×某]{1,2}$/u.test(text)) return true;
  if (/^[\p{Script=Han}]{2,8}·[\p{Script=Han}·]{2,12}$/u.test(text)) return true;
  if (!/^[\p{Script=Han}]{2,4}$/u.test(text)) return false;
  if (isOrgName(text) || CATEGORY_WORD.test(text) || PROVINCES.has(text)) return false;
  // 安康市, 通辽县: a place, not a person (names end in 市 or 县 too rarely to risk it).
  if (text.length >= 3 && PLACE_NAME.test(text)) return false;
  if (/(?:同志|先生|女士|主任|院长|科长|局长|医生|医师|护士|护师|老师|书记|委员|专家|代表)$/u.test(text)) return false;
  if (COMPOUND_SURNAMES.some((s) => text.startsWith(s))) return text.length >= 3;
  // Four characters after a one-character surname are almost always a phrase (廉洁自律), not a name.
  if (text.length === 4) return false;
  if (SURNAMES.has(text[0]!)) return true;
  return !strict && text.length <= 3;
}
