/**
 * A stage of the normaliser (in the order of `normalisePlugins`): characters. Unicode NFC; byte-order marks, zero-width characters and soft
 * hyphens dropped; non-breaking spaces to spaces; full-width Latin letters and digits to half-width;
 * CRLF to LF. A replacement character (U+FFFD, a byte the decoder could not read) is kept and reported:
 * what it stood for cannot be known.
 *
 *   '\uFEFFＡ１\u00A0卫\u200B生'  →  'A1 卫生'
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
import { CHARACTER_RULES, NFC_SUSPECTS, REPLACEMENT_CHARACTER } from './data/characters.ts';
import { editSegments, reportAt, type NormaliseRoot } from './tree.ts';

export interface Options {
  /** Apply Unicode NFC to lines that need it. Default: true. */
  nfc?: boolean;
}

const defaults: Readonly<Required<Options>> = Object.freeze({ nfc: true });

const combined = new RegExp(CHARACTER_RULES.map((rule) => `(${rule.pattern})`).join('|'), 'g');

export const normaliseCharacters: Plugin<[Options?], NormaliseRoot> = function (options) {
  const settings = { ...defaults, ...options };
  return (tree: NormaliseRoot, file: VFile) => {
    if (settings.nfc) editSegments(tree, file, nfcEdits);
    editSegments(tree, file, characterEdits);
    editSegments(tree, file, (value, _segment, _index, offset) => {
      for (
        let at = value.indexOf(REPLACEMENT_CHARACTER);
        at !== -1;
        at = value.indexOf(REPLACEMENT_CHARACTER, at + 1)
      ) {
        reportAt(
          file,
          offset + at,
          offset + at + 1,
          '此处有无法识别的字符（U+FFFD），原文在转码时已损坏；请对照原件补上正确的字',
          'replacement-character',
          false,
        );
      }
      return undefined;
    });
  };
};

/** NFC, line by line, for lines that have a character NFC may change. */
let suspects: Uint8Array | undefined;

/** Whether `value` has a character NFC may change: a table lookup per character, built once from NFC_SUSPECTS. */
function hasNfcSuspect(value: string): boolean {
  if (!suspects) {
    suspects = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const probe = c >= 0xd800 && c <= 0xdbff ? String.fromCharCode(c, 0xdc00) : String.fromCharCode(c);
      if (NFC_SUSPECTS.test(probe)) suspects[c] = 1;
    }
  }
  for (let i = 0; i < value.length; i++) if (suspects[value.charCodeAt(i)] === 1) return true;
  return false;
}

function nfcEdits(value: string): Edit[] | undefined {
  if (!hasNfcSuspect(value)) return undefined;
  const edits: Edit[] = [];
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf('\n', start);
    if (end === -1) end = value.length;
    const line = value.slice(start, end);
    if (NFC_SUSPECTS.test(line)) {
      const normal = line.normalize('NFC');
      if (normal !== line) {
        let head = 0;
        while (head < normal.length && line.charCodeAt(head) === normal.charCodeAt(head)) head++;
        let tail = 0;
        while (
          tail < normal.length - head &&
          tail < line.length - head &&
          line.charCodeAt(line.length - 1 - tail) === normal.charCodeAt(normal.length - 1 - tail)
        ) {
          tail++;
        }
        // Back off to a base character so that the record shows whole characters.
        while (head > 0 && /\p{M}/u.test(line[head]!)) head--;
        edits.push({
          rule: 'nfc',
          start: start + head,
          end: start + line.length - tail,
          after: normal.slice(head, normal.length - tail),
        });
      }
    }
    start = end + 1;
  }
  return edits;
}

function characterEdits(value: string): Edit[] | undefined {
  const edits: Edit[] = [];
  combined.lastIndex = 0;
  for (let match = combined.exec(value); match; match = combined.exec(value)) {
    let k = 1;
    while (match[k] === undefined) k++;
    const rule = CHARACTER_RULES[k - 1]!;
    const after = rule.replace(match[0]);
    const last = edits[edits.length - 1];
    if (last && last.end === match.index && last.rule === rule.id) {
      last.end += match[0].length;
      last.after += after;
    } else {
      edits.push({ rule: rule.id, start: match.index, end: match.index + match[0].length, after });
    }
  }
  return edits;
}
