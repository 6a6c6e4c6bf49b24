/**
 * `deeds new <announcement|roll|deed> --title … [--year YYYY] [--slug …] [--force]`:
 * scaffold an entry with the right frontmatter and a file name from its title.
 */
import { cwd, stderr, stdout } from 'node:process';
import { scaffoldEntry, ENTRY_KINDS, type EntryKind } from '../../src/model/scaffold.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- new <announcement|roll|deed> --title <标题> [--year <年份>] [--slug <文件名>] [--force]

新建一个条目，生成带全部字段的模板，文件放在 content/<集合>/<年份>/<文件名>.mdx。
文件名默认由标题转成拼音。已有同名文件时不覆盖，除非加 --force。`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('new', usage, args, {
    title: { type: 'string' },
    year: { type: 'string' },
    slug: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (!parsed) return 2;
  const kind = parsed.positionals[0] as EntryKind | undefined;
  if (!kind || !ENTRY_KINDS.includes(kind) || !parsed.values.title) {
    stderr.write(`deeds new：需要类型（announcement、roll 或 deed）和 --title。\n${usage}\n`);
    return 2;
  }
  const year = parsed.values.year ? Number(parsed.values.year) : new Date().getFullYear();
  if (!Number.isInteger(year) || year < 1949 || year > 2100) {
    stderr.write(`deeds new：--year 应为四位年份，如 2023（收到“${parsed.values.year}”）\n`);
    return 2;
  }
  const result = scaffoldEntry({
    root: cwd(),
    kind,
    title: parsed.values.title,
    year,
    slug: parsed.values.slug,
    force: parsed.values.force,
  });
  if (!result.ok) {
    stderr.write(`deeds new：${result.message}\n`);
    return 2;
  }
  stdout.write(`已新建 ${result.path}\n请补全其中标有“待填写”的字段，然后运行 npm run deeds -- check ${result.path}\n`);
  return 0;
}
