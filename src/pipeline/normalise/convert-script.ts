/**
 * A stage of the normaliser (in the order of `normalisePlugins`): script. Detects the script of the document and of each paragraph
 * (simplified, traditional or mixed) and converts to simplified with OpenCC's phrase dictionaries
 * (or, for the command's `--to tw|hk`, to traditional). Protected glossary terms are written as the
 * glossary says. Paragraphs without traditional characters are left as written.
 *
 *   '衛生健康委員會'  →  '卫生健康委员会'   (file.data.normalise.sourceScript: 'traditional')
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
import {
  classifyScript,
  countScript,
  pushDiff,
  simplifyEdits,
  toSimplified,
  toTraditional,
  type TraditionalSource,
} from './script.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary.ts';
import { editSegments, inputPointMapper, normaliseState, type NormaliseRoot, type ParagraphScript } from './tree.ts';

export type TargetScript = 'cn' | 'tw' | 'hk';

const GLOSSARY_RULE = 'script-glossary';

export interface Options {
  /** The script to write: simplified (`cn`, default), or traditional, Taiwan (`tw`) or Hong Kong (`hk`). */
  to?: TargetScript;
  /** Which traditional standard sources are read as: `t` (OpenCC standard, default), `tw` or `hk`. */
  from?: TraditionalSource;
  /** Protected terms, from `content/glossary.yaml`. */
  glossary?: readonly GlossaryTerm[];
}

const defaults = Object.freeze({
  to: 'cn' as TargetScript,
  from: 't' as TraditionalSource,
  glossary: [] as readonly GlossaryTerm[],
});

export const convertScript: Plugin<[Options?], NormaliseRoot> = function (options) {
  const settings = { ...defaults, ...options };
  return (tree: NormaliseRoot, file: VFile) => {
    const state = normaliseState(file);
    let traditional = 0;
    let simplified = 0;
    const paragraphs: ParagraphScript[] = [];
    const locate = inputPointMapper(state);
    editSegments(
      tree,
      file,
      (value, _segment, _index, offset) => {
        const edits: Edit[] = [];
        let start = 0;
        while (start < value.length) {
          let end = value.indexOf('\n', start);
          if (end === -1) end = value.length;
          if (end > start) {
            let counts;
            if (settings.to === 'cn') {
              // Convert and count in one pass; a paragraph without traditional characters stays as written.
              const mark = edits.length;
              counts = simplifyEdits(value, edits, { from: settings.from, glossary: settings.glossary }, start, end);
              if (counts.traditional === 0) {
                // Only glossary spellings change here (钟干 → 钟乾 where the glossary lists 钟干).
                let kept = mark;
                for (let k = mark; k < edits.length; k++)
                  if (edits[k]!.rule === GLOSSARY_RULE) edits[kept++] = edits[k]!;
                edits.length = kept;
              }
            } else {
              counts = countScript(value, start, end);
              const line = value.slice(start, end);
              const converted = toTraditional(toSimplified(line, settings.glossary, settings.from), {
                variant: settings.to,
                glossary: settings.glossary,
              });
              if (converted !== line) pushDiff(value, start, end, converted, 'script', edits);
            }
            traditional += counts.traditional;
            simplified += counts.simplified;
            if (counts.traditional + counts.simplified > 0) {
              paragraphs.push({ line: locate(offset + start).line, script: classifyScript(counts) });
            }
          }
          start = end + 1;
        }
        return edits;
      },
      (segment) => !segment.data?.gap,
    );
    state.paragraphs = paragraphs;
    state.sourceScript = classifyScript({ traditional, simplified });
  };
};
