/**
 * Run by the benchmark in a process of its own: `node time-normaliser.ts <project> <text file>` times
 * the project's `normaliseText` over the file and prints `{"first": s, "steady": s}`. The first pass
 * (JIT and dictionaries cold) is reported apart; the measure is the median of the three passes after
 * it. A fresh process, because the benchmark's own has by then run and measured the builds, and its
 * heap made the same passes up to twice as slow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, stdout } from 'node:process';
import { pathToFileURL } from 'node:url';

const [project, file] = argv.slice(2);
const url = pathToFileURL(join(project!, 'src', 'pipeline', 'normalise', 'normalise.ts')).href;
const { normaliseText } = (await import(url)) as typeof import('../../src/pipeline/normalise/normalise.ts');
const text = readFileSync(file!, 'utf8');
const pass = (): number => {
  const started = performance.now();
  normaliseText(text);
  return (performance.now() - started) / 1000;
};
const first = pass();
const passes = [pass(), pass(), pass()].sort((a, b) => a - b);
stdout.write(`${JSON.stringify({ first, steady: passes[1] })}\n`);
