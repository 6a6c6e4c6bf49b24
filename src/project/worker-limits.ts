/**
 * Heap limits for the build's worker threads: the content pipeline (`runProjectInWorkers`) and the search
 * index's staging (`pagefind.ts`). A thread's live data is small — its modules and one document or page —
 * but V8 sizes a heap by its limits, and the process kept the garbage of unlimited threads after they
 * ended; these limits nearly halve the content threads' peak in the same time (figures, and the young
 * generation's sizes tried: docs/benchmarks.md, "Measurements behind the design"). The old generation's
 * limit is far above any document's needs; a thread that still runs out fails, and its work is done in
 * the main thread instead, as for any failed thread.
 */
import type { ResourceLimits } from 'node:worker_threads';

export const WORKER_RESOURCE_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  maxYoungGenerationSizeMb: 48,
  maxOldGenerationSizeMb: 512,
});
