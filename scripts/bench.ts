/**
 * `npm run bench -- [--pages N] [--json]`: generate N deeds (default 10,000) in a temporary folder and,
 * in one run, build them with the project's whole build (search index included) and with stock Astro +
 * MDX followed by stock Pagefind, search the built site in Chromium, edit one deed and rebuild (and
 * compare with a clean build), time `deeds check` and the normaliser. Prints a table, or with `--json`
 * one JSON object.
 *
 * `--rounds N` builds each side N times, alternating the order, and reports the medians.
 * More switches for iterating: `--no-baseline` (skip the stock build and its Pagefind), `--no-search`,
 * `--no-incremental`, `--text-mb N` (size of the normaliser's text), `--worktree` (measure the working
 * tree instead of the last commit), `--keep` (keep the temporary folder and print where it is).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { formatBenchTable } from '../tools/bench/table.ts';
import { runBench } from '../tools/bench/run.ts';

const USAGE = `用法：npm run bench -- [--pages N] [--json] [--rounds N] [--no-baseline] [--no-search] [--no-incremental] [--text-mb N] [--keep]

  --pages N       生成 N 篇事迹（默认 10000），另加对应的公告和表彰名单
  --json          只输出一个 JSON 对象（进度信息写到标准错误）
  --rounds N      两边各构建 N 次（默认 1），顺序交替、每次清空缓存，报告中位数
  --no-baseline   不构建对照用的原生 Astro + MDX 站点（也不对它运行原生 Pagefind）
  --no-search     不在 Chromium 中测量搜索
  --no-incremental 不测量“改一篇事迹后重新构建”（及用于比对的干净构建）
  --text-mb N     繁体文本大小（MB，默认 7），用于测量规范化速度
  --worktree      测量工作区中的文件（默认测量最近一次提交 HEAD）
  --keep          保留临时目录，便于检查`;

interface Args {
  pages: number;
  json: boolean;
  baseline: boolean;
  search: boolean;
  incremental: boolean;
  textBytes: number;
  keep: boolean;
  worktree: boolean;
  rounds: number;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = {
    pages: 10_000,
    json: false,
    baseline: true,
    search: true,
    incremental: true,
    textBytes: 7_000_000,
    keep: false,
    worktree: false,
    rounds: 1,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const number = () => {
      const value = Number(args[++i]);
      return Number.isFinite(value) && value > 0 ? value : undefined;
    };
    if (arg === '--json') out.json = true;
    else if (arg === '--no-baseline') out.baseline = false;
    else if (arg === '--no-search') out.search = false;
    else if (arg === '--no-incremental') out.incremental = false;
    else if (arg === '--keep') out.keep = true;
    else if (arg === '--worktree') out.worktree = true;
    else if (arg === '--pages') {
      const value = number();
      if (!value || !Number.isInteger(value)) return '--pages 后面应是正整数，如 --pages 2000';
      out.pages = value;
    } else if (arg === '--rounds') {
      const value = number();
      if (!value || !Number.isInteger(value)) return '--rounds 后面应是正整数，如 --rounds 2';
      out.rounds = value;
    } else if (arg === '--text-mb') {
      const value = number();
      if (!value) return '--text-mb 后面应是正数，如 --text-mb 7';
      out.textBytes = Math.round(value * 1e6);
    } else return `不认识的参数“${arg}”`;
  }
  return out;
}

async function main(): Promise<number> {
  const raw = argv.slice(2);
  if (raw.includes('--help') || raw.includes('-h')) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(raw);
  if (typeof args === 'string') {
    stderr.write(`bench：${args}\n\n${USAGE}\n`);
    return 2;
  }
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const seedsDir = join(projectRoot, '..', 'shared', 'seeds');
  const { result, details } = await runBench({
    projectRoot,
    pages: args.pages,
    baseline: args.baseline,
    search: args.search,
    incremental: args.incremental,
    textBytes: args.textBytes,
    keep: args.keep,
    rounds: args.rounds,
    source: args.worktree ? 'worktree' : 'head',
    seedsDir: existsSync(seedsDir) ? seedsDir : undefined,
    log: (line) => stderr.write(`bench: ${line}\n`),
  });
  if (args.json) stdout.write(`${JSON.stringify(result)}\n`);
  else stdout.write(`${formatBenchTable(result, details)}\n`);
  if (args.keep) {
    // Everything measured, for a later look: the JSON object, the details and the table.
    writeFileSync(join(details.dir, 'bench-result.json'), `${JSON.stringify({ result, details }, null, 2)}\n`);
    writeFileSync(join(details.dir, 'bench-table.txt'), `${formatBenchTable(result, details)}\n`);
    stderr.write(`bench: kept ${details.dir} (bench-result.json, bench-table.txt)\n`);
  }
  return 0;
}

main().then(
  (code) => exit(code),
  (error: unknown) => {
    stderr.write(`bench：运行失败：${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
  },
);
