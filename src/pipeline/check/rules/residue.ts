/**
 * Rule `residue`: what normalisation should have removed. Pinyin readings a converter inserted
 * (衛(wèi)), the replacement character U+FFFD (text lost to a wrong encoding: an error, since
 * words are missing) and traditional-only characters outside the glossary's protected terms.
 *
 *   卫(wèi)生院   →   warning: 发现拼音注音“(wèi)”…
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { placeInText, visitText, type TextNode } from '../helpers.ts';
import { matchAll } from '../../patterns.ts';
import { PINYIN_READING, REPLACEMENT_CHARACTER, traditionalOnlyCharacters } from '../data/residue.ts';
import type { PipelineContext } from '../../types.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'residue',
  description: '规范化后不应残留繁体字、拼音注音或乱码',
  fix: '删去注音；对照原件补全乱码处',
  severity: 'default',
  examples: [{ body: '他在\uFFFD\uFFFD工作。\n', message: '乱码字符', severity: 'error' }],
});

export interface Options {
  /** Terms that keep their characters (the glossary's simplified forms). */
  protectedTerms?: readonly string[];
}

export function remarkCheckResidue(options: Options = {}) {
  const traditional = traditionalTable();
  const terms = (options.protectedTerms ?? []).filter((term) =>
    [...term].some((char) => traditionalOnlyCharacters().has(char)),
  );
  return (tree: Root, file: VFile) => {
    visitText(tree, (node) => {
      for (const match of matchAll(REPLACEMENT_CHARACTER.pattern, node.value)) {
        rule.report(file, `发现 ${match[0].length} 个乱码字符“\uFFFD”：这里的文字在转码时丢失了；请对照原件补全`, {
          place: placeInText(node, match.index, match.index + match[0].length),
          fatal: true,
        });
      }
      for (const match of matchAll(PINYIN_READING.pattern, node.value)) {
        rule.report(file, `发现拼音注音“${match[0]}”：这是转换工具插入的读音，不是原文；请删去`, {
          place: placeInText(node, match.index, match.index + match[0].length),
          fatal: false,
          actual: match[0],
          expected: [''],
        });
      }
      checkTraditional(node, file, traditional, terms);
    });
  };
}

/** One warning per text node, listing its traditional characters, at the first of them. */
function checkTraditional(node: TextNode, file: VFile, traditional: TraditionalTable, terms: readonly string[]): void {
  const value = node.value;
  let protectedRanges: Array<[number, number]> | undefined;
  let first = -1;
  const found = new Set<string>();
  let count = 0;
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    // A bitmap of the Basic Multilingual Plane; the few traditional-only characters beyond it (rare
    // extension-B forms) are not looked for.
    if (code < 0x3400 || traditional.bitmap[code] !== 1) continue;
    protectedRanges ??= terms.flatMap((term) => {
      const ranges: Array<[number, number]> = [];
      for (let i = value.indexOf(term); i !== -1; i = value.indexOf(term, i + 1)) ranges.push([i, i + term.length]);
      return ranges;
    });
    if (protectedRanges.some(([start, end]) => at >= start && at < end)) continue;
    if (first === -1) first = at;
    found.add(value[at]!);
    count++;
  }
  if (first === -1) return;
  const list = [...found].slice(0, 12).join('');
  rule.report(
    file,
    `发现 ${count} 个繁体字（${list}${found.size > 12 ? '…' : ''}）：正文应为简体；请转成简体（npm run deeds -- normalise），人名地名需保留原字的请加入 content/glossary.yaml`,
    { place: placeInText(node, first, first + 1), fatal: false },
  );
}

interface TraditionalTable {
  /** 1 at the code unit of each traditional-only character of the BMP. */
  bitmap: Uint8Array;
}

let table: TraditionalTable | undefined;

function traditionalTable(): TraditionalTable {
  if (table) return table;
  const bitmap = new Uint8Array(0x10000);
  for (const char of traditionalOnlyCharacters()) if (char.length === 1) bitmap[char.charCodeAt(0)] = 1;
  return (table = { bitmap });
}

export function residueOptions(context: PipelineContext): Options {
  return { protectedTerms: context.glossary.map((term) => term.simplified) };
}
