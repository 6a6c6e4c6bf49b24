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
}

// The thread is started before its jobs are known (it loads the pipeline meanwhile); they come as one message.
const { context } = workerData as WorkerInput;
parentPort!.once('message', (jobs: CheckJob[]) => {
  const results: CheckJobResult[] = jobs.map((job) =>
    toJobResult(
      job.index,
      processDocument({ path: job.path, value: job.value, collection: job.collection, render: false }, context),
    ),
  );
  parentPort!.postMessage(results);
  parentPort!.close();
});
