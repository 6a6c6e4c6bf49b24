/**
 * What normalisation should have removed (rule `residue`): pinyin readings a converter inserted
 * after characters, the replacement character U+FFFD, and traditional-only characters.
 */
import { to } from 'opencc-js/preset';
import type { TextPattern } from '../../patterns.ts';

/** A reading in brackets after a Han character, with at least one tone mark: 衛(wèi), 設（shè）. */
export const PINYIN_READING: TextPattern = Object.freeze({
  id: 'pinyin-reading',
  pattern: /(?<=[\u4e00-\u9fff])[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]{0,6}[)）]/g,
  example: '衛(wèi)生',
  label: '拼音注音',
});

export const REPLACEMENT_CHARACTER: TextPattern = Object.freeze({
  id: 'replacement-character',
  pattern: /\uFFFD+/g,
  example: '服务\uFFFD\uFFFD群众',
  label: '乱码（U+FFFD）',
});

/**
 * Characters that are traditional forms also used in simplified text in some words, so that
 * finding them is not a sign of unconverted text: 乾 (乾坤、乾隆), 於 (a surname), 藉 (慰藉)….
 */
export const SHARED_CHARACTERS: readonly string[] = Object.freeze([
  '乾',
  '於',
  '藉',
  '瞭',
  '夥',
  '甦',
  '覆',
  '著',
  '谘',
  '麽',
  '閒',
]);

let traditionalOnly: Set<string> | undefined;

/** Characters OpenCC converts from traditional to a different simplified character (TSCharacters), less the shared ones. */
export function traditionalOnlyCharacters(): Set<string> {
  if (traditionalOnly) return traditionalOnly;
  const set = new Set<string>();
  const simplified = new Set<string>();
  for (const group of to.cn ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [from, ...targets] = entry.split(' ');
        if (!from || [...from].length !== 1 || targets.length === 0) continue;
        if (!targets.includes(from)) set.add(from);
        for (const target of targets) simplified.add(target);
      }
    }
  }
  for (const char of SHARED_CHARACTERS) set.delete(char);
  for (const char of simplified) set.delete(char);
  traditionalOnly = set;
  return set;
}
