/**
 * Run one content file through the whole pipeline: frontmatter, schema, normalisation,
 * parsing, checks, extraction and rendering. The Astro loader, `deeds check` and the tests
 * all call this one function, so a document is treated the same wherever it is processed.
 */
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { z } from 'astro/zod';
import type { StoredBody } from './render/entry-html.ts';
import { splitFrontmatter, type SplitDocument } from '../model/frontmatter.ts';
import { AnnouncementSchema, DeedSchema, RollSchema } from '../model/schemas/index.ts';
import { mapMessageToSource } from './check/helpers.ts';
import { checkFrontmatter, checkPlugins, finishChecks } from './check/checks.ts';
import { normaliseMarkdown, type NormaliseResult } from './normalise/normalise.ts';
import { checkPhotoFiles } from './check/rules/images.ts';
import { parseBody } from './parse-body.ts';
import { deedSummary } from './extract/summary.ts';
import { remarkRenderComponents, changesTree } from './render/remark-render-components.ts';
import { MESSAGE_SOURCE, type Collection, type PipelineContext } from './types.ts';

export interface ProcessInput {
  /** The file's path, as it should appear in diagnostics: `content/deeds/2023/li-jing.mdx`. */
  path: string;
  /** The file's text. */
  value: string;
  collection: Collection;
  /** Render the body to HTML. Default true; `deeds check` needs only the diagnostics. */
  render?: boolean;
}

export interface ProcessedDocument {
  /** The file with every diagnostic on it, positions in the source file. */
  file: VFile;
  /** The frontmatter as written (not yet validated). */
  frontmatter: Record<string, unknown>;
  /** The frontmatter after schema validation, or `undefined` when it is invalid. */
  data: Record<string, unknown> | undefined;
  split: SplitDocument;
  normalised: NormaliseResult;
  /** The normalised body as Markdown. */
  body: string;
  tree: Root;
  /** The body rendered to HTML (safe: allow-listed elements only). */
  html: string;
  /** Where the body was stored as a file, when the run was asked to (`ProjectOptions.bodyFolders`). */
  stored?: StoredBody;
}

export const SCHEMAS: Readonly<Record<Collection, z.ZodType>> = Object.freeze({
  announcements: AnnouncementSchema,
  rolls: RollSchema,
  deeds: DeedSchema,
});

const sanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'dataTitle', 'dataBy'],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside'],
  // Pages load nothing from other origins: an image must be a relative path (the images check says so too).
  // An empty list would allow every protocol, so name one that no URL has.
  protocols: { ...defaultSchema.protocols, src: ['relative-only'] },
};

/** A processed document with its place in the project (the runner's unit, read by cross-document checks). */
export interface ProjectEntry {
  /** The entry's id: its path under the collection folder without `.mdx`, `2023/li-jing`. */
  id: string;
  collection: Collection;
  /** The file's path relative to the project root. */
  path: string;
  document: ProcessedDocument;
}

/** The check plugins over a parsed body (`parseBody` parses it). */
type CheckProcessor = Processor<Root, Root, Root, undefined, undefined>;
const checkers = new WeakMap<PipelineContext, CheckProcessor>();

function checkProcessor(context: PipelineContext): CheckProcessor {
  let processor = checkers.get(context);
  if (!processor) {
    processor = unified().use(checkPlugins(context)) as unknown as CheckProcessor;
    checkers.set(context, processor);
  }
  return processor;
}

const renderer = unified()
  .use(remarkRenderComponents)
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

export function processDocument(input: ProcessInput, context: PipelineContext): ProcessedDocument {
  const file = new VFile({ path: input.path, value: input.value });
  file.data.collection = input.collection;
  const split = splitFrontmatter(input.value);
  for (const error of split.errors) {
    file.message(error.message, {
      place: error.place,
      ruleId: 'frontmatter-yaml',
      source: MESSAGE_SOURCE,
    }).fatal = true;
  }
  if (!split.hasFrontmatter) {
    file.message('文件开头缺少 frontmatter（以 --- 开始和结束的字段区）；请用 npm run deeds -- new 生成模板', {
      place: { line: 1, column: 1 },
      ruleId: 'frontmatter-missing',
      source: MESSAGE_SOURCE,
    }).fatal = true;
  }
  const data = split.errors.length === 0 ? validateFrontmatter(file, split, SCHEMAS[input.collection]) : undefined;
  file.data.frontmatter = data ?? split.data;
  if (split.errors.length === 0) {
    const frontmatterInput = {
      file,
      collection: input.collection,
      data: data ?? split.data,
      valid: data !== undefined,
      locate: split.locate,
    };
    checkFrontmatter(frontmatterInput, context);
    // Not a configurable rule: the build reads photo files, and must never read one through a link.
    checkPhotoFiles(frontmatterInput);
  }

  // Markdown nested thousands deep takes the parser minutes and overflows recursive walks: refuse it first.
  const nesting = deepNesting(split.body);
  const normalised: NormaliseResult = nesting
    ? { value: split.body, changes: [], sourceScript: 'simplified', paragraphs: [], messages: [] }
    : normaliseMarkdown(split.body, context);
  file.data.normalise = normalised;
  const body = normalised.value;

  const bodyFile = new VFile({ path: input.path, value: body, data: file.data });
  let tree: Root = { type: 'root', children: [] };
  try {
    if (nesting) {
      bodyFile.message(nestingReason(nesting), {
        place: nesting.place,
        ruleId: 'mdx-nesting',
        source: MESSAGE_SOURCE,
      }).fatal = true;
    } else {
      // The normaliser's last pass parsed the output already: that tree is this body's tree.
      tree = normalised.mdast ?? parseBody(body);
      tree = checkProcessor(context).runSync(tree, bodyFile);
    }
  } catch (error) {
    if (isStackOverflow(error)) {
      bodyFile.message(`正文嵌套过深，无法处理；${NESTING_HINT}`, {
        place: { line: 1, column: 1 },
        ruleId: 'mdx-nesting',
        source: MESSAGE_SOURCE,
      }).fatal = true;
    } else
      bodyFile.message(`MDX 语法错误：${describeError(error)}；正文应是普通文字，不能写代码`, {
        place: (error as { place?: { line: number; column: number } }).place ?? { line: 1, column: 1 },
        ruleId: 'mdx-syntax',
        source: MESSAGE_SOURCE,
      }).fatal = true;
  }
  // The normaliser's own findings (a lost character) are already in the body's input coordinates.
  // U+FFFD is left to the `residue` check, which reports it after normalisation.
  for (const message of normalised.messages) {
    if (message.ruleId === 'replacement-character') continue;
    message.file = input.path;
    relocate(message, split.bodyLine);
    file.messages.push(message);
  }
  for (const message of bodyFile.messages) {
    mapMessageToSource(message, normalised.changes);
    relocate(message, split.bodyLine);
    file.messages.push(message);
  }
  finishChecks(file, context);
  if (input.collection === 'deeds') {
    const summary = deedSummary(tree);
    if (summary) file.data.summary = summary;
  }
  let html = '';
  if (input.render !== false) {
    // The tree is kept (`document.tree`): render a copy if rendering would change it. Most bodies are
    // prose, which it leaves as it is, and copying was a tenth of a document's time.
    try {
      const hast = renderer.runSync(changesTree(tree) ? structuredClone(tree) : tree, bodyFile);
      html = renderer.stringify(hast as never, bodyFile) as string;
    } catch (error) {
      // `deepNesting` refuses what is known to nest too deep; anything deeper still is reported, not thrown.
      if (!isStackOverflow(error)) throw error;
      file.message(`正文嵌套过深，无法生成网页；${NESTING_HINT}`, {
        place: { line: split.bodyLine, column: 1 },
        ruleId: 'mdx-nesting',
        source: MESSAGE_SOURCE,
      }).fatal = true;
    }
  }
  return { file, frontmatter: split.data, data, split, normalised, body, tree, html };
}

/** Deeper than any document is written; the parser's time grows with the square of the depth. */
const MAX_NESTING = 100;

export type NestingKind = '列表' | '引用' | '方括号' | '强调' | '组件';

/** What to delete, by kind, in the `mdx-nesting` message. */
const NESTING_FIX: Readonly<Record<NestingKind, string>> = {
  列表: '列表符号（- * + 1.）',
  引用: '引用符号（>）',
  方括号: '方括号',
  强调: '强调符号（* 和 _）',
  组件: '组件标签（如 <Note>）',
};

/** The `mdx-nesting` message for what `deepNesting` found. */
export function nestingReason(nesting: { kind: NestingKind; depth: number }): string {
  return `${nesting.kind}嵌套了 ${nesting.depth} 层（最多 ${MAX_NESTING} 层），正文无法解析；请删去多余的${NESTING_FIX[nesting.kind]}`;
}

const WHITE_SPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * The first place where lists, block quotes, square brackets, emphasis or components nest deeper than
 * `MAX_NESTING`, if any. Linear: container markers are counted at the start of each line; brackets and
 * emphasis in one pass (reset at blank lines); component tags over the whole body.
 *
 * Emphasis is counted by runs of `*` and `_`: a run that can close (right-flanking, in CommonMark's
 * terms) while something is open takes its length away; else a run that can open adds its length.
 * `*_*_…字_*_*…` opens 100,000 deep; `**粗体**` opens 2 and closes 2. Components: an opening tag
 * `<Note …>` adds one, `</Note>` takes one away, `<Note />` neither.
 */
export function deepNesting(
  body: string,
): { kind: NestingKind; depth: number; place: { line: number; column: number } } | undefined {
  const lines = body.split('\n');
  let brackets = 0;
  let emphasis = 0;
  // Emphasis nests only where what opens is closed: `**市 **市 …` opens 1,000 runs that never close and
  // are plain text. The paragraph's deepest opening counts as far as closing runs follow it.
  let deepest: { depth: number; place: { line: number; column: number } } | undefined;
  let closed = 0;
  const deepEmphasis = () =>
    deepest && Math.min(deepest.depth, closed) > MAX_NESTING
      ? { kind: '强调' as const, depth: Math.min(deepest.depth, closed), place: deepest.place }
      : undefined;
  let components = 0;
  let lineStart = 0;
  for (let index = 0; index < lines.length; lineStart += lines[index]!.length + 1, index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      const deep = deepEmphasis();
      if (deep) return deep;
      brackets = 0;
      emphasis = 0;
      deepest = undefined;
      closed = 0;
      continue;
    }
    let lists = 0;
    let quotes = 0;
    let at = 0;
    for (;;) {
      while (line[at] === ' ' || line[at] === '\t') at++;
      if (line[at] === '>') {
        quotes++;
        at++;
        continue;
      }
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(at, at + 11));
      if (!marker) break;
      lists++;
      at += marker[0].length;
    }
    const place = { line: index + 1, column: 1 };
    if (lists > MAX_NESTING) return { kind: '列表', depth: lists, place };
    if (quotes > MAX_NESTING) return { kind: '引用', depth: quotes, place };
    for (let column = 0; column < line.length; column++) {
      const c = line[column];
      if (c === '\\') column++;
      else if (c === '[' && ++brackets > MAX_NESTING) {
        let depth = brackets;
        for (let rest = column + 1; rest < line.length && line[rest] === '['; rest++) depth++;
        return { kind: '方括号', depth, place: { line: index + 1, column: column + 1 } };
      } else if (c === ']' && brackets > 0) brackets--;
      else if (c === '*' || c === '_') {
        let end = column + 1;
        while (line[end] === '*' || line[end] === '_') end++;
        const before = column > 0 ? line[column - 1]! : ' ';
        const after = end < line.length ? line[end]! : ' ';
        const left =
          !WHITE_SPACE.test(after) &&
          (!PUNCTUATION.test(after) || WHITE_SPACE.test(before) || PUNCTUATION.test(before));
        const right =
          !WHITE_SPACE.test(before) &&
          (!PUNCTUATION.test(before) || WHITE_SPACE.test(after) || PUNCTUATION.test(after));
        // CommonMark's rules: `_` inside a word neither opens nor closes; `*` there may do either.
        const underscore = !line.slice(column, end).includes('*');
        const opens = left && (!underscore || !right || PUNCTUATION.test(before));
        const closes = right && (!underscore || !left || PUNCTUATION.test(after));
        if (closes && emphasis > 0) {
          closed += Math.min(emphasis, end - column);
          emphasis = Math.max(0, emphasis - (end - column));
          const deep = deepEmphasis();
          if (deep) return deep;
        } else if (opens) {
          emphasis += end - column;
          if (!deepest || emphasis > deepest.depth) {
            deepest = { depth: emphasis, place: deepest?.place ?? { line: index + 1, column: column + 1 } };
          }
        }
        column = end - 1;
      } else if (c === '<') {
        const tag = /^<(\/?)[A-Za-z][\w.-]*(?=[\s/>]|$)/.exec(line.slice(column, column + 64));
        if (!tag) continue;
        if (tag[1]) {
          components = Math.max(0, components - 1);
          continue;
        }
        // A tag may run over lines. Each search is short, or the tag is left open and counted.
        const close = body.indexOf('>', lineStart + column);
        if (close !== -1 && body[close - 1] === '/') continue;
        if (++components > MAX_NESTING) {
          return { kind: '组件', depth: components, place: { line: index + 1, column: column + 1 } };
        }
      }
    }
  }
  return deepEmphasis();
}

const NESTING_HINT = '请减少列表、引用、强调和组件的层层嵌套';

/** A recursive walk ran out of stack (`structuredClone`, a tree walker): the body nests too deep. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack|too much recursion/i.test(error.message);
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'reason' in error) return String((error as { reason: string }).reason);
  return error instanceof Error ? error.message : String(error);
}

/** Messages on the body are relative to it; move them to their line in the whole file. */
function relocate(message: { line?: number | null; place?: unknown }, bodyLine: number): void {
  const shift = bodyLine - 1;
  if (shift === 0) return;
  const place = message.place as
    | { line: number; column: number }
    | { start: { line: number; column: number }; end: { line: number; column: number } }
    | undefined;
  if (!place) return;
  if ('start' in place) {
    place.start = { ...place.start, line: place.start.line + shift };
    place.end = { ...place.end, line: place.end.line + shift };
    message.line = place.start.line;
  } else {
    message.place = { ...place, line: place.line + shift };
    message.line = place.line + shift;
  }
}

function validateFrontmatter(
  file: VFile,
  split: SplitDocument,
  schema: z.ZodType,
): Record<string, unknown> | undefined {
  const result = schema.safeParse(split.data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        file.message(
          `未知字段 ${path.join('.')}：此类条目没有这个字段${PRIVATE_FIELDS.has(key) ? '（个人隐私信息不得发布）' : ''}；请删除或改正拼写`,
          { place: split.locate(path), ruleId: 'frontmatter-schema', source: MESSAGE_SOURCE },
        ).fatal = true;
      }
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : '（整体）';
    const reason =
      valueAt(split.data, issue.path) === undefined ? `必填，但没有填写（${issue.message}）` : issue.message;
    file.message(`字段 ${field}：${reason}`, {
      place: split.locate(issue.path),
      ruleId: 'frontmatter-schema',
      source: MESSAGE_SOURCE,
    }).fatal = true;
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const PRIVATE_FIELDS = new Set([
  '性别',
  '年龄',
  '出生年月',
  '民族',
  '政治面貌',
  '身份证号',
  '电话',
  'gender',
  'sex',
  'age',
  'birthday',
  'birthDate',
  'ethnicity',
  'politicalStatus',
  'idNumber',
  'phone',
  'mobile',
]);
