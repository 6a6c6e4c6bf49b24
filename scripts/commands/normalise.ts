/**
 * `deeds normalise <file> [--to cn|tw|hk] [--from t|tw|hk] [--log <file.json>]`: read a file in any of
 * the encodings documents arrive in, normalise it, print the text, and write the change record.
 */
import { writeFileSync } from 'node:fs';
import { cwd, stderr, stdout } from 'node:process';
import { SourceError } from '../../src/pipeline/import/read-source.ts';
import { normaliseFile } from '../../src/project/normalise-file.ts';
import type { TargetScript } from '../../src/pipeline/normalise/convert-script.ts';
import type { TraditionalSource } from '../../src/pipeline/normalise/script.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- normalise <文件> [--to cn|tw|hk] [--from t|tw|hk] [--log <记录.json>]

读取一个文本文件（UTF-8（带或不带 BOM）、UTF-16、GB18030/GBK、Big5，自动识别），整理后把正文输出到标准输出：
删除网站模板和文档分享网站的杂项（站名、导航、收藏分享、上传信息、页码、版权、备案号）、
拼音残留（衛(wèi) → 衛）、分页造成的断句和页块编号，繁体转为简体，半角标点改为全角，去掉汉字间多余的空格。
不猜测缺失的内容：只剩读音的字、无法识别的字符会在标准错误中报告位置。

  --to cn|tw|hk    输出的字形：简体（cn，默认）、台湾繁体（tw）、香港繁体（hk）
  --from t|tw|hk   原文繁体的标准：OpenCC 标准（t，默认）、台湾（tw）、香港（hk）
  --log <文件>     把改动记录写成 JSON 数组，每项为 {rule, start:{line,column,offset}, end:{…}, before, after}，
                   位置指原文（解码后）；按记录倒序还原可得到原文。识别出的编码和原文字形写在标准错误的摘要行中。

退出码：0 成功；1 有需要人工处理的问题（已报告）；2 文件无法读取或参数错误。`;

const TARGETS = ['cn', 'tw', 'hk'] as const;
const SOURCES = ['t', 'tw', 'hk'] as const;

const SCRIPT_NAMES = { simplified: '简体', traditional: '繁体', mixed: '简繁混排' } as const;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('normalise', usage, args, {
    to: { type: 'string', default: 'cn' },
    from: { type: 'string', default: 't' },
    log: { type: 'string' },
  });
  if (!parsed) return 2;
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) {
    stderr.write(`deeds normalise：需要且只需要一个文件。\n${usage}\n`);
    return 2;
  }
  const to = parsed.values.to as TargetScript;
  const from = parsed.values.from as TraditionalSource;
  if (!TARGETS.includes(to) || !SOURCES.includes(from)) {
    stderr.write(
      `deeds normalise：--to 应为 cn、tw 或 hk，--from 应为 t、tw 或 hk（收到 --to ${to} --from ${from}）\n`,
    );
    return 2;
  }

  let read;
  try {
    read = normaliseFile(path, { root: cwd(), to, from });
  } catch (error) {
    if (error instanceof SourceError) {
      stderr.write(`deeds normalise：${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { decoded, result } = read;
  stdout.write(result.value);

  if (parsed.values.log) {
    try {
      writeFileSync(parsed.values.log, JSON.stringify(result.changes, null, 2) + '\n');
    } catch {
      stderr.write(`deeds normalise：${parsed.values.log}：无法写入改动记录\n`);
      return 2;
    }
  }
  for (const message of result.messages) {
    const place = message.place && 'start' in message.place ? message.place.start : message.place;
    const severity = message.fatal ? 'error' : 'warning';
    stderr.write(
      `${path}:${place?.line ?? 1}:${place?.column ?? 1}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}\n`,
    );
  }
  stderr.write(
    `deeds normalise：${path}：编码 ${decoded.encoding}${decoded.bom ? '（带 BOM）' : ''}，原文${SCRIPT_NAMES[result.sourceScript]}，` +
      `${result.changes.length} 处改动${parsed.values.log ? `，记录已写入 ${parsed.values.log}` : ''}\n`,
  );
  return result.messages.some((message) => message.fatal) ? 1 : 0;
}
