/**
 * An Astro content loader for the project's MDX documents. Instead of compiling one
 * JavaScript module per `.mdx` file (the stock route, ~3× slower and heavier at 10,000 pages),
 * it runs the unified pipeline once over all of `content/` and stores each entry with its
 * rendered HTML. A build with content errors fails listing every error in every file.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { bodyFolder, pruneBodies, storeBody } from '../pipeline/render/entry-html.ts';
import { formatText, toDiagnostics } from '../lib/report.ts';
import {
  COLLECTIONS,
  digestedData,
  pipelineSummary,
  runProjectInWorkers,
  type ProjectOptions,
  type ProjectResult,
} from '../project/run.ts';
import type { Collection } from '../pipeline/types.ts';

/**
 * One pipeline run is shared by the three collections' loaders within a build, and dropped once
 * each has taken its entries, so that the documents are not held for the rest of the build.
 */
let pending: { key: string; run: Promise<ProjectResult>; taken: Set<Collection> } | undefined;

export function projectRun(
  root: string,
  generation = 0,
  warn?: (message: string) => void,
  bodyFolders?: ProjectOptions['bodyFolders'],
  documentCache?: string,
): Promise<ProjectResult> {
  const key = `${root}#${generation}`;
  if (!pending || pending.key !== key) {
    const options = {
      root,
      warn,
      recordChecks: true,
      ...(bodyFolders ? { bodyFolders } : {}),
      ...(documentCache ? { documentCache } : {}),
    };
    pending = { key, run: runProjectInWorkers(options), taken: new Set() };
  }
  return pending.run;
}

/** A loader has stored its collection: forget the run when all three have. */
function release(root: string, generation: number, collection: Collection): void {
  if (pending?.key !== `${root}#${generation}`) return;
  pending.taken.add(collection);
  if (COLLECTIONS.every((c) => pending!.taken.has(c))) pending = undefined;
}

let generation = 0;

export class ContentError extends Error {
  constructor(report: string) {
    super(`内容检查未通过，构建已停止：\n${report}`);
    this.name = 'ContentError';
    // No stack: the report is the whole message (Astro prints a “Stack trace:” heading for any stack).
    this.stack = '';
  }
}

export function documentLoader(collection: Collection): Loader {
  return {
    name: `deeds-${collection}`,
    async load({ store, parseData, config, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const runGeneration = generation;
      const started = performance.now();
      // Each collection's bodies go to a folder of its own; the threads that render them write them there.
      const cacheDir = fileURLToPath(config.cacheDir);
      const folders = Object.fromEntries(COLLECTIONS.map((c) => [c, bodyFolder(cacheDir, root, c)]));
      // Processed documents are kept beside them: a rebuild runs the pipeline only over changed files.
      const documentCache = join(cacheDir, 'deeds-documents.json');
      const project = await projectRun(root, runGeneration, (message) => logger.warn(message), folders, documentCache);
      if (collection === 'announcements') {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`内容管线处理 ${project.entries.length} 个条目，用时 ${seconds} 秒`);
      }
      const diagnostics = toDiagnostics(project.files);
      if (project.errorCount > 0) throw new ContentError(formatText(diagnostics));
      if (collection === 'announcements' && diagnostics.length > 0) {
        logger.warn(`\n${formatText(diagnostics)}`);
      }
      const seen = new Set<string>();
      const folder = folders[collection]!;
      const bodies = new Set<string>();
      for (const entry of project.entries) {
        if (entry.collection !== collection) continue;
        const { document } = entry;
        const data = await parseData({
          id: entry.id,
          data: document.frontmatter,
          filePath: entry.path,
        });
        seen.add(entry.id);
        // What is stored: the entry's data, its rendered body and where that body's file is (a store
        // kept from a build of another copy of the project must not point into that copy's folder).
        // No `body`, and the HTML in a file of its own (src/pipeline/render/entry-html.ts): the store is serialised
        // into the build's server bundle, and the HTML was nearly all of it. The thread that rendered
        // the body wrote the file; the digest covers the folder, the data and the body.
        const { digest, file: htmlFile } = document.stored ?? storeBody(folder, digestedData(document), document.html);
        bodies.add(htmlFile);
        store.set({
          id: entry.id,
          data,
          filePath: entry.path,
          digest,
          rendered: {
            html: '',
            metadata: { pipeline: pipelineSummary(document.file.data), htmlFile },
          },
        });
      }
      pruneBodies(folder, bodies);
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      release(root, runGeneration, collection);
      watcher?.on('change', (path) => {
        if (path.includes('/content/')) generation++;
      });
    },
  };
}
