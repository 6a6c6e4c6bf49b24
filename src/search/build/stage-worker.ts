/**
 * A staging worker for the search index (`pagefind.ts`): stages its share of the built pages
 * (`stageFiles`). Segmenting the text is most of the work, so it runs in as many workers as there are cores.
 *
 * In: `workerData` as `StageJob`. Out: one `StageResult` message, then the worker ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stageFiles, type StageJob } from './stage-files.ts';

export type { StageJob, StageResult } from './stage-files.ts';

if (parentPort && workerData) parentPort.postMessage(stageFiles(workerData as StageJob));
