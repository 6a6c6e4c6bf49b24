/**
 * Extraction: structured facts out of a notice, a roll or a write-up. The stages are unified
 * plugins that read the normalised text and put their results on `file.data.extract`; this module
 * runs them in order on a text and returns the JSON that `deeds extract --json` prints.
 *
 *   extractDocument('武卫字〔2023〕4号\n关于开展…的通知\n…').result
 *     →  { kind: 'announcement', docNumber: '武卫字〔2023〕4号', title: '关于开展…的通知', … }
 */
import type { Root } from 'mdast';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { countWords } from '../../lib/word-count.ts';
import { toDiagnostics } from '../../lib/report.ts';
import { extractDeed } from './deed.ts';
import { extractHeader } from './header.ts';
import { extractRequirements } from './requirements.ts';
import { extractRoll } from './roll.ts';
import { extractOf, type ExtractResult } from './types.ts';
import { normaliseText, type NormaliseResult } from '../normalise/normalise.ts';
import type { PipelineContext } from '../types.ts';

export type { ExtractResult } from './types.ts';

export interface ExtractOptions {
  /** The file's path, as diagnostics should name it. Default `document.txt`. */
  path?: string;
  /** Registries for the normaliser (protected names). */
  context?: Partial<PipelineContext>;
  /** Set when the text is already normalised (an MDX body): skip normalisation. */
  normalised?: boolean;
}

export interface Extraction {
  result: ExtractResult;
  /** The file extraction ran on (the normalised text), with every message. */
  file: VFile;
  normalised: NormaliseResult;
}

/** The extraction stages, in order. */
export const extractPlugins: PluggableList = [extractHeader, extractRequirements, extractRoll, extractDeed];

const processor = unified().use(extractPlugins);

/** Normalise `text` and extract its facts. Never throws on content. */
export function extractDocument(text: string, options: ExtractOptions = {}): Extraction {
  const normalised: NormaliseResult = options.normalised
    ? { value: text, changes: [], sourceScript: 'simplified', paragraphs: [], messages: [] }
    : normaliseText(text, { ...options.context, path: options.path });
  // Headings, titles and list lines are read with their line breaks: the normaliser joins lines it takes
  // for a sentence broken by a page break, and a headline followed by its first paragraph looks like one.
  const structural = options.normalised ? null : replay(text, normalised, KEPT_LINE_BREAKS);
  const file = new VFile({ path: options.path ?? 'document.txt', value: structural ?? normalised.value });
  file.data.extractSpacedText = options.normalised ? null : replay(text, normalised, KEPT_FOR_ROLLS);
  const result = extractOf(file);
  result.sourceScript = normalised.sourceScript;
  processor.runSync({ type: 'root', children: [] } as Root, file);
  result.wordCount = countWords(normalised.value).words;
  // The normaliser's messages (characters it could not read, say) are placed in the input.
  const input = new VFile({ path: options.path ?? 'document.txt' });
  input.messages.push(...(normalised.messages ?? []));
  result.diagnostics = toDiagnostics([input, file]).map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
  }));
  return { result, file, normalised };
}

/**
 * Normalisations undone for reading the structure: the line breaks the normaliser joined, and the
 * bylines it removes as page furniture (`来源：… 发布时间：2023-03-08`), which carry a page's date and source.
 */
const KEPT_LINE_BREAKS = new Set(['page-break-join', 'scrape-noise/article-info']);
/** And for reading rolls: also the spaces between columns. */
const KEPT_FOR_ROLLS = new Set(['cjk-space', 'page-break-join']);

/**
 * The normalised text with some of its changes undone (`keep`: rules whose original text is kept),
 * replayed from the change record. `null` when there is nothing to undo or the record cannot be replayed.
 */
function replay(input: string, normalised: NormaliseResult, keep: ReadonlySet<string>): string | null {
  // A change may stand for a run of furniture removed by several rules (`scrape-noise/a+scrape-noise/b`).
  const kept = (rule: string) => rule.split('+').some((part) => keep.has(part));
  if (!normalised.changes.some((change) => kept(change.rule))) return null;
  let out = '';
  let at = 0;
  for (const change of normalised.changes) {
    if (change.start.offset < at || input.slice(change.start.offset, change.end.offset) !== change.before) return null;
    out += input.slice(at, change.start.offset) + (kept(change.rule) ? change.before : change.after);
    at = change.end.offset;
  }
  return out + input.slice(at);
}
