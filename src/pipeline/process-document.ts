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
import type { StoredBody } from '../lib/entry-html.ts';
import { splitFrontmatter, type SplitDocument } from '../lib/frontmatter.ts';
import { AnnouncementSchema, DeedSchema, RollSchema } from '../schemas/index.ts';
import { mapMessageToSource } from './check-helpers.ts';
import { checkFrontmatter, checkPlugins, finishChecks } from './checks.ts';
import { normaliseMarkdown, type NormaliseResult } from './normalise.ts';
import { parseBody } from './parse-body.ts';
import { remarkRenderComponents, changesTree } from './remark-render-components.ts';
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
    checkFrontmatter(
      { file, collection: input.collection, data: data ?? split.data, valid: data !== undefined, locate: split.locate },
      context,
    );
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
      bodyFile.message(
        `${nesting.kind}嵌套了 ${nesting.depth} 层（最多 ${MAX_NESTING} 层），正文无法解析；请删去多余的${nesting.kind === '列表' ? '列表符号（- * + 1.）' : nesting.kind === '引用' ? '引用符号（>）' : '方括号'}`,
        { place: nesting.place, ruleId: 'mdx-nesting', source: MESSAGE_SOURCE },
      ).fatal = true;
    } else {
      // The normaliser's last pass parsed the output already: that tree is this body's tree.
      tree = normalised.mdast ?? parseBody(body);
      tree = checkProcessor(context).runSync(tree, bodyFile);
    }
  } catch (error) {
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
  let html = '';
  if (input.render !== false) {
    // The tree is kept (`document.tree`): render a copy if rendering would change it. Most bodies are
    // prose, which it leaves as it is, and copying was a tenth of a document's time.
    const hast = renderer.runSync(changesTree(tree) ? structuredClone(tree) : tree, bodyFile);
    html = renderer.stringify(hast as never, bodyFile) as string;
  }
  return { file, frontmatter: split.data, data, split, normalised, body, tree, html };
}

/** Deeper than any document is written; the parser's time grows with the square of the depth. */
const MAX_NESTING = 100;

/**
 * The first place where lists, block quotes or square brackets nest deeper than `MAX_NESTING`, if any.
 * Linear: container markers are counted at the start of each line, brackets in one pass (reset at blank lines).
 */
export function deepNesting(
  body: string,
): { kind: '列表' | '引用' | '方括号'; depth: number; place: { line: number; column: number } } | undefined {
  const lines = body.split('\n');
  let brackets = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      brackets = 0;
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
    }
  }
  return undefined;
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
