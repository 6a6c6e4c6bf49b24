/**
 * The second half of `npm run build`: after `DEEDS_FINISH=later astro build` has written the pages and
 * exited, run the steps it wrote down (the 繁體 variant, the search index, the precompressed twins, the
 * swap into place) in this process: src/integrations/later-steps.ts says why.
 *
 *   node scripts/finish-build.ts [--outDir dist]     (Node 24 runs the TypeScript as it is)
 *
 * Nothing written down (a plain `astro build` ran every step itself): nothing to do.
 */
import { dirname, resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { pendingOutputs, runLaterSteps } from '../src/integrations/later-steps.ts';

const USAGE = '用法：node scripts/finish-build.ts [--outDir <输出目录，默认 dist>]';

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
const finalDir = resolve(dir).replace(/[\\/]+$/, '');
try {
  if (!(await runLaterSteps(finalDir, logger))) {
    // Another folder's steps wait: `npm run build -- --outDir x` hands `--outDir x` to this script, not to Astro.
    const waiting = [...new Set([dirname(finalDir), process.cwd()].flatMap(pendingOutputs))].filter(
      (other) => other !== finalDir,
    );
    if (waiting.length > 0) {
      stderr.write(
        `没有 ${finalDir} 的后续构建步骤；等待完成的是 ${waiting.join('、')}。` +
          `npm run build 后面的参数只传给了本脚本，没有传给 astro build。要构建到别的目录，请运行 ` +
          `DEEDS_FINISH=later astro build --outDir <目录> && node scripts/finish-build.ts --outDir <目录>，` +
          `或者 astro build --outDir <目录>（所有步骤在一个进程内完成）。\n`,
      );
      exit(1);
    }
  }
} catch (error) {
  stderr.write(`构建未完成，原有网站保持不变：${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
}
