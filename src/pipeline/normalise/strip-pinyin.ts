/**
 * A stage of the normaliser (in the order of `normalisePlugins`): pinyin residue. Some converters write a reading after each character they
 * were unsure of: 衛(wèi)健委, 會(huì)議, 建設(shè). The reading goes; real parentheses stay: （一）, (1),
 * （雪堰、五院）, (WHO). Where the character itself was lost and only its reading is left (F(xiàn)将 for
 * 现将), nothing is guessed: the place is reported for an editor to fill in.
 *
 *   '南陽市衛(wèi)健委'  →  '南陽市衛健委'
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
import { parseReading, READING_CANDIDATE } from './data/pinyin.ts';
import { editSegments, reportAt, type NormaliseRoot } from './tree.ts';

export interface Options {
  /** Report readings that follow no Chinese character (a lost character). Default: true. */
  reportLost?: boolean;
}

const defaults: Readonly<Required<Options>> = Object.freeze({ reportLost: true });

/** A Han character, BMP or supplementary. */
export const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export const stripPinyin: Plugin<[Options?], NormaliseRoot> = function (options) {
  const settings = { ...defaults, ...options };
  return (tree: NormaliseRoot, file: VFile) => {
    editSegments(tree, file, (value, _segment, _index, offset) => {
      if (value.indexOf('(') === -1 && value.indexOf('（') === -1) return undefined;
      const edits: Edit[] = [];
      // Where the last removed reading ended: a reading right after it reads the same character.
      let removedEnd = -1;
      const pattern = new RegExp(READING_CANDIDATE.source, 'g');
      for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
        const reading = parseReading(match[1]!, match[2]!);
        if (!reading) continue;
        // Spaces may have crept in between the character and its reading: 衛 (wèi).
        let readingStart = match.index;
        while (readingStart > 0 && /[ \u3000]/.test(value[readingStart - 1]!)) readingStart--;
        const before = precedingCharacter(value, readingStart);
        if ((before && HAN.test(before)) || readingStart === removedEnd) {
          removedEnd = match.index + match[0].length;
          edits.push({ rule: 'pinyin-residue', start: readingStart, end: removedEnd, after: '' });
          continue;
        }
        if (!settings.reportLost) continue;
        const lostFrom = before && /[A-Za-z]/.test(before) ? match.index - 1 : match.index;
        const shown = value.slice(lostFrom, match.index + match[0].length);
        reportAt(
          file,
          offset + lostFrom,
          offset + match.index + match[0].length,
          `“${shown}”只剩读音 ${match[1]}${match[2]}，前面的汉字在转换时丢失；不作猜测，请对照原件补上这个字并删去读音`,
          'pinyin-lost-character',
          true,
        );
      }
      return edits;
    });
  };
};

function precedingCharacter(value: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const c = value.charCodeAt(index - 1);
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) return value.slice(index - 2, index);
  return value[index - 1];
}
