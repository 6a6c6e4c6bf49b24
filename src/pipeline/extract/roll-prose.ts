/**
 * Extraction: rolls written as prose, as news and decisions print them —
 *
 *   授予张三等300名同志“…”称号                       the named head of a group
 *   王芳、李静、赵红和刘洋等10名同志光荣入选             a run of names
 *   他们是：示例市人民医院儿科副主任、主任医师李明，…     unit, post, then name
 *   获先进工作者表彰的有：张永海 示例市中心医院院长，…     name, then unit and post
 *   「优良奖」颜瑜副护理长                              a name with its post
 *
 * Only sentences that speak of an honour are read, and only names that the shape of the list
 * vouches for: a bare two-character word is a name only among other names.
 */
import {
  GROUP_HEAD,
  HONOUR_KEYWORDS,
  HONOUR_SENTENCE,
  HONOUREE_LEAD,
  HONOURED_VERB,
  ISSUING_VERB,
  LIST_LEAD,
  POST_WORDS,
} from './data/extraction.ts';
import { matchAll } from '../patterns.ts';
import { closeCjkSpaces, isOrgName, splitOutsideBrackets } from './model.ts';
import { isPersonName, unitOf, unitWithoutPost } from './names.ts';
import type { ExtractedAwardee } from './types.ts';

const COLLECTIVE_CONTEXT = /集体|单位|奖状|医院|团队|科室|组织|支部/u;

/** Awardees named in the prose of `text`, in order, each once. */
export function readProseRoll(text: string): ExtractedAwardee[] {
  const out: ExtractedAwardee[] = [];
  const add = (found: ExtractedAwardee | null) => {
    if (found && !out.some((a) => a.name === found.name)) out.push(found);
  };
  for (const sentence of text.split(/[。！？!?\n]/u)) {
    // A sentence that speaks of an honour, or a list of three or more people (`…人员：甲、乙、丙`).
    if (!HONOUR_SENTENCE.test(sentence) && !listsPeople(sentence)) continue;
    // Spaces are kept (one for a run) for `张永海 示例医院院长`; names padded to line up are closed.
    const flat = balanceQuotes(sentence)
      .replace(/[ \t\u3000]+/gu, ' ')
      .replace(/(?<![\p{Script=Han}])(\p{Script=Han}) (\p{Script=Han})(?![\p{Script=Han}])/gu, '$1$2')
      .trim();
    // The named head of a group: 授予张三等300名同志.
    for (const match of flat.includes('等') ? matchAll(GROUP_HEAD.pattern, flat) : []) {
      // The run starts after the last word that confers (甲部、乙委决定授予丙医院等…: 丙医院).
      const names = splitRun(
        match[1]!.replace(
          /^.*(?:授予|表彰|命名|核定|决定对|推荐|对|揭晓了?|公布了?|评选出|评出|选出)(?=\p{Script=Han})/u,
          '',
        ),
      );
      const unitsAllowed =
        /个|家|支/u.test(match[0]) || COLLECTIVE_CONTEXT.test(flat.slice(match.index, match.index + 40));
      const honour = honourAfter(flat.slice(match.index + match[0].length));
      for (const item of names) add(inCategory(readItem(item, names.length > 1, unitsAllowed), honour));
    }
    // Lists: the clauses between ，；： and the runs of 、 inside them.
    const clauses = splitOutsideBrackets(
      flat.replace(/等\s*(?:[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|人|个|家|支)[^，,；;：:]*/gu, ''),
      /[，,；;：:∶]/u,
    );
    const collective = COLLECTIVE_CONTEXT.test(flat) && /授予|获|荣获|奖状|表彰/u.test(flat);
    // `甲拟评为“…”、乙拟评为“…”`: each honour's people apart.
    const readings = clauses
      .flatMap((clause) => clause.split(/(?<=”)[、和及]/u))
      .map((clause) => {
        // The people come before the verb (甲、乙获…奖章) or after the words that open the list (授予甲、乙).
        // Quotations that open the clause (`「优良奖」颜瑜…`) are dropped; one after the people ends them
        // (`…护士长王霞梅“先进个人”称号`).
        // A quotation that modifies the people (`荣获“…”的甲医院李某`) is cut away with what comes before it.
        const unquoted = clause
          .replace(/^[^“”]*“[^”]*”(?:荣誉)?(?:称号)?的/u, '')
          .replace(/^(?:\s*“[^”]*”)+/u, '')
          .replace(/“[^”]*”[\s\S]*$/u, '');
        const verb = HONOURED_VERB.exec(unquoted);
        // A clause that opens with the verb (`荣获市委、市政府授予的…`) names no one honoured: who follows confers.
        if (verb && verb.index < 2) return [];
        const before = (verb && verb.index >= 2 ? unquoted.slice(0, verb.index) : unquoted).replace(
          /^.*(?:授予|表彰|命名|核定|决定对)(?=\p{Script=Han})/u,
          '',
        );
        const run = splitRun(before);
        // Bodies that publish or decide (`甲部、乙委发布…名单`) are the issuers: every item up to the verb.
        const issuedAt = ISSUING_VERB.test(unquoted.slice(before.length).slice(0, 12))
          ? run.length - 1
          : run.findIndex((item) => ISSUING_VERB.test(item));
        // A unit alone is an awardee when the clause says it got an honour (`示例卫生所获「…」优等奖`).
        const gotHonour =
          verb !== null && /^(?:荣获|获得|喜获|获颁|获|被授予|被评为)/u.test(verb[0]) && /[“”]|奖|称号/u.test(clause);
        const units = (collective && run.length > 1) || (run.length === 1 && gotHonour);
        const read = run.map((item, i) => readItem(item, run.length > 1, units && i > issuedAt));
        // A run that is mostly not names is prose (预防、医疗、康复、…): none of it is read.
        // Posts split off by 、 (`儿科副主任、主任医师李明`) belong to the name after them.
        let fitting = read.filter((r, i) => r !== null || POST_WORDS.test(run[i]!.replace(/\s/gu, ''))).length;
        // In a run that is mostly names, a three-character item is a name though its surname is a rare one.
        if (run.length >= 4 && fitting * 3 >= run.length * 2) {
          run.forEach((item, i) => {
            const bare = item.replace(/[（(][^（）()]{1,10}[）)]$/u, '').trim();
            if (read[i] === null && /^\p{Script=Han}{3}$/u.test(bare) && isPersonName(bare, false)) {
              read[i] = { name: bare, unit: null, category: null };
              fitting++;
            }
          });
        }
        // The honour is the one the clause names, else the next one the sentence names.
        const honour = honourAfter(clause) ?? honourAfter(flat.slice(flat.indexOf(clause) + clause.length));
        return fitting * 3 >= run.length * 2 ? read.map((r) => inCategory(r, honour)) : [];
      });
    // Bare names count when the sentence lists at least two people in some form.
    const people = readings.flat().filter((r) => r && r.unit !== undefined && !isOrgName(r.name)).length;
    for (const reading of readings) {
      for (const found of reading)
        if (found && (people >= 2 || found.unit !== null || isOrgName(found.name))) add(found);
    }
  }
  return out;
}

/** The first honour quoted in `text` (`“全国卫生系统先进工作者”`), as the category of the people before it. */
function honourAfter(text: string): string | null {
  const quote = /“([^”]{2,40})”/u.exec(text.split(/[。；;]/u)[0]!);
  return quote && HONOUR_KEYWORDS.test(quote[1]!) ? quote[1]! : null;
}

function inCategory(found: ExtractedAwardee | null, category: string | null): ExtractedAwardee | null {
  return found && category ? { ...found, category } : found;
}

/**
 * Quotation marks as one pair of kinds, balanced: pages mix “” with 「」 and "", and type “…“ for
 * “…”; an opening mark inside a quotation closes it.
 */
function balanceQuotes(text: string): string {
  let inside = false;
  return text.replace(/[“”「」『』"]/gu, (mark) => {
    if (inside) {
      inside = false;
      return '”';
    }
    if (mark === '”' || mark === '」' || mark === '』') return '”';
    inside = true;
    return '“';
  });
}

/** Whether a clause of `sentence` is a run of three or more items that read as people. */
function listsPeople(sentence: string): boolean {
  // Only the first items of a run are read: three that are people settle it.
  return splitOutsideBrackets(closeCjkSpaces(sentence), /[，,；;：:]/u).some((clause) => {
    const items = clause.split('、', 6);
    if (items.length < 3) return false;
    const run = splitRun(items.slice(0, 5).join('、'));
    return run.filter((item) => readItem(item, true, false) !== null).length >= 3;
  });
}

/**
 * A clause split into its items: `甲、乙和丙` → 甲 乙 丙. The words that open the list (`授予`, `分别为`)
 * are taken off the first item unless it reads as a name as it stands (易为民 is a name, not 易 + 为 + 民).
 */
function splitRun(clause: string): string[] {
  const items = splitItems(clause);
  const [first] = items;
  if (first !== undefined && readItem(first, true, false) === null) items[0] = first.replace(LIST_LEAD, '');
  return items.filter(Boolean);
}

function splitItems(clause: string): string[] {
  return splitOutsideBrackets(clause, /[、]/u)
    .flatMap((item) => {
      const pair = /^(.{2,4})[和及与](.{2,4})$/u.exec(item);
      if (pair && isPersonName(pair[1]!) && isPersonName(pair[2]!)) return [pair[1]!, pair[2]!];
      const units = /^(.{3,40}?)[和及与](.{3,40})$/u.exec(item);
      if (units && isOrgName(units[1]!) && isOrgName(units[2]!)) return [units[1]!, units[2]!];
      // `…医师韦晓娜和示例市医院产科主任雷冬竹`, `示例医院的甲和乙`: two items when both sides read as one.
      for (const match of item.matchAll(/[和及与]/gu)) {
        const left = item.slice(0, match.index);
        const right = item.slice(match.index + 1);
        const a = left.length >= 2 ? readItem(left, true, false) : null;
        const b = right.length >= 2 ? readItem(right, true, false) : null;
        // Both of one shape (two names, or two with their units): `示例田和社区…主任张玲` is one item.
        if (a && b && (a.unit === null) === (b.unit === null)) return [left, right];
      }
      return [item];
    })
    .map((item) => item.replace(/^[“”]+|[“”]+$/gu, '').trim())
    .filter(Boolean);
}

/**
 * One item of a list: a name; a unit, post and name (`示例医院护士长李静`); a name, then unit and
 * post (`张永海 示例医院院长`); a unit, when units are honoured. `null` when it is none of these.
 */
function readItem(item: string, inList: boolean, unitsAllowed: boolean): ExtractedAwardee | null {
  const value = item
    .replace(/[（(](?:女|男|[0-9]{1,2}岁|[\p{Script=Han}]{1,3}族|已故|追授)[）)]/gu, '')
    // A short note after a name: `谢明（年资55年）`.
    .replace(/(?<=^[\p{Script=Han}]{2,4})[（(][^（）()]{1,10}[）)]$/u, '')
    .replace(/(?:同志|先生|女士)$/u, '')
    .replace(/^[^、]*的(?=[\p{Script=Han}]{3})/u, '')
    .replace(HONOUREE_LEAD, '')
    .replace(/^(?:以及|及|和|与)/u, '')
    // What follows the last name: `成丽5位同志`.
    .replace(/(?:[0-9]{1,4}(?:名|位|人)|[一二三四五六七八九十]{1,3}(?:名|位)同志).*$/u, '')
    // `董亚萍两位护士长`: the count and what they are, after the last name.
    .replace(/(?<=\p{Script=Han}{2})(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:名|位)\p{Script=Han}{0,4}$/u, '')
    .trim();
  if (!value) return null;
  // Name first, then what they are: `张永海 汕头市中心医院院长`, `颜瑜 副护理长`.
  const spaced = /^([\p{Script=Han}]{2,3}) (.+)$/u.exec(value);
  if (spaced && isPersonName(spaced[1]!)) {
    const rest = spaced[2]!.replace(/\s/gu, '');
    if (POST_WORDS.test(rest.split(/[、]/u)[0]!) || isOrgName(rest) || unitWithoutPost(rest)) {
      return {
        name: spaced[1]!,
        unit: unitWithoutPost(rest.split(/[、]/u)[0]!) ?? unitOf(rest),
        category: null,
      };
    }
  }
  const compact = value.replace(/\s/gu, '');
  // A post after the name: `颜瑜副护理长`, `徐卫平护长`.
  for (const length of [3, 2]) {
    const name = compact.slice(0, length);
    const rest = compact.slice(length);
    if (
      rest &&
      isPersonName(name) &&
      !/[副委部处科室]$/u.test(name) &&
      POST_WORDS.test(rest) &&
      rest.replace(POST_WORDS, '').length <= 2
    ) {
      return { name, unit: null, category: null };
    }
  }
  if (isPersonName(compact))
    return inList ? { name: compact, unit: null, category: null } : { name: compact, unit: null, category: null };
  // Unit, name, post: `示例市第一人民医院眼科李明副主任医师`.
  const withoutPost = compact.replace(POST_WORDS, '');
  if (withoutPost !== compact && !POST_WORDS.test(withoutPost)) {
    for (const length of [3, 2]) {
      const name = withoutPost.slice(-length);
      const rest = withoutPost.slice(0, -length);
      if (rest && isPersonName(name) && isOrgName(rest)) return { name, unit: rest, category: null };
    }
  }
  // Unit, post, name: `示例市人民医院儿科副主任、主任医师李明` (the 、 is inside the post).
  for (const length of [3, 2]) {
    const name = compact.slice(-length);
    const rest = compact.slice(0, -length);
    if (!rest || !isPersonName(name)) continue;
    if (POST_WORDS.test(rest)) return { name, unit: unitOf(rest), category: null };
    if (isOrgName(rest)) return { name, unit: rest, category: null };
  }
  // A unit, when units are honoured; not a clause that merely ends like one (2021年6月被中共示例市委).
  // A note in brackets after a unit's name (安徽医疗队（第一批方舱）) is part of it.
  const named = compact.replace(/[（(][^（）()]{1,12}[）)]$/u, '');
  if (unitsAllowed && isOrgName(named) && !POST_WORDS.test(named) && !/^[0-9]|被|在|由|向|从/u.test(named)) {
    return { name: compact, unit: null, category: null };
  }
  return null;
}
