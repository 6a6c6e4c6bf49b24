/**
 * `deeds import <file|folder>… [--report report.csv] [--kind announcement|roll|deed] [--out <dir>] [--force]
 * [--url <source url>]`: turn raw files into content entries — a whole folder at once — with a summary
 * and a CSV report; personal data is masked, and each original is archived outside `content/`
 * (`archive/originals/…`, which `.gitignore` covers). The work is `importFiles`; this is its shell.
 */
import { realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { cwd, stderr, stdout } from 'node:process';
import { importFiles, reportCsv, type FileOutcome, type ImportRun } from '../../src/pipeline/import/import-folder.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import type { ExtractKind } from '../../src/pipeline/extract/types.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- import <文件或文件夹>… [--report 报告.csv] [--kind announcement|roll|deed] [--out <目录>] [--allow-outside] [--force] [--url <来源网址>]

把原始文件导入为内容条目：content/<集合>/<年份>/<文件名>.mdx。可读的格式：.txt、.md/.mdx、.html/.htm（含 GBK 网页）、
.docx、.doc、.wps、.pdf（有文字层的；扫描件不能读取）、.xlsx、.xls。可以给一个或多个文件夹，其中的文件逐一导入
（跳过隐藏文件和 ~$ 开头的临时文件），不能用的文件列出原因后继续；最后输出汇总，--report 另存一份 CSV 报告（每个文件一行）。
字段由自动读取填写；原文没有写明的，在正文开头列为“待填写”，npm run deeds -- check 会提示，编辑确认后删除。
原文里的身份证号、电话、住址等个人信息在条目中隐去（列在“待填写”里）；原始文件存档在 archive/originals/<集合>/<年份>/<文件名>.original.<扩展名>
（不提交到仓库），其位置、sha256 和来源网址记在 source 字段中。同一份文件的不同格式（如 .doc 和 .pdf）一起导入时合为一个条目，原件都存档。
同一文件再次导入不会有任何改变；已有条目不会被覆盖，除非加 --force。有文件未能导入时退出码为 2。
  --report 把每个文件的结果写成 CSV 报告
  --kind   指定类型（默认自动判断）
  --out    内容目录（默认 content）；须在项目之内，除非同时加 --allow-outside
  --allow-outside  允许 --out 指向项目以外的目录
  --url    原文网址，记入 source.url`;

const KINDS: readonly ExtractKind[] = ['announcement', 'roll', 'deed'];

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('import', usage, args, {
    kind: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    url: { type: 'string' },
    report: { type: 'string' },
    'allow-outside': { type: 'boolean', default: false },
  });
  if (!parsed) return 2;
  const paths = parsed.positionals;
  if (paths.length === 0) {
    stderr.write(`deeds import：需要至少一个文件或文件夹。\n${usage}\n`);
    return 2;
  }
  const kind = parsed.values.kind as ExtractKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) {
    stderr.write(`deeds import：--kind 只能是 announcement、roll 或 deed（收到“${kind}”）\n`);
    return 2;
  }
  const url = parsed.values.url;
  if (url !== undefined && !/^https?:\/\/[^\s]+$/u.test(url)) {
    stderr.write(`deeds import：--url 应是以 http:// 或 https:// 开头的网址（收到“${url}”）\n`);
    return 2;
  }
  const root = cwd();
  const contentDir = resolve(root, parsed.values.out ?? 'content');
  if (!parsed.values['allow-outside'] && !isInside(root, contentDir)) {
    stderr.write(
      `deeds import：--out ${parsed.values.out} 在项目（${root}）之外，未导入 ${paths.join('、')}；确要写到项目以外，请加 --allow-outside\n`,
    );
    return 2;
  }
  const registries = loadRegistries(contentDir);
  const progress = stderr.isTTY ? progressLine() : undefined;
  const result = await importFiles({
    paths,
    contentDir,
    context: { ...EMPTY_CONTEXT, units: registries.units, glossary: registries.glossary },
    today: new Date().toISOString().slice(0, 10),
    kind,
    url,
    force: parsed.values.force,
    onProgress: progress,
  });
  const shown = (p: string) => {
    const rel = relative(root, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };
  if (parsed.values.report) {
    try {
      writeFileSync(parsed.values.report, reportCsv(result, shown));
    } catch (error) {
      stderr.write(
        `deeds import：无法写入报告 ${parsed.values.report}（${(error as Error).message.split('\n')[0]}）\n`,
      );
      return 2;
    }
  }
  if (result.outcomes.length === 0) {
    stderr.write(`${paths.join('、')}：没有找到可导入的文件（隐藏文件和 ~$ 开头的临时文件不算）\n`);
    return 2;
  }
  const single = paths.length === 1 && !isDirectory(paths[0]!) && !parsed.values.report;
  if (single && result.outcomes.length === 1) return reportOne(result.outcomes[0]!, shown);
  return summarise(result, shown, parsed.values.report);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `[3/12] 收件/决定.pdf` on one line of a terminal, rewritten as the run goes. */
function progressLine() {
  return (done: number, total: number, path: string) => {
    const line = path ? `[${done + 1}/${total}] ${path}` : '';
    stderr.write(`\r\x1b[K${line.slice(0, (stderr.columns || 80) - 1)}`);
  };
}

/** One file, as the command has always told it. */
function reportOne(o: FileOutcome, shown: (p: string) => string): number {
  if (o.status === 'refused' || o.status === 'failed') {
    stderr.write(`${o.reason}\n`);
    return o.status === 'failed' && o.reason?.includes('不符合格式') ? 1 : 2;
  }
  if (o.status === 'unchanged') {
    stdout.write(`${o.path} 已导入过（同一文件）：${shown(o.entry!)}；要重新导入请加 --force\n`);
    return 0;
  }
  if (o.status === 'exists') {
    stderr.write(`${o.path}：${shown(o.entry!)} 已存在（来自另一个文件）；要覆盖请加 --force\n`);
    return 2;
  }
  if (o.status === 'merged') {
    stdout.write(
      `${o.path} 与 ${shown(o.entry!)} 是同一文件（另一种格式或另一份）：原件存档于 ${shown(o.original!)}，记在该条目的 source.also 中\n`,
    );
    return 0;
  }
  const notes = o.diagnostics.filter((d) => d.startsWith('附件'));
  stdout.write(
    `${o.replaced ? '已重新导入' : '已导入'} ${shown(o.entry!)}（原件存档于 ${shown(o.original!)}，不提交）\n` +
      notes.map((note) => `${note}\n`).join('') +
      (o.todos.length > 0 ? `有 ${o.todos.length} 项待填写，见正文开头；` : '') +
      `请运行 npm run deeds -- check ${shown(o.entry!)}\n`,
  );
  return 0;
}

const STATUS_WORDS = {
  imported: '已导入',
  'needs-review': '待填写',
  merged: '并入同一文件',
  unchanged: '未变',
  exists: '条目已存在',
  refused: '未导入',
  failed: '出错',
} as const;

/** Refused files one line each (stderr), then the summary: totals and counts per format. */
function summarise(run: ImportRun, shown: (p: string) => string, report: string | undefined): number {
  for (const o of run.outcomes) {
    if (o.status === 'refused' || o.status === 'failed') stderr.write(`${o.reason}\n`);
    if (o.status === 'exists')
      stderr.write(`${o.path}：${shown(o.entry!)} 已存在（来自另一个文件）；要覆盖请加 --force\n`);
  }
  const count = (status: keyof typeof STATUS_WORDS, list = run.outcomes) =>
    list.filter((o) => o.status === status).length;
  const kinds = [...new Set(run.outcomes.map((o) => (o.scan ? 'pdf（扫描件）' : o.kind)))].sort();
  const lines = [
    `共 ${run.outcomes.length} 个文件：已导入 ${count('imported') + count('needs-review')}（其中待填写 ${count('needs-review')}），` +
      `并入同一文件 ${count('merged')}，未变 ${count('unchanged')}，未导入 ${count('refused') + count('failed') + count('exists')}`,
  ];
  for (const kind of kinds) {
    const list = run.outcomes.filter((o) => (o.scan ? 'pdf（扫描件）' : o.kind) === kind);
    const parts = (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[])
      .filter((s) => count(s, list) > 0)
      .map((s) => `${STATUS_WORDS[s]} ${count(s, list)}`);
    lines.push(`  ${kind}：${parts.join('，')}`);
  }
  const written = run.outcomes.filter((o) => o.status === 'imported' || o.status === 'needs-review');
  for (const o of written)
    lines.push(`${o.status === 'needs-review' ? '待填写' : '已导入'} ${shown(o.entry!)} ← ${shown(o.path)}`);
  if (report) lines.push(`报告：${report}`);
  if (written.length) lines.push('请运行 npm run deeds -- check 检查新条目');
  stdout.write(lines.join('\n') + '\n');
  return run.outcomes.some((o) => ['refused', 'failed', 'exists'].includes(o.status)) ? 2 : 0;
}

/**
 * Whether `path` is `root` or under it, following symbolic links of the part that exists (a link
 * inside the project may point out of it).
 */
export function isInside(root: string, path: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      const parent = dirname(p);
      return parent === p ? p : resolve(real(parent), basename(p));
    }
  };
  const rel = relative(real(root), real(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
