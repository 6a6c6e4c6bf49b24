/** A worker thread of the 繁體 variant: converts the pages it is given, then exits. */
import { parentPort, workerData } from 'node:worker_threads';
import { convertFiles, type Job } from './traditional-pages.ts';

parentPort!.postMessage(await convertFiles(workerData as Job));
