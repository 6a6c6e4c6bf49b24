/**
 * `deeds check [paths…] [--format text|json|github] [--fix]`: run every content check and
 * report all problems at once, grouped by file. Exit 1 on any error, 0 otherwise, 2 for a usage
 * error or a file that cannot be read.
 */
import { statSync } from 'node:fs';
import { cwd, stderr, stdout } from 'node:process';
import { checkPaths, type CheckFormat } from '../../src/project/check-command.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- check [路径…] [--format text|json|github] [--fix]

检查内容：字数、打码和模板文字、文库“伪原创”文字、个人信息、MDX 安全、名额合计、
名单人数、引用、重复、日期和发文字号、图片、繁体和拼音残留。

  路径             要检查的文件或文件夹；不写则检查整个 content/
  --format text    按文件分组，每行“路径:行:列  error|warning|info  说明  规则”（默认）
  --format json    JSON 数组：{file, line, column, endLine, endColumn, severity, ruleId, message}
  --format github  GitHub Actions 注释行（::error file=…,line=…,col=…::说明）
  --fix            只做不改变意思的修正（标点全半角、发文字号括号），并列出改了什么
  --no-cache       不使用上次检查或构建的结果（默认未改动的文件直接沿用，存于 node_modules/.cache/deeds-check/）

有错误时退出码为 1，没有错误为 0；用法错误或文件无法读取为 2。
规则的级别可在 content/checks.yaml 中设置（rules: { spun-text: error, residue: off }）。`;

const FORMATS: readonly CheckFormat[] = ['text', 'json', 'github'];
/** The files `deeds check` reads (as `checkPaths` selects them in folders). */
const CONTENT_FILE = /\.(?:mdx|md|ya?ml)$/;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('check', usage, args, {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  });
  if (!parsed) return 2;
  const format = parsed.values.format as CheckFormat;
  if (!FORMATS.includes(format)) {
    stderr.write(`deeds check：--format 只能是 text、json 或 github（收到“${format}”）\n`);
    return 2;
  }
  // A file named on the command line that is not a content file would otherwise be passed over in silence.
  for (const path of parsed.positionals) {
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue; // missing: reported by checkPaths
    }
    if (isFile && !CONTENT_FILE.test(path)) {
      stderr.write(
        `deeds check：${path}：不是内容文件（应为 .mdx，或 units.yaml 等 .yaml）；原始文件请用 npm run deeds -- import 导入\n`,
      );
      return 2;
    }
  }
  let result;
  try {
    result = await checkPaths({
      root: cwd(),
      paths: parsed.positionals,
      format,
      fix: parsed.values.fix,
      cache: !parsed.values['no-cache'],
    });
  } catch (error) {
    // A mistake in content/checks.yaml: configuration, reported in one line.
    stderr.write(`deeds check：${(error as Error).message}\n`);
    return 2;
  }
  for (const problem of result.unusable) stderr.write(`deeds check：${problem}\n`);
  if (result.fixes.length > 0) {
    const lines = result.fixes.map(
      (fix) => `${fix.file}:${fix.line}:${fix.column}  已修正  “${fix.before}”→“${fix.after}”  ${fix.rule}`,
    );
    (format === 'text' ? stdout : stderr).write(`${lines.join('\n')}\n共修正 ${result.fixes.length} 处\n\n`);
  }
  stdout.write(`${result.output}\n`);
  return result.exitCode;
}
