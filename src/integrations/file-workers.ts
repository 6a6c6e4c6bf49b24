/**
 * Running one job over many built files in worker threads: the files are dealt out in turn, each
 * thread runs the job over its share synchronously and posts one result, then exits. Build steps that
 * read or write every file of the site (繁體 pages, precompressed twins) use it: on a small machine a
 * synchronous loop per thread does in seconds what promises per file do in tens of seconds, since each
 * asynchronous read or write is several round trips through libuv's pool.
 */
import { Worker } from 'node:worker_threads';

export async function inWorkers<Job extends { files: string[] }, Result>(
  script: URL,
  job: Job,
  count: number,
  what: string,
): Promise<Result[]> {
  const shares: string[][] = Array.from({ length: Math.max(1, count) }, () => []);
  job.files.forEach((file, i) => shares[i % shares.length]!.push(file));
  return Promise.all(
    shares.map(
      (files) =>
        new Promise<Result>((resolve, reject) => {
          const thread = new Worker(script, { workerData: { ...job, files } });
          let result: Result | undefined;
          thread.once('message', (message: Result) => (result = message));
          thread.once('error', reject);
          thread.once('exit', (code) =>
            code === 0 && result !== undefined ? resolve(result) : reject(new Error(`${what}线程退出，代码 ${code}`)),
          );
        }),
    ),
  );
}
