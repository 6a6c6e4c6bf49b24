/**
 * Measure the normaliser's speed on about 7 MB of traditional text (the seed
 * deed-unit-traditional-template-site.txt repeated), on one core, and print MB/s. Not a test: numbers
 * depend on the machine. `npx tsx scripts/bench-normalise.ts [MB]`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv } from 'node:process';
import { normaliseText } from '../src/pipeline/normalise/normalise.ts';
import { openccConverter } from '../src/pipeline/normalise/script.ts';

const megabytes = Number(argv[2] ?? 7);
const seed = readFileSync(
  join(import.meta.dirname, '../../shared/seeds/deed-unit-traditional-template-site.txt'),
  'utf8',
);
const input = seed.repeat(Math.ceil((megabytes * 1e6) / Buffer.byteLength(seed)));
const size = Buffer.byteLength(input) / 1e6;

/**
 * Best of five runs, by wall clock, by CPU time of this thread, and by CPU time of the process. On a
 * quiet machine the three agree (the process figure also counts the garbage collector's helper
 * threads); on a shared one the wall clock counts time spent waiting for a core, and the thread's CPU
 * time is the fairest comparison between the normaliser and opencc-js.
 */
function time(label: string, run: () => unknown): number {
  run(); // warm up: dictionaries and JIT
  let wall = Infinity;
  let thread = Infinity;
  let cpu = Infinity;
  for (let k = 0; k < 5; k++) {
    const usage = process.cpuUsage();
    const threadUsage = process.threadCpuUsage();
    const start = performance.now();
    run();
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(usage);
    const threadUsed = process.threadCpuUsage(threadUsage);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
    thread = Math.min(thread, (threadUsed.user + threadUsed.system) / 1000);
  }
  const rate = (ms: number): string =>
    `${(size / (ms / 1000)).toFixed(1).padStart(5)} MB/s (${ms.toFixed(0).padStart(4)} ms)`;
  console.log(`${label.padEnd(30)} wall ${rate(wall)}   thread cpu ${rate(thread)}   process cpu ${rate(cpu)}`);
  return wall;
}

console.log(`${size.toFixed(2)} MB of traditional text`);
time('opencc-js t→cn alone', () => openccConverter('t', 'cn')(input));
time('normaliseText (all stages)', () => normaliseText(input));
// The change record is complete when normaliseText returns; its Change objects (with line and column)
// are built on first use. Measure that too, as the command does when it writes --log.
time('  … and the record as Changes', () => normaliseText(input).changes.length);
