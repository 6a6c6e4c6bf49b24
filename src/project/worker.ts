/**
 * A worker thread of the project runner (`WorkerPool`): processes its share of the documents with
 * `processDocument` and posts back each in its portable form (`portable.ts`), with what the check cache
 * keeps of it. The syntax tree stays here: nothing after the pipeline needs it, and it is the heaviest part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument } from '../pipeline/process-document.ts';
import { toPortable } from './portable.ts';
import { checkRecord, storeDocumentBody } from './run.ts';
import type { DocumentReply, PoolJob, PoolSettings, WorkerReply } from './worker-pool.ts';

const settings = workerData as PoolSettings;
// The thread is started before its jobs are known (it loads the pipeline meanwhile); they come as one message.
// Replies go in batches: one message a document costs the main thread more than cloning them together.
const BATCH = 256;
parentPort!.once('message', (jobs: PoolJob[]) => {
  let batch: DocumentReply[] = [];
  for (const job of jobs) {
    const value = job.value ?? readFileSync(join(settings.root, job.rel), 'utf8');
    const document = processDocument(
      { path: job.rel, value, collection: job.collection, render: settings.render },
      settings.context,
    );
    storeDocumentBody(document, job.collection, settings.bodyFolders);
    const check = settings.recordChecks ? checkRecord(job, value, document) : undefined;
    batch.push({ index: job.index, document: toPortable(document), check });
    if (batch.length === BATCH) {
      parentPort!.postMessage({ documents: batch } satisfies WorkerReply);
      batch = [];
    }
  }
  parentPort!.postMessage({ documents: batch, done: true } satisfies WorkerReply);
  parentPort!.close();
});
