/**
 * `deeds import <file> [--kind announcement|roll|deed] [--out <dir>] [--force] [--url <source url>]`:
 * turn a raw file into a content entry; personal data in it is masked, and the original is archived
 * outside `content/` (`archive/originals/…`, which `.gitignore` covers).
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { cwd, stderr, stdout } from 'node:process';
import { readSource, SourceError } from '../../src/pipeline/import/read-source.ts';
import { planEntry, renderEntry } from '../../src/pipeline/import/to-entry.ts';
import { writeEntry } from '../../src/pipeline/import/write-entry.ts';
import { loadRegistries } from '../../src/model/registries.ts';
import { toDiagnostics, formatText } from '../../src/lib/report.ts';
import { extractDocument } from '../../src/pipeline/extract/extract.ts';
import type { ExtractKind } from '../../src/pipeline/extract/types.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT, type PipelineContext } from '../../src/pipeline/types.ts';
import { readInputBytes } from './input.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- import <文件> [--kind announcement|roll|deed] [--out <目录>] [--allow-outside] [--force] [--url <来源网址>]

把原始文件（.txt、.html、.docx、.mdx）导入为内容条目：content/<集合>/<年份>/<文件名>.mdx。
字段由自动读取填写；原文没有写明的，在正文开头列为“待填写”，npm run deeds -- check 会提示，编辑确认后删除。
原文里的身份证号、电话、住址等个人信息在条目中隐去（列在“待填写”里）；原始文件存档在 archive/originals/<集合>/<年份>/<文件名>.original.<扩展名>
（不提交到仓库），其位置、sha256 和来源网址记在 source 字段中。
同一文件再次导入得到同一条目；已有条目不会被覆盖，除非加 --force。
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
    'allow-outside': { type: 'boolean', default: false },
  });
  if (!parsed) return 2;
  const [path] = parsed.positionals;
  if (!path || parsed.positionals.length > 1) {
    stderr.write(`deeds import：需要且只需要一个文件。\n${usage}\n`);
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
      `deeds import：--out ${parsed.values.out} 在项目（${root}）之外，未导入 ${path}；确要写到项目以外，请加 --allow-outside\n`,
    );
    return 2;
  }
  const bytes = readInputBytes(path);
  if (!bytes) return 2;
  let source;
  try {
    source = await readSource(path, bytes);
  } catch (error) {
    if (error instanceof SourceError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const registries = loadRegistries(contentDir);
  const context: PipelineContext = { ...EMPTY_CONTEXT, units: registries.units, glossary: registries.glossary };
  const { result, normalised } = extractDocument(source.text, { path, context });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const today = new Date().toISOString().slice(0, 10);
  const ext =
    extname(path)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '') || '.txt';
  const draft = planEntry({
    result,
    text: normalised.value,
    kind,
    source: { file: '', sha256, url, importedAt: today, encoding: source.encoding },
    today,
    fallbackName: basename(path, extname(path)),
  });
  // The original may hold personal data: it is archived beside content/, in archive/ (ignored by git), never in content/.
  const originalFile = `archive/originals/${draft.collection}/${draft.year}/${draft.slug}.original${ext}`;
  (draft.frontmatter.source as Record<string, unknown>).file = originalFile;

  // The entry must parse before it is written: a schema error here is a bug of the importer, not the editor's.
  const entryText = renderEntry(draft);
  const check = processDocument(
    { path: `${draft.collection}/${draft.year}/${draft.slug}.mdx`, value: entryText, collection: draft.collection },
    context,
  );
  const schemaErrors = check.file.messages.filter(
    (m) => m.ruleId === 'frontmatter-schema' || m.ruleId === 'frontmatter-yaml',
  );
  if (schemaErrors.length > 0) {
    stderr.write(
      `${path}：导入生成的条目不符合格式，未写入：\n${formatText(toDiagnostics([check.file]).filter((d) => d.ruleId.startsWith('frontmatter')))}\n`,
    );
    return 1;
  }

  let written;
  try {
    written = writeEntry({
      contentDir,
      plan: draft,
      original: bytes,
      originalPath: join(dirname(contentDir), originalFile),
      sha256,
      force: parsed.values.force,
    });
  } catch (error) {
    stderr.write(`${path}：写入失败（${(error as Error).message.split('\n')[0]}），没有留下半成品文件\n`);
    return 2;
  }
  const shown = (p: string) => {
    const rel = relative(root, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };
  if (written.status === 'unchanged') {
    stdout.write(`${path} 已导入过（同一文件）：${shown(written.entryPath)}；要重新导入请加 --force\n`);
    return 0;
  }
  if (written.status === 'exists') {
    stderr.write(`${path}：${shown(written.entryPath)} 已存在（来自另一个文件）；要覆盖请加 --force\n`);
    return 2;
  }
  stdout.write(
    `${written.status === 'replaced' ? '已重新导入' : '已导入'} ${shown(written.entryPath)}（原件存档于 ${shown(written.originalPath)}，不提交）\n` +
      draft.notes.map((note) => `${note}\n`).join('') +
      (draft.todos.length > 0 ? `有 ${draft.todos.length} 项待填写，见正文开头；` : '') +
      `请运行 npm run deeds -- check ${shown(written.entryPath)}\n`,
  );
  return 0;
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
