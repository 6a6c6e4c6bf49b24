/**
 * Rule `spun-text`: words that synonym-spinning tools substitute on document-sharing sites,
 * and years their page chunking breaks. A warning with the likely original, since some spun
 * words are also real words.
 *
 *   牢固树立科学开展观   →   warning: “科学开展观”像是文库网站替换过的文字，原文可能是“科学发展观”…
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { placeInText, visitText } from '../helpers.ts';
import { matchAll } from '../../patterns.ts';
import { BROKEN_YEAR, SPUN_PAIRS, type SpunPair } from '../data/spun-text.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'spun-text',
  description: '文库网站“伪原创”替换的词（效劳→服务、科学开展观→科学发展观）和残缺年份（202223年）',
  fix: '对照原件改回原词',
  severity: 'default',
  examples: [
    { body: '牢固树立科学开展观。\n', message: '原文可能是“科学发展观”', severity: 'warning' },
    { body: '牢固树立科学发展观。\n' },
  ],
});

export interface Options {
  /** Spun words with their originals. */
  pairs?: readonly SpunPair[];
}

const defaults: Required<Options> = Object.freeze({ pairs: SPUN_PAIRS });

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of literal words, longest first, so that 科学开展观 wins over a shorter pair. */
export function spunPattern(pairs: readonly SpunPair[]): RegExp {
  const words = [...pairs].map((pair) => pair.spun).sort((a, b) => b.length - a.length);
  return new RegExp(words.map(escapeRegExp).join('|'), 'g');
}

export function remarkCheckSpunText(options: Options = {}) {
  const { pairs } = { ...defaults, ...options };
  const pattern = spunPattern(pairs);
  const original = new Map(pairs.map((pair) => [pair.spun, pair.original]));
  return (tree: Root, file: VFile) => {
    visitText(tree, (node) => {
      for (const match of matchAll(pattern, node.value)) {
        const likely = original.get(match[0])!;
        rule.report(
          file,
          `“${match[0]}”像是文库网站“伪原创”替换过的文字，原文可能是“${likely}”；请对照原件核实后改正`,
          {
            place: placeInText(node, match.index, match.index + match[0].length),
            fatal: false,
            actual: match[0],
            expected: [likely],
          },
        );
      }
      for (const match of matchAll(BROKEN_YEAR.pattern, node.value)) {
        const [found, head, tail] = match as unknown as [string, string, string];
        const guesses = [`${head}年`];
        if (tail.length === 2) guesses.push(`${head.slice(0, 2)}${tail}年`);
        rule.report(
          file,
          `年份“${found}年”有 ${found.length} 位数字，像是抓取时残缺的年份，可能是${guesses.map((g) => `“${g}”`).join('或')}；请对照原件改正`,
          {
            place: placeInText(node, match.index, match.index + found.length),
            fatal: false,
            actual: `${found}年`,
            expected: guesses,
          },
        );
      }
    });
  };
}
