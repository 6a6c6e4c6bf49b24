/**
 * The second half of `npm run build`: after `DEEDS_FINISH=later astro build` has written the pages and
 * exited, run the steps it wrote down (the 繁體 variant, the search index, the precompressed twins, the
 * swap into place) in this process: src/integrations/later-steps.ts says why.
 *
 *   node --import tsx scripts/finish-build.ts [--outDir dist]
 *
 * Nothing written down (a plain `astro build` ran every step itself): nothing to do.
 */
import { resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { runLaterSteps } from '../src/integrations/later-steps.ts';

const USAGE = '用法：node --import tsx scripts/finish-build.ts [--outDir <输出目录，默认 dist>]';

function outDir(args: string[]): string | undefined {
  if (args.length === 0) return 'dist';
  if (args.length === 2 && args[0] === '--outDir' && args[1]) return args[1];
  const joined = args.length === 1 ? /^--outDir=(.+)$/.exec(args[0]!) : null;
  return joined?.[1];
}

const time = () => new Date().toTimeString().slice(0, 8);
const logger = (label: string) => ({
  info: (message: string) => void stdout.write(`${time()} [${label}] ${message}\n`),
  warn: (message: string) => void stderr.write(`${time()} [${label}] ${message}\n`),
});

const dir = outDir(argv.slice(2));
if (dir === undefined) {
  stderr.write(`${USAGE}\n`);
  exit(2);
}
try {
  await runLaterSteps(resolve(dir).replace(/[\\/]+$/, ''), logger);
} catch (error) {
  stderr.write(`构建未完成，原有网站保持不变：${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
}
