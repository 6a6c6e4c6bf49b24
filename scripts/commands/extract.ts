/**
 * `deeds extract <file> [--json]`: read a notice, roll or write-up (.txt, .html, .docx, .doc, .wps,
 * .pdf, .xlsx, .xls, .mdx; text in any common encoding) and print the facts the extractor finds.
 */
import { stderr, stdout } from 'node:process';
import { extractSource } from '../../src/pipeline/import/extract-source.ts';
import { readSource, SourceError, type Source } from '../../src/pipeline/import/read-source.ts';
import type { ExtractResult } from '../../src/pipeline/extract/extract.ts';
import { readInputBytes } from './input.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- extract <文件> [--json]

读取通知、名单或事迹材料（.txt、.html/.htm、.docx、.doc、.wps、.pdf、.xlsx、.xls、.mdx；
文本的 UTF-8、UTF-16、GB18030/GBK、Big5 编码均可；扫描件 PDF 没有文字，不能读取），
输出从中读出的结构化信息：文号、标题、发文机关、日期、主送机关、名额、字数要求、截止日期、获奖者等。
原文没有写明的项目为 null，不作猜测。--json 输出一个 JSON 对象。`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('extract', usage, args, { json: { type: 'boolean', default: false } });
  if (!parsed) return 2;
  const [path] = parsed.positionals;
  if (!path || parsed.positionals.length > 1) {
    stderr.write(`deeds extract：需要且只需要一个文件。\n${usage}\n`);
    return 2;
  }
  const bytes = readInputBytes(path);
  if (!bytes) return 2;
  let source: Source;
  try {
    source = await readSource(path, bytes);
  } catch (error) {
    if (error instanceof SourceError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { result } = extractSource(source, { path });
  stdout.write(parsed.values.json ? JSON.stringify(result, null, 2) + '\n' : formatResult(path, result) + '\n');
  return 0;
}

function formatResult(path: string, r: ExtractResult): string {
  const KIND = { announcement: '公告/通知', roll: '名单', deed: '事迹材料' } as const;
  const show = (value: unknown) =>
    value === null || value === undefined || value === '' ? '（未写明）' : String(value);
  const lines = [
    `${path}`,
    `  类型：${KIND[r.kind]}（原文字形：${r.sourceScript}）`,
    `  标题：${show(r.title)}`,
    `  文号：${show(r.docNumber)}`,
    `  发文机关：${show(r.issuer)}`,
    `  日期：${show(r.date)}`,
  ];
  if (r.recipients.length) lines.push(`  主送机关：${r.recipients.join('；')}`);
  if (r.evaluationYear) lines.push(`  评选年度：${r.evaluationYear}`);
  for (const q of r.quotas) lines.push(`  名额：${q.category} ${q.count}`);
  for (const w of r.wordLimits)
    lines.push(
      `  字数：${w.appliesTo ?? '（未说明对象）'} ${w.limit} 字（${{ max: '以内', min: '不少于', approx: '左右' }[w.kind]}）`,
    );
  if (r.deadline) lines.push(`  截止日期：${r.deadline}`);
  for (const p of r.phases) lines.push(`  阶段：${p.name} ${show(p.start)} — ${show(p.end)}`);
  for (const a of r.attachments) lines.push(`  附件：${a}`);
  if (r.subject) lines.push(`  事迹主体：${r.subject.name}（${r.subject.type === 'unit' ? '单位' : '个人'}）`);
  for (const h of r.honours) lines.push(`  荣誉：${h}`);
  if (r.awardees.length) lines.push(`  获奖者：${r.awardees.length} 名/个`);
  lines.push(`  字数：${r.wordCount}`);
  for (const d of r.diagnostics) lines.push(`${path}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
  return lines.join('\n');
}
