/**
 * The two passes over the built pages for the search index, run by the staging workers
 * (`stage-worker.ts`), and in the main thread when a worker fails:
 *
 * - `surveyFiles` reads each page once: a digest of its bytes and its filters (kind, year …), for
 *   the pages that declare a kind. That is all the build needs to plan the index's parts and to
 *   know which of them changed (`src/search/parts.ts`).
 * - `stageFiles` writes the copy Pagefind indexes (`stagedHtml`) of each page of a part that has to
 *   be indexed again, and collects its Han characters for the script conversion tables.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFilters, stagedHtml } from './stage.ts';

export interface SurveyJob {
  mode: 'survey';
  /** The built site. */
  dir: string;
  /** Pages to read, relative to `dir` with `/` separators. */
  files: string[];
}

export interface SurveyResult {
  /** The pages that declare a kind: digest of the file's bytes, and filters. */
  pages: Array<{ file: string; digest: string; filters: Record<string, string[]> }>;
}

export interface StageJob {
  mode: 'stage';
  /** The built site. */
  dir: string;
  /** The staging folder. */
  staging: string;
  /** Pages to stage, relative to `dir` with `/` separators. */
  files: string[];
}

export interface StageResult {
  /** Every Han character (U+3400 and up) of the staged pages, once each. */
  characters: string;
}

/** `data-pagefind-filter` as bytes: a page without it declares no kind and is not read as text. */
const FILTER_MARK = Buffer.from('data-pagefind-filter');

export function surveyFiles({ dir, files }: SurveyJob): SurveyResult {
  const pages: SurveyResult['pages'] = [];
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    if (!bytes.includes(FILTER_MARK)) continue;
    const filters = readFilters(bytes.toString('utf8'));
    if (!filters.kind?.length) continue;
    pages.push({ file, digest: createHash('sha256').update(bytes).digest('base64url'), filters });
  }
  return { pages };
}

export function stageFiles({ dir, staging, files }: StageJob): StageResult {
  const seen = new Uint8Array(0x40000);
  const madeFolders = new Set<string>();
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
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
  }
  let characters = '';
  for (let code = 0x3400; code < seen.length; code++) if (seen[code]) characters += String.fromCodePoint(code);
  return { characters };
}
