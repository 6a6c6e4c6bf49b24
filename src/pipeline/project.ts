/**
 * Process the whole of `content/`: every announcement, roll and deed, the registries, and the
 * checks that look across files. The Astro loaders, `deeds check` and the tests share this.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { loadRegistries, type Registries } from '../lib/registries.ts';
import { processDocument, type ProcessedDocument } from './process-document.ts';
import { projectChecks } from './project-checks.ts';
import { MESSAGE_SOURCE, type Collection, type PipelineContext } from './types.ts';

export const COLLECTIONS: readonly Collection[] = Object.freeze(['announcements', 'rolls', 'deeds']);

export interface ProjectEntry {
  /** The entry's id: its path under the collection folder without `.mdx`, `2023/li-jing`. */
  id: string;
  collection: Collection;
  /** The file's path relative to the project root. */
  path: string;
  document: ProcessedDocument;
}

export interface ProjectResult {
  registries: Registries;
  context: PipelineContext;
  entries: ProjectEntry[];
  /** Every file with messages, including registries and cross-file findings. */
  files: VFile[];
  errorCount: number;
}

export interface ProjectOptions {
  /** The project root; `content/` is under it. */
  root: string;
  /** Build date, `YYYY-MM-DD`. Default: today. */
  today?: string;
  /** Only these files (paths relative to root); default all. */
  only?: readonly string[];
}

export function runProject(options: ProjectOptions): ProjectResult {
  const contentDir = join(options.root, 'content');
  const registries = loadRegistries(contentDir);
  const context: PipelineContext = {
    glossary: registries.glossary,
    units: registries.units,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  const files: VFile[] = [];
  for (const problem of registries.problems) {
    const file = new VFile({ path: relative(options.root, problem.file) });
    file.message(problem.message, {
      place: { line: problem.line, column: problem.column },
      ruleId: 'registry',
      source: MESSAGE_SOURCE,
    }).fatal = true;
    files.push(file);
  }
  const entries: ProjectEntry[] = [];
  const seenIds = new Map<string, string>();
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    for (const path of listEntries(dir, contentDir, files, options.root)) {
      const rel = relative(options.root, path).split(sep).join('/');
      if (options.only && !options.only.includes(rel)) continue;
      const id = relative(dir, path).split(sep).join('/').replace(/\.mdx$/, '');
      const value = readFileSync(path, 'utf8');
      const document = processDocument({ path: rel, value, collection }, context);
      const key = `${collection}/${id.toLowerCase()}`;
      const first = seenIds.get(key);
      if (first) {
        document.file.message(`条目编号 ${id} 与 ${first} 重复；请改其中一个文件名`, {
          place: { line: 1, column: 1 },
          ruleId: 'duplicate-id',
          source: MESSAGE_SOURCE,
        }).fatal = true;
      } else seenIds.set(key, rel);
      entries.push({ id, collection, path: rel, document });
      files.push(document.file);
    }
  }
  files.push(...projectChecks(entries, context));
  const errorCount = files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === true).length, 0);
  return { registries, context, entries, files, errorCount };
}

/** The `.mdx` files of a collection; symlinks that leave `content/` are reported, not followed. */
function listEntries(dir: string, contentDir: string, files: VFile[], root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const realContent = realpathSync(contentDir);
  const out: string[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.mdx')) continue;
    const path = join(dir, name);
    if (lstatSync(path).isSymbolicLink()) {
      let target = '';
      try {
        target = realpathSync(path);
      } catch {
        target = '';
      }
      if (!target || !(target + sep).startsWith(realContent + sep)) {
        const file = new VFile({ path: relative(root, path) });
        file.message('这是指向 content/ 以外的符号链接，出于安全不予读取；请把文件复制到 content/ 内', {
          place: { line: 1, column: 1 },
          ruleId: 'symlink',
          source: MESSAGE_SOURCE,
        }).fatal = true;
        files.push(file);
        continue;
      }
    }
    out.push(path);
  }
  return out;
}
