/**
 * The rendered body of a content entry. The loader keeps bodies out of Astro's data store, which is
 * serialised into the build's server bundle: at 10,000 write-ups the HTML was nearly all of its 63 MB,
 * and Vite then spent seconds and hundreds of megabytes bundling it. Each body is a file instead,
 * named by the entry's digest, in a folder of the project's own under Astro's cache folder; the store
 * keeps its path in `rendered.metadata.htmlFile`.
 *
 *   <div set:html={entryHtml(entry)} />
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface EntryLike {
  rendered?: { html?: string; metadata?: Record<string, unknown> } | undefined;
}

/** An entry's body HTML: from its file, or from the store for entries written before bodies moved out. */
export function entryHtml(entry: EntryLike): string {
  const file = entry.rendered?.metadata?.htmlFile;
  if (typeof file === 'string') return readFileSync(file, 'utf8');
  return entry.rendered?.html ?? '';
}

/**
 * The folder for one project's bodies of one collection: `<cacheDir>/deeds-html/<project>/<collection>/`.
 * Projects sharing a cache folder (test sites linking one `node_modules`) get folders of their own;
 * folders of projects that no longer exist are removed.
 */
export function bodyFolder(cacheDir: string, root: string, collection: string): string {
  const base = join(cacheDir, 'deeds-html');
  const project = createHash('sha1').update(root).digest('hex').slice(0, 12);
  const folder = join(base, project, collection);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(base, project, 'root.txt'), root);
    for (const other of readdirSync(base)) {
      if (other === project) continue;
      let owner = '';
      try {
        owner = readFileSync(join(base, other, 'root.txt'), 'utf8');
      } catch {
        owner = '';
      }
      if (!owner || !existsSync(owner)) rmSync(join(base, other), { recursive: true, force: true });
    }
  }
  return folder;
}

/** A body stored as a file: the entry's digest (its data and body) and the file's path. */
export interface StoredBody {
  digest: string;
  file: string;
}

/**
 * Store an entry's rendered body in `folder` (`bodyFolder`): the file is named by the digest of the
 * entry's data and body, which is also the entry's digest in Astro's store. Called by the thread
 * that rendered the body, so that the HTML need not travel to the main thread.
 */
export function storeBody(folder: string, data: unknown, html: string): StoredBody {
  const digest = createHash('sha1')
    .update(`${folder}\n${JSON.stringify(data)}\n`)
    .update(html)
    .digest('base64url');
  return { digest, file: writeBody(folder, digest, html) };
}

/** Write `html` as the body file named `digest` in `folder` (once: the name is its content's digest). */
export function writeBody(folder: string, digest: string, html: string): string {
  const file = join(folder, `${digest}.html`);
  if (!existsSync(file)) writeFileSync(file, html);
  return file;
}

/** Remove the body files of `folder` that no entry names any more. */
export function pruneBodies(folder: string, kept: ReadonlySet<string>): void {
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.html') && !kept.has(join(folder, name))) rmSync(join(folder, name), { force: true });
  }
}
