/**
 * `npx tsx scripts/bench-search.ts [dist] [--queries N] [--json]`: search on a built site in real
 * Chromium — bytes of the first and later queries, query → results time — against issue 7's budgets.
 * `dist` defaults to this project's `dist/`; give a benchmark site's (`npm run bench -- --keep`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { parseArgs } from 'node:util';
import { benchSearch, quantile } from '../tools/bench/search.ts';

const KB = 1024;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.slice(2),
    allowPositionals: true,
    options: { queries: { type: 'string', default: '40' }, json: { type: 'boolean', default: false } },
  });
  const dist = resolve(positionals[0] ?? 'dist');
  if (!existsSync(resolve(dist, 'pagefind'))) {
    stderr.write(`bench-search：${dist} 不是带搜索索引的构建结果（缺少 pagefind/）；请先 npm run build\n`);
    return 2;
  }
  const result = await benchSearch(dist, { queries: Number(values.queries) });
  const summary = {
    nameQuery: result.nameQuery,
    nameQueryKB: +(result.nameQueryBytes / KB).toFixed(1),
    firstQuery: result.firstQuery,
    firstQueryKB: +(result.firstQueryBytes / KB).toFixed(1),
    laterQueries: result.laterBytes.length,
    laterMedianKB: +(quantile(result.laterBytes, 0.5) / KB).toFixed(1),
    laterP90KB: +(quantile(result.laterBytes, 0.9) / KB).toFixed(1),
    laterMaxKB: +(Math.max(0, ...result.laterBytes) / KB).toFixed(1),
    p50Ms: quantile(result.timesMs, 0.5),
    p90Ms: quantile(result.timesMs, 0.9),
  };
  if (values.json) stdout.write(`${JSON.stringify(summary)}\n`);
  else
    stdout.write(
      [
        `site: ${dist}`,
        `first query, a name (${summary.nameQuery}): ${summary.nameQueryKB} KB   (budget ≤ 100 KB, issue 21)`,
        `first query, a phrase (${summary.firstQuery}): ${summary.firstQueryKB} KB   (budget ≤ 250 KB)`,
        `later queries (${summary.laterQueries}): median ${summary.laterMedianKB} KB, p90 ${summary.laterP90KB} KB, max ${summary.laterMaxKB} KB   (budget ≤ 50 KB)`,
        `query → results: p50 ${summary.p50Ms} ms, p90 ${summary.p90Ms} ms   (budget p50 ≤ 100 ms)`,
      ].join('\n') + '\n',
    );
  return 0;
}

main().then(
  (code) => exit(code),
  (error: unknown) => {
    stderr.write(`bench-search：运行失败：${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
  },
);
