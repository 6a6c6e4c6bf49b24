/**
 * `npm run eval -- [--json] [--no-diffs] [--no-seeds]`: run the extractor and the normaliser over the
 * real-document corpus (`test/corpus/`, and `../shared/seeds/` when present) and print, per field,
 * recall, precision and invented values, then what each document missed. `--json` prints one object.
 */
import { argv, exit, stderr, stdout } from 'node:process';
import { loadCorpus } from '../tools/eval/corpus.ts';
import { evaluate, formatReport } from '../tools/eval/score.ts';

const USAGE = `用法：npm run eval -- [--json] [--no-diffs] [--no-seeds]

  --json       输出一个 JSON 对象
  --no-diffs   不列出逐篇差异
  --no-seeds   不评测 ../shared/seeds/ 中的样例`;

const args = argv.slice(2);
const known = new Set(['--json', '--no-diffs', '--no-seeds', '--help', '-h']);
const unknown = args.find((arg) => !known.has(arg));
if (unknown || args.includes('--help') || args.includes('-h')) {
  (unknown ? stderr : stdout).write(`${unknown ? `未知参数：${unknown}\n` : ''}${USAGE}\n`);
  exit(unknown ? 2 : 0);
}
const report = evaluate(loadCorpus({ seeds: !args.includes('--no-seeds') }));
if (args.includes('--json')) {
  const { diffs, ...rest } = report;
  stdout.write(`${JSON.stringify(args.includes('--no-diffs') ? rest : { ...rest, diffs }, null, 2)}\n`);
} else {
  stdout.write(`${formatReport(report, { diffs: !args.includes('--no-diffs') })}\n`);
}
