/**
 * Heap limits for the build's content-pipeline threads (`runProjectInWorkers`). A thread's live data is
 * small — the pipeline's modules and one document — but V8 sizes a heap by its limits: with the defaults,
 * each thread grew to some 350 MB of mostly garbage, and the process kept that memory after the threads
 * ended, into the pages phase. With these limits, 10,000 deeds on two threads peak at 410 MB instead of
 * 840 MB, in about the same time (16–20 s against 17 s). The old generation's limit is far above any
 * document's needs; a thread that still runs out fails, and the run falls back to this thread, as for any
 * failed thread. (`deeds check` takes them only when asked: it is measured by its time, and smaller heaps
 * cost it a tenth more.)
 */
import type { ResourceLimits } from 'node:worker_threads';

export const WORKER_RESOURCE_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  maxYoungGenerationSizeMb: 12,
  maxOldGenerationSizeMb: 512,
});
