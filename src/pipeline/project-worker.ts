/**
 * A worker thread of `runProjectInWorkers`: processes the files it is given with `processDocument`
 * and posts back what the main thread keeps of each (see `PortableDocument` in `project.ts`).
 * The syntax tree stays here: nothing after the pipeline needs it, and it is the heaviest part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument } from './process-document.ts';
import { checkRecord, storeDocumentBody, toPortable, type WorkerJob, type WorkerReply } from './project.ts';

const job = workerData as WorkerJob;
for (const item of job.items) {
  const value = readFileSync(join(job.root, item.rel), 'utf8');
  const document = processDocument({ path: item.rel, value, collection: item.collection }, job.context);
  storeDocumentBody(document, item.collection, job.bodyFolders);
  const check = job.recordChecks ? checkRecord(item, value, document) : undefined;
  parentPort!.postMessage({ index: item.index, document: toPortable(document), check } satisfies WorkerReply);
}
