/**
 * Personal data that must never reach the public site (rule `privacy`). The patterns find
 * candidates; `remark-check-privacy.ts` confirms them (an ID number's check digit, a date of
 * birth that exists, a bank card's Luhn digit) before reporting.
 *
 * The patterns run on folded text (`src/pipeline/check/privacy-fold.ts`): digits of every script are
 * ASCII digits, full-width letters and signs are ASCII, invisible characters are gone, runs of
 * Chinese numerals (一三八零零一三八零零零) are digits, traditional characters of the field names are
 * simplified, and the text of one paragraph is joined across markup and line breaks. So the
 * patterns need only allow the separators people write between digit groups (`NUMBER_GAP`).
 */
import { PRIVATE_FIELD_NAMES, type TextPattern } from '../../patterns.ts';

/**
 * What people put between the digits of a number: spaces (any but a tab, which separates table
 * cells), line breaks, dots, hyphens and dashes.
 */
const SEPARATOR = '[ \\n\\r\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000.\\-\\u00b7\\u2010-\\u2015\\u2212\\u30fb]';
/** At most two separators between two digits: `138 - 0013`, `3204\n12`. */
const GAP = `${SEPARATOR}{0,2}`;

/** Resident ID numbers, 18 digits (the last may be X), digits split anywhere by up to two separators. */
export const ID_NUMBER: TextPattern = Object.freeze({
  id: 'resident-id',
  pattern: new RegExp(`(?<![0-9A-Za-z])[1-9](?:${GAP}\\d){16}${GAP}[0-9Xx](?![0-9A-Za-z])`, 'g'),
  example: '身份证号110101 19900307 4578',
  label: '居民身份证号码',
});

/** The old 15-digit ID numbers (no check digit), whole or split 6-6-3. */
export const OLD_ID_NUMBER: TextPattern = Object.freeze({
  id: 'resident-id-15',
  pattern: new RegExp(`(?<![0-9A-Za-z])[1-9]\\d{5}${SEPARATOR}?\\d{6}${SEPARATOR}?\\d{3}(?![0-9A-Za-z])`, 'g'),
  example: '旧身份证110101900307457',
  label: '居民身份证号码（15 位）',
});

/** Mainland mobile numbers: 1[3-9] and 9 more digits, split anywhere by up to two separators, +86 allowed. */
export const MOBILE_NUMBER: TextPattern = Object.freeze({
  id: 'mobile',
  pattern: new RegExp(
    `(?<![0-9]${SEPARATOR}?)(?:(?:\\+|00)?86${GAP})?1[3-9](?:${GAP}\\d){9}(?!${SEPARATOR}?[0-9])`,
    'g',
  ),
  example: '联系电话：138.0013.8000',
  label: '手机号码',
});

/** Landlines with an area code: 0519-8888 8888, (0519)88888888, 010-12345678. Office lines are allowed (see `OFFICE_CUE`). */
export const LANDLINE: TextPattern = Object.freeze({
  id: 'landline',
  pattern: new RegExp(
    `(?<![0-9]${SEPARATOR}?)(?:[(（]0\\d{2,3}[)）]|0\\d{2,3})${GAP}[2-9]\\d{2,3}${GAP}\\d{4}(?!${SEPARATOR}?[0-9])`,
    'g',
  ),
  example: '家里座机0519-8888 8888',
  label: '固定电话',
});

/** Bank card numbers: 16 or 19 digits, whole or in groups of four. Confirmed by the Luhn digit or a word like 卡号. */
export const BANK_CARD: TextPattern = Object.freeze({
  id: 'bank-card',
  pattern: new RegExp(
    `(?<![0-9A-Za-z]${SEPARATOR}?)[1-9]\\d{3}(?:${SEPARATOR}?\\d{4}){3}(?:${SEPARATOR}?\\d{3})?(?!${SEPARATOR}?[0-9A-Za-z])`,
    'g',
  ),
  example: '工资卡号6222 0212 3456 7890 128',
  label: '银行卡号',
});

/** Words near a 16- or 19-digit number that make it a bank card even without a valid Luhn digit. */
export const BANK_CARD_CUE = /卡号|银行卡|借记卡|信用卡|储蓄卡|工资卡|账号|帐号|开户/u;

/** E-mail addresses. Office mailboxes are allowed (see `OFFICE_CUE`). */
export const EMAIL: TextPattern = Object.freeze({
  id: 'email',
  pattern:
    /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
  example: '邮箱 lijing1975@example.com',
  label: '电子邮箱',
});

/** A WeChat or QQ account: 微信号 lijing_1975, QQ：123456789. (微信公众号 and QQ群 are not accounts of a person.) */
export const IM_ACCOUNT: TextPattern = Object.freeze({
  id: 'im-account',
  pattern:
    /(?:微信号码?|微信|wechat|weixin|QQ号码?|QQ)[\s:：是为]{0,3}(?:[A-Za-z][-_A-Za-z0-9]{5,19}|\d{5,11})(?![-_A-Za-z0-9])/gi,
  example: '微信号：lijing_1975',
  label: '微信号或 QQ 号',
});

/** A password written out: 密码：…, password=… */
export const PASSWORD: TextPattern = Object.freeze({
  id: 'password',
  pattern: /(?:密码|口令|password|passwd|pwd)[ \t]{0,3}[:：=][ \t]{0,3}[^\s，。；,;]{1,64}/gi,
  example: '初始密码：abc123',
  label: '密码',
});

/**
 * A home address down to the flat: …3栋2单元501室, 5幢301, …12号楼3单元. `新院区3栋2单元楼` is a
 * building, not a home, and `3栋1200平方米` a floor area.
 */
export const HOME_ADDRESS: TextPattern = Object.freeze({
  id: 'home-address',
  pattern:
    /\d{1,4}(?:栋|幢|号楼|座)\d{0,2}(?:单元)?\d{1,5}(?:室|号房)|\d{1,4}(?:栋|幢|号楼)\d{1,2}单元(?!楼)|\d{1,4}(?:栋|幢)[-—]?\d{3,4}(?![\d.%万亿元年月日人名个位床件套次张台平米㎡余多层楼号间])/g,
  example: '住在幸福小区3栋2单元501室',
  label: '家庭住址（门牌）',
});

/** A street address down to the room: 幸福路88号502室, 88号院3号楼1201室. Office addresses are allowed (see `OFFICE_CUE`). */
export const ROOM_ADDRESS: TextPattern = Object.freeze({
  id: 'room-address',
  pattern: /\d{1,5}号(?:院|楼)?[-—]?(?:\d{1,3}(?:栋|幢|单元|号楼)[-—]?){0,2}\d{2,5}(?:室|号房)/g,
  example: '幸福路88号502室',
  label: '住址（门牌）',
});

/** Where someone lives, said in words: 家住幸福路88号, 家庭住址在某小区5号. */
export const HOME_CUE_ADDRESS: TextPattern = Object.freeze({
  id: 'home-cue-address',
  pattern:
    /(?:(?<![大专])家住|家庭住址|家庭地址|现住址|居住地址|户籍地址)[\s:：在于]{0,3}[^\s\d，,。；;！？!?]{0,30}\d{1,5}(?:号|室|栋|幢|弄|单元|组)/g,
  example: '家住……幸福路88号',
  label: '家庭住址',
});

/** 性别 with its value in prose, with or without a colon: 性别女, 性别 女, 性别为男. (性别比例, 性别男女 are not values.) */
export const GENDER_VALUE: TextPattern = Object.freeze({
  id: 'gender-value',
  pattern: /性别[\s:：为是]{0,3}[男女](?![女男性士生孩子童])/g,
  example: '性别女，汉族',
  label: '性别',
});

/**
 * The facets of a profile sentence: 女，汉族，中共党员，1975年3月出生，现年49岁. Two facets of
 * different kinds in one sentence make a profile (a person's 性别、民族、政治面貌、出生年月、年龄);
 * one alone (她是一名共产党员) does not.
 */
export interface ProfileFacet {
  id: string;
  /** What it is, for the message: 性别, 民族… */
  label: string;
  pattern: RegExp;
  example: string;
}

/** A clause boundary before a facet: the start, a comma, a colon, a space or an opening bracket. */
const CLAUSE_START = '(?<=^|[，,、:：\\s（(；;])';
const CLAUSE_END = '(?=[，,、；;。）)\\s]|$)';
const ETHNIC_GROUPS =
  '汉|回|满|蒙古|藏|维吾尔|苗|彝|壮|布依|朝鲜|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';

export const PROFILE_FACETS: readonly ProfileFacet[] = Object.freeze([
  {
    id: 'profile-gender',
    label: '性别',
    pattern: new RegExp(`${CLAUSE_START}(?:性别[\\s:：为是]{0,3})?[男女]${CLAUSE_END}`, 'g'),
    example: '李静，女，汉族',
  },
  {
    id: 'profile-ethnicity',
    label: '民族',
    pattern: new RegExp(`${CLAUSE_START}(?:民族[\\s:：为是]{0,3})?(?:${ETHNIC_GROUPS})族${CLAUSE_END}`, 'g'),
    example: '女，汉族，',
  },
  {
    id: 'profile-party',
    label: '政治面貌',
    pattern: new RegExp(
      `${CLAUSE_START}(?:中共党员|中共预备党员|共产党员|中国共产党党员|共青团员|民盟盟员|民进会员|农工党党员|九三学社社员|致公党党员|无党派人士|群众)${CLAUSE_END}`,
      'g',
    ),
    example: '汉族，中共党员，',
  },
  {
    id: 'profile-birth',
    label: '出生年月',
    pattern:
      /(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}[.\/-]\d{1,2}(?:[.\/-]\d{1,2})?)(?:出生|生人|生)(?![产活育长效病])|(?:生于|出生于)\d{4}年/g,
    example: '1975年3月出生',
  },
  {
    id: 'profile-age',
    label: '年龄',
    pattern: new RegExp(
      `(?:现年|年龄[\\s:：为是]{0,3}|今年)\\d{1,3}(?:周岁|岁)|${CLAUSE_START}\\d{2}(?:周岁|岁)${CLAUSE_END}`,
      'g',
    ),
    example: '现年49岁',
  },
]);

/**
 * The private fields of a recommendation form (推荐审批表) with a value after them:
 * 性别：女, 出生年月：1975.03, 民族：汉族. A field name alone (an empty form) is not reported.
 */
export const PRIVATE_FIELD: TextPattern = Object.freeze({
  id: 'private-field',
  pattern:
    /(性别|年龄|出生年月日?|出生日期|民族|政治面貌|身份证号码?|身份证|证件号码?|家庭住址|家庭地址|住址|联系电话|手机号码?|手机)[ \t\u3000]{0,3}[:：][ \t\u3000]{0,3}(?=[^\s|｜])/g,
  example: '性别：女',
  label: '个人信息字段',
});

/**
 * More headers of a form's table whose cells are personal: the names above and these. A header may
 * name two fields (`性别/民族`); it is private when either is.
 */
export const TABLE_FIELD_NAMES: readonly string[] = Object.freeze([
  ...PRIVATE_FIELD_NAMES,
  '出生年月日',
  '出生年份',
  '证件号',
  '证件号码',
  '身份证',
  '手机号',
  '联系方式',
  '住址',
  '家庭电话',
  '电子邮箱',
  '邮箱',
  '微信',
  '微信号',
  'QQ',
  'QQ号',
]);

/** The contact headers of a table, which an announcement may fill with an office's line. */
export const CONTACT_FIELD_NAMES: readonly string[] = Object.freeze([
  '联系电话',
  '手机',
  '手机号',
  '手机号码',
  '联系方式',
  '电子邮箱',
  '邮箱',
]);

/** An office's contact line in an announcement: 联系人：…；联系电话：0519-…. A warning: it is public, but check it is an office's. */
export const CONTACT_LINE: TextPattern = Object.freeze({
  id: 'contact-line',
  pattern: /(联系人|联系电话|联系方式|咨询电话)[ \t\u3000]{0,3}[:：]/g,
  example: '联系人：办公室 张老师，联系电话：0519-12345678',
  label: '联系人和联系电话',
});

/**
 * Words before a landline, an e-mail, an account or a street address that make it an office's:
 * 受理电话：0951-8236525, 监督电话, 咨询邮箱. Read in the 24 characters before it, in its sentence.
 * An office contact is allowed; a personal one (`PERSONAL_CUE`) never is; one with neither is an
 * error in a write-up or roll and is left alone in an announcement (where contact lines are an
 * office's, and `CONTACT_LINE` asks the editor to confirm).
 */
export const OFFICE_CUE =
  /办公|受理|咨询|监督|举报|投诉|热线|值班|传真|服务|报名|联系人|科室|总机|单位|工作电话|报送|邮寄|寄送|部门|公示|申诉|预约|急诊|门诊|客服/u;

/** Words that make a contact a person's: 家里座机, 住宅电话, 本人手机. They win over `OFFICE_CUE`. */
export const PERSONAL_CUE = /家|宅|私人|个人|本人|手机|住址|爱人|丈夫|妻子|父亲|母亲/u;

/** Runs of Chinese numerals long enough to be a phone or ID number, folded to digits before matching. */
export const CHINESE_NUMERAL_RUN: TextPattern = Object.freeze({
  id: 'chinese-numeral-run',
  pattern:
    /[〇零一二三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖](?:[ \t\u3000\-—]?[〇零一二三四五六七八九幺壹贰貳叁參肆伍陆陸柒捌玖]){6,}/g,
  example: '一三八零零一三八零零零',
  label: '中文数字写的号码',
});

/** The digit of each Chinese numeral in `CHINESE_NUMERAL_RUN`. */
export const CHINESE_NUMERALS: Readonly<Record<string, string>> = Object.freeze({
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
});

/**
 * Traditional characters of the words the patterns look for, one to one, so that the frontmatter
 * and attributes (which the normaliser does not convert) are read like the body.
 */
export const TRADITIONAL_FOLD: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    [
      ...'別别號号證证碼码聯联繫系電电話话齡龄歲岁現现黨党員员機机漢汉滿满維维爾尔壯壮鮮鲜薩萨東东鄉乡納纳頗颇達达錫锡烏乌羅罗溫温獨独龍龙倫伦門门諾诺預预備备產产無无學学農农團团進进貫贯戶户區区園园單单樓楼棟栋層层為为郵邮辦办諮咨詢询監监舉举報报訴诉熱热線线傳传務务處处診诊約约個个',
    ].flatMap((char, index, chars) => (index % 2 === 0 ? [[char, chars[index + 1]!]] : [])),
  ),
);

export const PRIVACY_PATTERNS: readonly TextPattern[] = Object.freeze([
  ID_NUMBER,
  OLD_ID_NUMBER,
  MOBILE_NUMBER,
  LANDLINE,
  BANK_CARD,
  EMAIL,
  IM_ACCOUNT,
  PASSWORD,
  HOME_ADDRESS,
  ROOM_ADDRESS,
  HOME_CUE_ADDRESS,
  GENDER_VALUE,
  PRIVATE_FIELD,
  CONTACT_LINE,
  CHINESE_NUMERAL_RUN,
  ...PROFILE_FACETS.map((facet) => ({ ...facet, label: facet.label })),
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

/** The Luhn check of a card number (digits only). */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isRealDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
