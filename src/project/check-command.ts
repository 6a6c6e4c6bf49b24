/**
 * What `deeds check` does, callable from tests and benchmarks: find the files, refuse the ones
 * that cannot be read (binary, not UTF-8), apply `--fix`, run the project (or a lone file
 * outside `content/`), and format the messages of the files asked about.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { processDocument } from '../pipeline/process-document.ts';
import { COLLECTIONS, MAX_CONTENT_BYTES, oversizeReason } from './run.ts';
import { checkProject } from './check.ts';
import type { Collection } from '../pipeline/types.ts';
import { tryDecodeFile } from '../lib/decode.ts';
import { fixSource, type TextFix } from '../pipeline/check/fix-text.ts';
import { loadRegistries } from '../model/registries.ts';
import { loadCheckConfig } from '../pipeline/check/rule-config.ts';
import type { CheckContext } from '../pipeline/check/checks.ts';
import { formatGithub, formatText, toDiagnostics, type Diagnostic } from '../lib/report.ts';

export type CheckFormat = 'text' | 'json' | 'github';

export interface CheckRunOptions {
  /** The project root (`content/` is under it). */
  root: string;
  /** Files or folders to check, relative to `root` or absolute; empty: all of `content/`. */
  paths?: readonly string[];
  format?: CheckFormat;
  /** Apply the fixes that cannot change meaning before checking. */
  fix?: boolean;
  /** Build date, `YYYY-MM-DD`. */
  today?: string;
  /** Worker threads for a large project; default one per core. */
  workers?: number;
  /** Reuse results of earlier runs for unchanged files. Default true. */
  cache?: boolean;
}

export interface CheckRunResult {
  diagnostics: Diagnostic[];
  /** One line per file that could not be used, naming it. */
  unusable: string[];
  fixes: Array<TextFix & { file: string }>;
  /** The report in the requested format. */
  output: string;
  /** 0 clean, 1 errors, 2 a file could not be used. */
  exitCode: number;
}

/** Files `deeds check` reads: entries, and the registries beside them. */
const CHECKED = /\.(?:mdx|md|ya?ml)$/;

export async function checkPaths(options: CheckRunOptions): Promise<CheckRunResult> {
  const root = resolve(options.root);
  const unusable: string[] = [];
  const selected = new Set<string>();
  const requested = options.paths && options.paths.length > 0 ? options.paths : ['content'];
  for (const path of requested) {
    const absolute = resolve(root, path);
    if (!existsSync(absolute)) {
      unusable.push(`${path}：文件不存在`);
      continue;
    }
    for (const file of listFiles(absolute)) selected.add(toRelative(root, file));
  }

  const texts = new Map<string, string>();
  const unusablePaths = new Set<string>();
  for (const path of selected) {
    const problem = readProblem(join(root, path));
    if (typeof problem === 'string') {
      unusable.push(`${path}：${problem}`);
      unusablePaths.add(path);
      selected.delete(path);
    } else texts.set(path, problem.text);
  }

  const fixes: CheckRunResult['fixes'] = [];
  if (options.fix) {
    for (const [path, text] of texts) {
      // Never write through a symlink (it may point outside content/).
      if (!/\.mdx?$/.test(path) || lstatSync(join(root, path)).isSymbolicLink()) continue;
      const result = fixSource(text);
      if (result.fixes.length === 0) continue;
      writeAtomic(join(root, path), result.value);
      texts.set(path, result.value);
      fixes.push(...result.fixes.map((fix) => ({ ...fix, file: path })));
    }
  }

  const files: VFile[] = [];
  const inContent = [...selected].filter((path) => collectionOf(path) !== undefined);
  const outside = [...selected].filter((path) => collectionOf(path) === undefined && /\.mdx?$/.test(path));
  if (inContent.length > 0 || requested.some((path) => toRelative(root, resolve(root, path)) === 'content')) {
    // The whole project runs, so that cross-file rules see every entry; only the files asked about are reported.
    const project = await checkProject({
      root,
      today: options.today,
      workers: options.workers,
      cache: options.cache,
      sources: texts,
    });
    for (const file of project.files) {
      const path = file.path.split(sep).join('/');
      if (unusablePaths.has(path)) continue; // already reported in one line
      if (selected.has(path) || (!options.paths?.length && path.startsWith('content/'))) files.push(file);
    }
  }
  if (outside.length > 0) {
    const registries = loadRegistries(join(root, 'content'));
    const context = {
      glossary: registries.glossary,
      units: registries.units,
      today: options.today ?? new Date().toISOString().slice(0, 10),
    };
    for (const path of outside) {
      const value = texts.get(path)!;
      files.push(
        processDocument({ path, value, collection: guessCollection(path, value), render: false }, {
          ...context,
          checks: loadCheckConfig(root),
        } as CheckContext).file,
      );
    }
  }

  const diagnostics = toDiagnostics(files);
  const format = options.format ?? 'text';
  const output =
    format === 'json'
      ? JSON.stringify(diagnostics, null, 2)
      : format === 'github'
        ? formatGithub(diagnostics)
        : formatText(diagnostics);
  const exitCode = unusable.length > 0 ? 2 : diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  return { diagnostics, unusable, fixes, output, exitCode };
}

function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => CHECKED.test(name))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
}

/** The file's text, or why it cannot be used. */
function readProblem(path: string): string | { text: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return `无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`;
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '')
    return '是空文件；请写入 frontmatter 和正文，或删除它';
  if (bytes.length > MAX_CONTENT_BYTES) return oversizeReason(bytes.length);
  if (!bytes.includes(0)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8: name the encoding below.
    }
  }
  // The importer's detection tells text in another encoding (UTF-16 with or without a byte-order mark,
  // GBK, Big5) from a binary file, so that the editor is told what to do with it.
  const decoded = tryDecodeFile(bytes, path);
  if (!decoded.ok || decoded.encoding === 'UTF-8') return '是二进制文件，不是文本；内容文件应是 UTF-8 编码的 .mdx';
  const name = decoded.encoding === 'GB18030' ? 'GBK（GB18030）' : decoded.encoding;
  return `是 ${name} 编码，不是 UTF-8；请另存为 UTF-8，或用 npm run deeds -- import 导入，它会识别编码并转换`;
}

/** `content/deeds/2023/li-jing.mdx` → `deeds`; a file elsewhere → undefined. */
function collectionOf(path: string): Collection | undefined {
  const [top, collection] = path.split('/');
  if (top !== 'content') return undefined;
  if (path === 'content' || /^content\/[^/]+\.ya?ml$/.test(path)) return 'announcements'; // registries run with the project
  return COLLECTIONS.find((name) => name === collection);
}

/** For a file outside `content/`: its folder names a collection, else its fields tell. */
export function guessCollection(path: string, value: string): Collection {
  const segments = path.split('/');
  const named = COLLECTIONS.find((name) => segments.includes(name));
  if (named) return named;
  const head = value.slice(0, 4000);
  if (/^kind:/m.test(head)) return 'announcements';
  if (/^subject:/m.test(head)) return 'deeds';
  if (/^\s*awardees:/m.test(head)) return 'rolls';
  return 'deeds';
}

/** Write through a temporary file and a rename, so that a file is never half written. */
function writeAtomic(path: string, value: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, value, 'utf8');
  renameSync(temporary, path);
}
