/**
 * Split an MDX source into its YAML frontmatter and body, keeping positions so that
 * every diagnostic can name the line it is about.
 *
 *   ---\ntitle: 李静\n---\n正文…   →   { data: { title: '李静' }, body: '正文…', bodyLine: 4 }
 *
 * Two parsers, one meaning. `yaml` keeps every node's position, for the messages and `locate`,
 * but is ten times slower than js-yaml (a fifth of a write-up's whole pipeline; docs/benchmarks.md).
 * So js-yaml (YAML 1.2 core schema, as `yaml` reads it) gives the
 * data; `yaml` parses only when there is something to point at: an error, or a `locate` call from a
 * rule that reports a field. Frontmatter using what the two read differently (`needsFullParser`)
 * goes to `yaml` alone. Tests hold the two to the same data on generated documents and on every
 * file in `content/` and `test/fixtures/`.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
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

/**
 * What js-yaml reads otherwise than `yaml`, or without its limits: tags (`!!binary`), anchors and
 * aliases (`yaml` caps their expansion), `0b101` (a number to js-yaml, text to YAML 1.2), `+.5`,
 * sequences nested on one line (`- - x`) and empty items (`-`), which the two nest differently, explicit
 * keys (`? x`), whose empty key one reads as `""`, the other as `"null"`.
 */
const SLOW_PATH = /[!&*]|0b|\+\.|^[ \t]*-[ \t]+-(?:[ \t]|$)|^[ \t]*-[ \t]*(?:#.*)?$|(?:^|[ \t])\?(?:[ \t]|$)/m;

/**
 * Whether `yaml` must read this frontmatter alone: `SLOW_PATH`, or a line with an odd number of
 * quotes, which may open a quoted scalar over several lines (js-yaml takes lines that YAML
 * forbids there).
 */
function needsFullParser(yamlText: string): boolean {
  if (SLOW_PATH.test(yamlText)) return true;
  for (const line of yamlText.split('\n')) {
    let single = 0;
    let double = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x27 /* ' */) single++;
      else if (c === 0x22 /* " */ && line.charCodeAt(i - 1) !== 0x5c /* \ */) double++;
    }
    if (single % 2 === 1 || double % 2 === 1) return true;
  }
  return false;
}

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
  const bodyLine = source.slice(0, bodyOffset).split('\n').length;
  const body = source.slice(bodyOffset);
  const lineCounter = new LineCounter();
  let parsed: Document | undefined;
  const document = () => (parsed ??= parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true }));
  const toPoint = (yamlOffset: number): FrontmatterPoint => {
    document(); // fills `lineCounter`
    const { line, col } = lineCounter.linePos(yamlOffset);
    return { line: line + firstYamlLine - 1, column: col, offset: yamlStart + yamlOffset };
  };
  const locate = (path: ReadonlyArray<PropertyKey>) =>
    locateInDocument(document(), path, toPoint, { line: 1, column: 1, offset: 0 });

  const done = (data: Record<string, unknown>, errors: SplitDocument['errors'] = []): SplitDocument => ({
    data,
    hasFrontmatter: true,
    errors,
    body,
    bodyLine,
    bodyOffset,
    locate,
  });

  // `undefined`: js-yaml could not read it, or must not (`needsFullParser`); `yaml` decides.
  const quick = needsFullParser(yamlText) ? undefined : quickLoad(yamlText);
  const quickData = quick === undefined ? undefined : asMapping(quick);
  if (quickData) return done(quickData);

  const doc = document();
  const errors = doc.errors.map((error) => ({
    message: `frontmatter 的 YAML 格式有误：${error.message.split('\n')[0]}`,
    place: toPoint(error.pos[0]),
  }));
  if (errors.length > 0) return done({}, errors);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // An alias without its anchor (`*x`), or aliases that would expand past the limit.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return done({}, [{ message: `frontmatter 的 YAML 格式有误：${reason}`, place: toPoint(0) }]);
  }
  const data = asMapping(value);
  return data ? done(data) : done({}, [{ message: 'frontmatter 应当是“字段: 值”的形式', place: toPoint(0) }]);
}

/** A YAML value as frontmatter data: a mapping, or `{}` for an empty document; `undefined` otherwise. */
function asMapping(value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The YAML's value by js-yaml, or `undefined` when js-yaml cannot read it (`yaml` then says why). */
function quickLoad(yamlText: string): unknown {
  try {
    return load(yamlText, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
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
