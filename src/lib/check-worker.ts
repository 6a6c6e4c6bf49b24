/**
 * A worker thread of `deeds check`: processes its share of the entries (without rendering HTML)
 * and sends back what the cross-file checks and the report need — messages, frontmatter and the
 * word count — as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument } from '../pipeline/process-document.ts';
import type { PipelineContext } from '../pipeline/types.ts';
import type { CheckJob, CheckJobResult } from './check-project.ts';

interface WorkerInput {
  context: PipelineContext;
  jobs: CheckJob[];
}

const { context, jobs } = workerData as WorkerInput;
const results: CheckJobResult[] = jobs.map((job) => {
  const document = processDocument(
    { path: job.path, value: job.value, collection: job.collection, render: false },
    context,
  );
  return {
    index: job.index,
    messages: document.file.messages.map((message) => ({
      reason: message.reason,
      place: message.place as CheckJobResult['messages'][number]['place'],
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      actual: message.actual,
      expected: message.expected,
    })),
    frontmatter: document.frontmatter,
    data: document.data,
    wordCount: document.file.data.wordCount,
  };
});
parentPort!.postMessage(results);
