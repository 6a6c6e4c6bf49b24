/** A worker thread of precompression: writes the twins of the files it is given, then exits. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeTwins, type TwinJob } from './precompress-files.ts';

parentPort!.postMessage(writeTwins(workerData as TwinJob));
