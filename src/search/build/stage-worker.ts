/**
 * A worker for the search index (`src/integrations/pagefind.ts`): surveys or stages its share of the
 * built pages (`stage-files.ts`). Segmenting the text is most of the work, so staging runs in as many
 * workers as there are cores.
 *
 * In: `workerData` as `SurveyJob` or `StageJob`. Out: one result message, then the worker ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stageFiles, surveyFiles, type StageJob, type SurveyJob } from './stage-files.ts';

if (parentPort && workerData) {
  const job = workerData as SurveyJob | StageJob;
  parentPort.postMessage(job.mode === 'survey' ? surveyFiles(job) : stageFiles(job));
}
