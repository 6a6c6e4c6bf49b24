/**
 * An Astro content loader for the project's MDX documents. Instead of compiling one
 * JavaScript module per `.mdx` file (the stock route, ~3× slower and heavier at 10,000 pages),
 * it runs the unified pipeline once over all of `content/` and stores each entry with its
 * rendered HTML. A build with content errors fails listing every error in every file.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatText, toDiagnostics } from '../lib/report.ts';
import { runProject, type ProjectResult } from '../pipeline/project.ts';
import type { Collection } from '../pipeline/types.ts';

/** One pipeline run is shared by the three collections' loaders within a build. */
let pending: { key: string; run: Promise<ProjectResult> } | undefined;

export function projectRun(root: string, generation = 0): Promise<ProjectResult> {
  const key = `${root}#${generation}`;
  if (!pending || pending.key !== key) {
    pending = { key, run: Promise.resolve().then(() => runProject({ root })) };
  }
  return pending.run;
}

let generation = 0;

export class ContentError extends Error {
  constructor(report: string) {
    super(`内容检查未通过，构建已停止：\n${report}`);
    this.name = 'ContentError';
    this.stack = this.message;
  }
}

export function documentLoader(collection: Collection): Loader {
  return {
    name: `deeds-${collection}`,
    async load({ store, parseData, config, logger, watcher, generateDigest }) {
      const root = fileURLToPath(config.root);
      const project = await projectRun(root, generation);
      const diagnostics = toDiagnostics(project.files);
      if (project.errorCount > 0) throw new ContentError(formatText(diagnostics));
      if (collection === 'announcements' && diagnostics.length > 0) {
        logger.warn(`\n${formatText(diagnostics)}`);
      }
      const seen = new Set<string>();
      for (const entry of project.entries) {
        if (entry.collection !== collection) continue;
        const { document } = entry;
        const data = await parseData({
          id: entry.id,
          data: document.frontmatter,
          filePath: entry.path,
        });
        seen.add(entry.id);
        store.set({
          id: entry.id,
          data,
          body: document.body,
          filePath: entry.path,
          digest: generateDigest(document.split.body),
          rendered: {
            html: document.html,
            metadata: { pipeline: pipelineSummary(document.file.data) },
          },
        });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      watcher?.on('change', (path) => {
        if (path.includes('/content/')) generation++;
      });
    },
  };
}

/** What later stages extracted, kept with the entry for pages and open data. */
function pipelineSummary(data: Record<string, unknown>): Record<string, unknown> {
  const { frontmatter: _frontmatter, collection: _collection, ...rest } = data;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
