/**
 * Staging a share of the built pages for the search index: reads each page, and writes the copy Pagefind
 * indexes (`stagedHtml`) of each page that declares a search kind. Run by the staging workers
 * (`pagefind-stage-worker.ts`), and in the main thread when a worker fails.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFilters, stagedHtml } from './stage.ts';

export interface StageJob {
  /** The built site. */
  dir: string;
  /** The staging folder. */
  staging: string;
  /** Pages to read, relative to `dir` with `/` separators. */
  files: string[];
}

export interface StageResult {
  /** The pages staged (those that declare a kind), with their filters. */
  staged: Array<{ file: string; filters: Record<string, string[]> }>;
  /** Every Han character (U+3400 and up) of the staged pages, once each. */
  characters: string;
}

export function stageFiles({ dir, staging, files }: StageJob): StageResult {
  const staged: StageResult['staged'] = [];
  const seen = new Uint8Array(0x40000);
  const madeFolders = new Set<string>();
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const filters = readFilters(html);
    if (!filters.kind?.length) continue;
    for (let i = 0; i < html.length; i++) {
      const code = html.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (code >= 0x3400 && code < 0x40000) seen[code] = 1;
    }
    const target = join(staging, file);
    const folder = dirname(target);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    writeFileSync(target, stagedHtml(html));
    staged.push({ file, filters });
  }
  let characters = '';
  for (let code = 0x3400; code < seen.length; code++) if (seen[code]) characters += String.fromCodePoint(code);
  return { staged, characters };
}
