/**
 * Heap limits for the build's worker threads: the content pipeline (`runProjectInWorkers`) and the search
 * index's staging (`pagefind.ts`). A thread's live data is small — its modules and one document or page —
 * but V8 sizes a heap by its limits: with the defaults, each content thread grew to some 350 MB of mostly
 * garbage, and the process kept that memory after the threads ended, into the pages phase. With these
 * limits, 10,000 deeds on two threads peak at 480 MB instead of 840 MB, in about the same time (15–16 s
 * against 12–19 s); staging their 20,278 pages, 290 MB instead of 360 MB. Without the young generation's
 * limit V8 grows it with the heap (740 MB); at 12 MB it saved another 70 MB but cost a fifth more time. The
 * old generation's limit is far above any document's needs; a thread that still runs out fails, and its
 * work is done in the main thread instead, as for any failed thread.
 */
import type { ResourceLimits } from 'node:worker_threads';

export const WORKER_RESOURCE_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  maxYoungGenerationSizeMb: 48,
  maxOldGenerationSizeMb: 512,
});
