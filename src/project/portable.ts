/**
 * The one form in which a processed document crosses between threads (`WorkerPool`, `worker.ts`):
 * plain data that survives `postMessage`, and only what the build and `deeds check` keep.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { SplitDocument } from '../model/frontmatter.ts';
import type { NormaliseResult } from '../pipeline/normalise/normalise.ts';
import type { StoredBody } from '../pipeline/render/entry-html.ts';
import { processDocument, type ProcessedDocument } from '../pipeline/process-document.ts';
import type { Collection, PipelineContext } from '../pipeline/types.ts';

/**
 * What a worker thread sends back for one document: plain data that survives `postMessage`, and only
 * what the build keeps. The text is sent once, as HTML, or not at all when the worker stored the body
 * as a file (the build: `bodyFolders`): the body (three copies of it, in `split`, `body` and the
 * normaliser's result) and the normaliser's change record stay in the worker. The
 * record is summarised to its rule ids (all the pages show); the rare reader of the rest (a word
 * limit's overflow point) gets the document processed again on demand.
 */
export interface PortableDocument {
  frontmatter: Record<string, unknown>;
  data: Record<string, unknown> | undefined;
  split: Omit<SplitDocument, 'locate' | 'body'>;
  /** The body's HTML, or `''` when it was stored as a file (`stored`). */
  html: string;
  stored?: StoredBody;
  /** `file.data`, with `normalise` reduced to `NormaliseSummary`. */
  fileData: Record<string, unknown>;
  messages: Record<string, unknown>[];
}

/** What the pages need of the normaliser's result: the source script and which rules changed the text. */
export interface NormaliseSummary {
  sourceScript: NormaliseResult['sourceScript'];
  changes: Array<{ rule: string }>;
}

export function toPortable(document: ProcessedDocument): PortableDocument {
  const { locate: _locate, body: _body, ...split } = document.split;
  const { normalise, ...fileData } = document.file.data as Record<string, unknown>;
  if (normalise) {
    const result = normalise as NormaliseResult;
    fileData.normalise = {
      sourceScript: result.sourceScript,
      changes: result.changes.map((change) => ({ rule: change.rule })),
    } satisfies NormaliseSummary;
  }
  return {
    frontmatter: document.frontmatter,
    data: document.data,
    split,
    html: document.stored ? '' : document.html,
    ...(document.stored ? { stored: document.stored } : {}),
    fileData,
    // A VFileMessage is an Error: copy its fields, which structured cloning would drop.
    messages: document.file.messages.map((message) => {
      const { file: _file, ...fields } = message as unknown as Record<string, unknown>;
      return { ...fields, reason: message.reason, stack: undefined, cause: undefined };
    }),
  };
}

/**
 * A processed document from a worker's portable form. What stayed in the worker (the body, the tree,
 * the normaliser's full result, frontmatter positions) is recomputed, once, if anything asks for it:
 * from `value` when the caller has the text, else from the file.
 */
export function fromPortable(
  portable: PortableDocument,
  item: { rel: string; collection: Collection; value?: string },
  root: string,
  context: PipelineContext,
): ProcessedDocument {
  const file = new VFile({ path: item.rel });
  file.data = portable.fileData as VFile['data'];
  for (const fields of portable.messages) {
    const message = new VFileMessage(String(fields.reason));
    Object.assign(message, fields, { file: item.rel });
    file.messages.push(message);
  }
  // What stayed in the worker is recomputed, once, if anything asks for it.
  let again: ProcessedDocument | undefined;
  const reprocess = () =>
    (again ??= processDocument(
      { path: item.rel, value: item.value ?? readFileSync(join(root, item.rel), 'utf8'), collection: item.collection },
      context,
    ));
  return {
    file,
    frontmatter: portable.frontmatter,
    data: portable.data,
    split: {
      ...portable.split,
      get body() {
        return reprocess().split.body;
      },
      locate: (path) => reprocess().split.locate(path),
    },
    get normalised() {
      return reprocess().normalised;
    },
    get body() {
      return reprocess().body;
    },
    get html() {
      return portable.stored ? readFileSync(portable.stored.file, 'utf8') : portable.html;
    },
    ...(portable.stored ? { stored: portable.stored } : {}),
    get tree(): Root {
      return reprocess().tree;
    },
  };
}
