/**
 * A worker thread of `deeds check`: processes its share of the entries (without rendering HTML)
 * and sends back what the cross-file checks and the report need — messages, frontmatter and the
 * word count — as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument } from '../pipeline/process-document.ts';
import type { PipelineContext } from '../pipeline/types.ts';
import { toJobResult, type CheckJob, type CheckJobResult } from './check-project.ts';

interface WorkerInput {
  context: PipelineContext;
  jobs: CheckJob[];
}

const { context, jobs } = workerData as WorkerInput;
const results: CheckJobResult[] = jobs.map((job) =>
  toJobResult(
    job.index,
    processDocument({ path: job.path, value: job.value, collection: job.collection, render: false }, context),
  ),
);
parentPort!.postMessage(results);
