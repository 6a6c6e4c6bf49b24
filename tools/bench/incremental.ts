/**
 * One deed edited, the site rebuilt: what an editor who fixes one write-up waits for, and whether the
 * result is what a clean build of the same content gives (issue 21). The rebuild runs in the project
 * folder as it is after the build, with whatever caches the build keeps; the clean build runs in a
 * fresh copy of the same project and content, with no caches at all; then every file of the two
 * `dist/` trees is compared byte for byte.
 *
 *   editBody('---\ntitle: 甲\n---\n\n他扎根基层。守护健康。\n')  →  '---\ntitle: 甲\n---\n\n守护健康。他扎根基层。\n'
 */
import { cpSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BenchError } from './errors.ts';
import { measureCommand } from './process-tree.ts';
import { prepareProjectSite } from './sites.ts';
import { compareTrees, copyFits, treeBytes, type TreeComparison } from './trees.ts';

/** A sentence of prose: up to and including its full stop (or ! ?), simplified or traditional alike. */
const SENTENCE = /[^。！？\n]+[。！？]/g;

/**
 * The document with two sentences of its body swapped: the first paragraph (after the frontmatter, not
 * a heading) that has two. The text changes, every word stays, so the deed stays valid for every check.
 * Throws when no paragraph has two sentences (a corpus the benchmark did not write).
 */
export function editBody(document: string): string {
  const bodyStart = document.startsWith('---\n') ? document.indexOf('\n---\n', 4) + 5 : 0;
  let offset = bodyStart;
  for (const line of document.slice(bodyStart).split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.startsWith('#') || line.trim() === '') continue;
    const sentences = [...line.matchAll(SENTENCE)];
    if (sentences.length < 2 || sentences[0]![0] === sentences[1]![0]) continue;
    const [a, b] = sentences as [RegExpExecArray, RegExpExecArray];
    const start = lineStart + a.index;
    const end = lineStart + b.index + b[0].length;
    const between = line.slice(a.index + a[0].length, b.index);
    return document.slice(0, start) + b[0] + between + a[0] + document.slice(end);
  }
  throw new Error('editBody: no paragraph with two sentences to swap');
}

/** A build command of a project folder: `[command, args]`. */
export type BuildCommand = (root: string) => [string, string[]];

export interface IncrementalOptions {
  /** The project folder, built once already. */
  site: string;
  /** The deed to edit, relative to `site/content/`. */
  deedPath: string;
  /** Where to put the clean copy (removed again unless `keep`). */
  cleanRoot: string;
  build: BuildCommand;
  env: NodeJS.ProcessEnv;
  keep?: boolean;
  log: (line: string) => void;
}

export interface IncrementalResult {
  /** The rebuild after the edit, in the project folder with its caches. */
  seconds: number;
  peakRssMB: number | null;
  /** The clean build of the same content, for the comparison (not a measure); `null` when skipped. */
  cleanSeconds: number | null;
  /** `null` when the disk had no room for a second site (the clean build was skipped). */
  comparison: TreeComparison | null;
  deedPath: string;
}

/** Edit one deed, rebuild, build the same content clean elsewhere, compare the two outputs. */
export async function measureIncremental(options: IncrementalOptions): Promise<IncrementalResult> {
  const { site, deedPath, cleanRoot, build, env, log } = options;
  const file = join(site, 'content', deedPath);
  writeFileSync(file, editBody(readFileSync(file, 'utf8')));
  log(`incremental: ${deedPath} edited (two sentences swapped); npm run build again in the same folder`);
  const [command, args] = build(site);
  const rebuild = await measureCommand(command, args, { cwd: site, env });
  if (options.keep) writeFileSync(join(cleanRoot, '..', 'build-incremental.log'), rebuild.output);
  if (rebuild.code !== 0) throw new BenchError('incremental rebuild', rebuild);
  log(`incremental: ${rebuild.seconds.toFixed(1)} s; a clean build of the edited content → ${cleanRoot}`);

  // A second site must fit on the disk (at 100,000 deeds `dist/` is tens of GB): else say so, compare nothing.
  const siteBytes = treeBytes(join(site, 'dist'));
  const disk = statfsSync(dirname(cleanRoot));
  if (!copyFits(disk.bavail * disk.bsize, siteBytes)) {
    log(
      `incremental: no clean build to compare: ${(siteBytes / 1e9).toFixed(1)} GB of dist/ and ` +
        `${((disk.bavail * disk.bsize) / 1e9).toFixed(1)} GB free`,
    );
    return { seconds: rebuild.seconds, peakRssMB: rebuild.peakRssMB, cleanSeconds: null, comparison: null, deedPath };
  }

  // The same project files and content in a fresh folder: no dist, no node_modules/.astro, .vite or
  // .cache (linkNodeModules leaves them out), no share-picture cache from the environment.
  rmSync(cleanRoot, { recursive: true, force: true });
  prepareProjectSite(site, cleanRoot, 'worktree');
  // Content files only: a cache a build might keep beside them (a dot-folder) stays behind.
  cpSync(join(site, 'content'), join(cleanRoot, 'content'), {
    recursive: true,
    filter: (source) => !basename(source).startsWith('.'),
  });
  const cleanEnv = { ...env };
  delete cleanEnv.DEEDS_OG_CACHE;
  const [cleanCommand, cleanArgs] = build(cleanRoot);
  const clean = await measureCommand(cleanCommand, cleanArgs, { cwd: cleanRoot, env: cleanEnv });
  if (clean.code !== 0) throw new BenchError('clean build for the comparison', clean);
  const comparison = compareTrees(join(site, 'dist'), join(cleanRoot, 'dist'));
  log(
    `incremental: clean build ${clean.seconds.toFixed(1)} s; ${comparison.files} files compared, ` +
      (comparison.identical
        ? 'identical'
        : `${comparison.differingCount} differ: ${comparison.differing.map((d) => `${d.path} (${d.kind})`).join(', ')}`),
  );
  if (!options.keep) rmSync(cleanRoot, { recursive: true, force: true });
  return {
    seconds: rebuild.seconds,
    peakRssMB: rebuild.peakRssMB,
    cleanSeconds: clean.seconds,
    comparison,
    deedPath,
  };
}
