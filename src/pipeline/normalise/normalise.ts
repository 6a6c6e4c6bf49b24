/**
 * The normaliser: the stages that repair a document's text before it is checked, run as one unified
 * processor over a segment tree (see normalise-tree.ts). Every change is recorded in input coordinates;
 * `restore(value, changes)` gives the input back, character for character.
 *
 *   normaliseText('南陽市衛(wèi)健委,召開大會')
 *     →  { value: '南阳市卫健委，召开大会', sourceScript: 'traditional', changes: [
 *            { rule: 'script', before: '陽', after: '阳', start: {line: 1, column: 2, offset: 1}, … }, … ] }
 *
 * Stages, in order: characters → leftover HTML → pinyin residue → script → punctuation and spacing →
 * scrape noise. Tags and readings go first, so that nothing hides behind them; the noise goes last, so
 * that its rules see each line in its final form (a line that becomes noise only once its spaces are
 * gone is still removed, and normalising the output again changes nothing).
 */
import type { Root as MdastRoot } from 'mdast';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { composeEdits, toChanges, type Edit } from './change-record.ts';
import { convertScript, type TargetScript } from './convert-script.ts';
import { normaliseCharacters } from './characters.ts';
import { normalisePunctuation } from './punctuation.ts';
import {
  compileSegments,
  initialState,
  parseMarkdownSegments,
  parsePlainText,
  type NormaliseRoot,
  type NormaliseState,
  type ParagraphScript,
} from './tree.ts';
import { stripHtml } from './strip-html.ts';
import { stripPinyin } from './strip-pinyin.ts';
import { stripScrapeNoise } from './strip-scrape-noise.ts';
import type { Change, PipelineContext, Script } from '../types.ts';
import type { TraditionalSource } from './script.ts';

export { restore, mapToSource, type OutputPoint } from './change-record.ts';
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
  /**
   * For an MDX body: the Markdown syntax tree of `value`, the output (`parseBody`, as the pipeline parses
   * it), from the last pass, which found nothing more to change — so that the pipeline does not parse the
   * body again. Not enumerable: it is not part of the result's data (JSON, structured cloning to and from
   * worker threads skip it).
   */
  readonly mdast?: MdastRoot;
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
    stripHtml,
    stripPinyin,
    [convertScript, { to: context.to ?? 'cn', from: context.from ?? 't', glossary: context.glossary ?? [] }],
    normalisePunctuation,
    [stripScrapeNoise, { mode }],
  ];
}

type SegmentProcessor = Processor<NormaliseRoot, NormaliseRoot, NormaliseRoot, NormaliseRoot, string>;

function processor(mode: NormaliseState['mode'], context: NormaliseContext, plugins?: PluggableList): SegmentProcessor {
  const parse = mode === 'text' ? parsePlainText : parseMarkdownSegments;
  return unified()
    .use(function parser(this: Processor) {
      this.parser = ((document: string) => parse(document)) as never;
    })
    .use(plugins ?? normalisePlugins(mode, context))
    .use(function compiler(this: Processor) {
      this.compiler = ((tree: NormaliseRoot) => compileSegments(tree)) as never;
    }) as unknown as SegmentProcessor;
}

/** Callers outside TypeScript may pass anything: never throw on it. */
function inputOf(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

interface Pass {
  result: NormaliseResult;
  edits: Edit[];
}

function run(value: string, mode: NormaliseState['mode'], context: NormaliseContext = {}): NormaliseResult {
  return pass(value, mode, context).result;
}

/**
 * Run some of the stages (or other plugins on the segment tree) with the normaliser's bookkeeping: for
 * testing one stage on its own. `normaliseText` is `normaliseWith(value, normalisePlugins('text'))`.
 */
export function normaliseWith(
  value: string,
  plugins: PluggableList,
  mode: NormaliseState['mode'] = 'text',
  context: NormaliseContext = {},
): NormaliseResult {
  return pass(value, mode, context, plugins).result;
}

function pass(
  value: string,
  mode: NormaliseState['mode'],
  context: NormaliseContext = {},
  plugins?: PluggableList,
): Pass {
  const input = inputOf(value);
  const file = new VFile({ value: input, path: context.path });
  const state = initialState(input, mode);
  file.data.normalise = state;
  const proc = processor(mode, context, plugins);
  const tree = proc.runSync(proc.parse(file), file);
  const output = proc.stringify(tree, file) as string;
  const result = makeResult(input, output, state.edits, state.sourceScript, state.paragraphs, file.messages);
  if (state.edits.length === 0 && output === input && tree.mdast) withTree(result, tree.mdast);
  return { result, edits: state.edits };
}

/**
 * The result, with `changes` built from the composed edits on first use: the record is complete when
 * the stages finish, but turning hundreds of thousands of edits into `Change` objects with line and
 * column costs as much as a stage, and callers that only want the text need not pay it.
 * (`changes` is an ordinary enumerable property to JSON, spreading and structuredClone.)
 */
function makeResult(
  input: string,
  value: string,
  edits: Edit[],
  sourceScript: Script,
  paragraphs: ParagraphScript[],
  messages: VFileMessage[],
): NormaliseResult {
  let changes: Change[] | undefined;
  const result = { value, sourceScript, paragraphs, messages } as NormaliseResult;
  Object.defineProperty(result, 'changes', {
    enumerable: true,
    configurable: true,
    get: () => (changes ??= toChanges(input, edits)),
    set: (replacement: Change[]) => {
      changes = replacement;
    },
  });
  return result;
}

/** Normalise plain text (an imported file). */
export function normaliseText(value: string, context?: NormaliseContext): NormaliseResult {
  return run(value, 'text', context);
}

/** Normalise the body of an MDX entry, leaving Markdown and MDX syntax alone. */
export function normaliseMarkdown(value: string, context?: NormaliseContext): NormaliseResult {
  // Markdown structure can shift under normalisation (ａhttp://… becomes an autolink once ａ is a), so
  // run again on the output until nothing changes (twice at most), folding the records together.
  const first = pass(value, 'markdown', context);
  let { edits } = first;
  let output = first.result.value;
  // The pass that finds nothing more to change has parsed the output: its tree is the output's tree.
  let outputTree = first.result.mdast;
  for (let round = 0; round < 2 && edits.length > 0; round++) {
    const again = pass(output, 'markdown', context);
    if (again.edits.length === 0) {
      outputTree = again.result.mdast;
      break;
    }
    edits = composeEdits(edits, again.edits, output);
    output = again.result.value;
  }
  const result =
    output === first.result.value
      ? first.result
      : makeResult(
          inputOf(value),
          output,
          edits,
          first.result.sourceScript,
          first.result.paragraphs,
          first.result.messages,
        );
  if (outputTree && !result.mdast) withTree(result, outputTree);
  return result;
}

/** `result` with the syntax tree of its output (not enumerable: see `NormaliseResult.mdast`). */
function withTree(result: NormaliseResult, tree: MdastRoot): NormaliseResult {
  Object.defineProperty(result, 'mdast', { value: tree, enumerable: false, configurable: true });
  return result;
}
