/**
 * Split an MDX source into its YAML frontmatter and body, keeping positions so that
 * every diagnostic can name the line it is about.
 *
 *   ---\ntitle: 李静\n---\n正文…   →   { data: { title: '李静' }, body: '正文…', bodyLine: 4 }
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface FrontmatterPoint {
  line: number;
  column: number;
  offset: number;
}

export interface FrontmatterError {
  message: string;
  place: FrontmatterPoint;
}

export interface SplitDocument {
  /** Parsed frontmatter, `{}` when there is none or it is broken. */
  data: Record<string, unknown>;
  /** Whether the file has a frontmatter block at all. */
  hasFrontmatter: boolean;
  /** YAML errors, with positions in the whole file. */
  errors: FrontmatterError[];
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Offset in the file where the body starts. */
  bodyOffset: number;
  /** Find where a frontmatter path (`['subject', 'name']`) is written; falls back to its nearest parent. */
  locate(path: ReadonlyArray<PropertyKey>): FrontmatterPoint;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

export function splitFrontmatter(source: string): SplitDocument {
  const open = OPENING.exec(source);
  const start: FrontmatterPoint = { line: 1, column: 1, offset: 0 };
  if (!open) {
    return {
      data: {},
      hasFrontmatter: false,
      errors: [],
      body: source,
      bodyLine: 1,
      bodyOffset: 0,
      locate: () => start,
    };
  }
  const yamlStart = open[0].length;
  const rest = source.slice(yamlStart);
  const close = CLOSING.exec(rest);
  if (!close) {
    return {
      data: {},
      hasFrontmatter: true,
      errors: [{ message: '文件开头的 frontmatter 没有结束的 ---；请在字段之后加一行 ---', place: start }],
      body: '',
      bodyLine: 1,
      bodyOffset: source.length,
      locate: () => start,
    };
  }
  const yamlText = rest.slice(0, close.index);
  let bodyOffset = yamlStart + close.index + close[0].length;
  if (source[bodyOffset] === '\r') bodyOffset++;
  if (source[bodyOffset] === '\n') bodyOffset++;
  const firstYamlLine = 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (yamlOffset: number): FrontmatterPoint => {
    const { line, col } = lineCounter.linePos(yamlOffset);
    return { line: line + firstYamlLine - 1, column: col, offset: yamlStart + yamlOffset };
  };
  const errors = doc.errors.map((error) => ({
    message: `frontmatter 的 YAML 格式有误：${error.message.split('\n')[0]}`,
    place: toPoint(error.pos[0]),
  }));
  let data: Record<string, unknown> = {};
  if (errors.length === 0) {
    const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
    if (value == null) data = {};
    else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else errors.push({ message: 'frontmatter 应当是“字段: 值”的形式', place: toPoint(0) });
  }
  const bodyLine = source.slice(0, bodyOffset).split('\n').length;
  return {
    data,
    hasFrontmatter: true,
    errors,
    body: source.slice(bodyOffset),
    bodyLine,
    bodyOffset,
    locate: (path) => locateInDocument(doc, path, toPoint, { line: 1, column: 1, offset: 0 }),
  };
}

function locateInDocument(
  doc: Document,
  path: ReadonlyArray<PropertyKey>,
  toPoint: (offset: number) => FrontmatterPoint,
  fallback: FrontmatterPoint,
): FrontmatterPoint {
  let node: unknown = doc.contents;
  let best = fallback;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
      if (!pair) break;
      const keyNode = pair.key as { range?: [number, number, number] };
      if (keyNode.range) best = toPoint(keyNode.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) best = toPoint(item.range[0]);
      node = item;
    } else break;
  }
  return best;
}
