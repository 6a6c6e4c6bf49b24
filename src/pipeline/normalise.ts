/**
 * The normaliser: the stages that repair a document's text before it is checked, run as one unified
 * processor over a segment tree (see normalise-tree.ts). Every change is recorded in input coordinates;
 * `restore(value, changes)` gives the input back, character for character.
 *
 *   normaliseText('南陽市衛(wèi)健委,召開大會')
 *     →  { value: '南阳市卫健委，召开大会', sourceScript: 'traditional', changes: [
 *            { rule: 'script', before: '陽', after: '阳', start: {line: 1, column: 2, offset: 1}, … }, … ] }
 *
 * Stages, in order: characters → scrape noise → pinyin residue → script → punctuation and spacing.
 */
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { toChanges } from '../lib/change-record.ts';
import { convertScript, type TargetScript } from './convert-script.ts';
import { normaliseCharacters } from './normalise-characters.ts';
import { normalisePunctuation } from './normalise-punctuation.ts';
import {
  compileSegments,
  initialState,
  parseMarkdownSegments,
  parsePlainText,
  type NormaliseRoot,
  type NormaliseState,
  type ParagraphScript,
} from './normalise-tree.ts';
import { stripPinyin } from './strip-pinyin.ts';
import { stripScrapeNoise } from './strip-scrape-noise.ts';
import type { Change, PipelineContext, Script } from './types.ts';
import type { TraditionalSource } from '../lib/script.ts';

export { restore, mapToSource, type OutputPoint } from '../lib/change-record.ts';
export type { ParagraphScript, TargetScript };

export interface NormaliseResult {
  /** The normalised text. */
  value: string;
  /** Every change made, in input order. */
  changes: Change[];
  /** The script the input was written in. */
  sourceScript: Script;
  /** The script of each paragraph (line) that has telling characters, by input line. */
  paragraphs: ParagraphScript[];
  /** Problems found and left for an editor (lost characters, unreadable bytes), placed in the input. */
  messages: VFileMessage[];
}

/** What the normaliser may consult, beyond the pipeline context. */
export interface NormaliseContext extends Partial<PipelineContext> {
  /** Script to write: simplified (`cn`, default), or traditional (`tw`, `hk`). */
  to?: TargetScript;
  /** How traditional sources are read (`t`, `tw`, `hk`). Default: `t`. */
  from?: TraditionalSource;
  /** The path for messages. */
  path?: string;
}

/** The stages, in order, for plain text or an MDX body. */
export function normalisePlugins(mode: NormaliseState['mode'], context: NormaliseContext = {}): PluggableList {
  return [
    normaliseCharacters,
    [stripScrapeNoise, { mode }],
    stripPinyin,
    [convertScript, { to: context.to ?? 'cn', from: context.from ?? 't', glossary: context.glossary ?? [] }],
    normalisePunctuation,
  ];
}

type SegmentProcessor = Processor<NormaliseRoot, NormaliseRoot, NormaliseRoot, NormaliseRoot, string>;

function processor(mode: NormaliseState['mode'], context: NormaliseContext): SegmentProcessor {
  const parse = mode === 'text' ? parsePlainText : parseMarkdownSegments;
  return unified()
    .use(function parser(this: Processor) {
      this.parser = ((document: string) => parse(document)) as never;
    })
    .use(normalisePlugins(mode, context))
    .use(function compiler(this: Processor) {
      this.compiler = ((tree: NormaliseRoot) => compileSegments(tree)) as never;
    }) as unknown as SegmentProcessor;
}

function run(value: string, mode: NormaliseState['mode'], context: NormaliseContext = {}): NormaliseResult {
  const input = typeof value === 'string' ? value : String(value ?? '');
  const file = new VFile({ value: input, path: context.path });
  const state = initialState(input, mode);
  file.data.normalise = state;
  const proc = processor(mode, context);
  const tree = proc.runSync(proc.parse(file), file);
  const output = proc.stringify(tree, file) as string;
  return {
    value: output,
    changes: toChanges(input, state.edits),
    sourceScript: state.sourceScript,
    paragraphs: state.paragraphs,
    messages: file.messages,
  };
}

/** Normalise plain text (an imported file). */
export function normaliseText(value: string, context?: NormaliseContext): NormaliseResult {
  return run(value, 'text', context);
}

/** Normalise the body of an MDX entry, leaving Markdown and MDX syntax alone. */
export function normaliseMarkdown(value: string, context?: NormaliseContext): NormaliseResult {
  return run(value, 'markdown', context);
}
