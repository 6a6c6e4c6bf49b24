/**
 * Import files and folders into content entries in one run, as `deeds import` does: folders are
 * walked (hidden and temporary files skipped, symbolic links followed only within the folder), every
 * usable file becomes an entry and every unusable one is refused with its reason, and nothing stops
 * the run. The same document in several files (a notice as `.doc` and `.pdf`, a file saved twice)
 * becomes one entry that keeps every original (`source.also`); a decision or 公示 links the notice it
 * follows (`notice`, by 发文字号 or title), a roll its decision (`decision`). A file imported before
 * (by sha256) is left as it is, so importing a folder twice changes nothing.
 *
 *   await importFiles({ paths: ['收件/2023'], contentDir: 'content', today: '2024-03-01' })
 *     →  { outcomes: [{ path: '收件/2023/通知.doc', status: 'needs-review', entry: 'content/announcements/2023/….mdx', … }, …] }
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isSeq, parseDocument } from 'yaml';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { ExtractKind, ExtractResult } from '../extract/types.ts';
import { processDocument } from '../../pipeline/process-document.ts';
import type { PipelineContext } from '../../pipeline/types.ts';
import { findDocNumbers } from '../../lib/doc-number.ts';
import { splitFrontmatter } from '../../model/frontmatter.ts';
import { extractSource } from './extract-source.ts';
import { readSource, readSourceBytes, SourceError, type SourceFormat } from './read-source.ts';
import { planEntry, renderEntry, type EntryPlan } from './to-entry.ts';
import { entryPathOf, findImported, writeEntry } from './write-entry.ts';

export interface ImportOptions {
  /** Files and folders to import. */
  paths: readonly string[];
  /** The content directory entries are written to; originals go to `<its parent>/archive/originals/`. */
  contentDir: string;
  /** Registries and the rest of what the pipeline checks an entry against. */
  context: PipelineContext;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The kind of every file, when the editor says (`--kind`); else each file's own. */
  kind?: ExtractKind;
  /** The web page the files came from (`--url`). */
  url?: string;
  /** Replace entries that exist (`--force`). */
  force?: boolean;
  /** Called before each file is read, for a progress line. */
  onProgress?: (done: number, total: number, path: string) => void;
}

/**
 * What became of a file: `imported` (an entry with nothing to fill in), `needs-review` (an entry
 * with 待填写 items), `merged` (another original of an entry written in this run), `unchanged`
 * (imported before), `exists` (its entry exists from another file; `--force` replaces it),
 * `refused` (not usable: the reason says why), `failed` (the importer made an entry that does not
 * parse, or it could not be written: nothing was left behind).
 */
export type ImportStatus = 'imported' | 'needs-review' | 'merged' | 'unchanged' | 'exists' | 'refused' | 'failed';

export interface FileOutcome {
  path: string;
  /** `null` when the file could not be read at all. */
  sha256: string | null;
  /** The format read (`doc`, `pdf`, `sheet`…), or the file's extension when it was refused before. */
  kind: string;
  status: ImportStatus;
  /** The entry written, kept or merged into. */
  entry: string | null;
  /** Where the original was archived, when it was. */
  original: string | null;
  /** Whether the entry was written anew over an old one (`--force`). */
  replaced: boolean;
  /** What the extractor found, one short item each: `文号 示卫发〔2023〕31号`. */
  facts: string[];
  /** What the editor must fill in or confirm (the entry's 待填写). */
  todos: string[];
  /** Notes for the editor (blank forms left out) and the extractor's diagnostics. */
  diagnostics: string[];
  /** Why the file was refused or failed, one line naming it. */
  reason: string | null;
  /** A PDF with no text layer. */
  scan: boolean;
}

export interface ImportRun {
  outcomes: FileOutcome[];
}

/** File names that are never documents: hidden files, Office lock and temporary files. */
const SKIPPED_NAME = /^(?:\.|~\$|~WRL|Thumbs\.db$|desktop\.ini$)|\.(?:tmp|bak|crdownload|part)$/iu;

/**
 * The files under `paths`, in a stable order: folders walked depth-first by name, hidden and
 * temporary files skipped, symbolic links followed only when they stay inside the folder named.
 */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string, root: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      files.push(dir); // unreadable: refused by name when read
      return;
    }
    for (const name of names) {
      if (SKIPPED_NAME.test(name)) continue;
      const path = join(dir, name);
      let stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          continue; // a dangling link
        }
        if (!isWithin(root, target)) continue;
        stat = statSync(path);
        if (stat.isDirectory()) continue; // the folder it points to is walked in its own place
      }
      if (stat.isDirectory()) walk(path, root);
      else if (stat.isFile()) files.push(path);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      files.push(path); // missing: refused by name when read
      continue;
    }
    if (stat.isDirectory()) walk(path, realpathSync(path));
    else files.push(path);
  }
  return [...new Set(files)];
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

interface Planned {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  format: SourceFormat;
  encoding: string | null;
  result: ExtractResult;
  text: string;
  plan: EntryPlan;
  outcome: FileOutcome;
}

/**
 * Extensions in the order their text is trusted, when one document comes in several files: what the
 * author wrote (Word, text) before what was made from it (a page, a PDF); the newer format first.
 */
const EXTENSION_RANK = [
  '.mdx',
  '.md',
  '.docx',
  '.doc',
  '.wps',
  '.txt',
  '.html',
  '.htm',
  '.xlsx',
  '.xls',
  '.et',
  '.pdf',
];
const rankOf = (path: string) => {
  const rank = EXTENSION_RANK.indexOf(extname(path).toLowerCase());
  return rank < 0 ? EXTENSION_RANK.length : rank;
};

export async function importFiles(options: ImportOptions): Promise<ImportRun> {
  const files = collectFiles(options.paths);
  const outcomes: FileOutcome[] = [];
  const planned: Planned[] = [];
  for (const [index, path] of files.entries()) {
    options.onProgress?.(index, files.length, path);
    const item = await planFile(path, options);
    outcomes.push(item.outcome);
    if ('plan' in item) planned.push(item);
  }
  options.onProgress?.(files.length, files.length, '');

  // One entry per document: files that plan the same entry are one document in several files.
  const groups = new Map<string, Planned[]>();
  for (const item of planned) {
    const key = `${item.plan.collection}/${item.plan.year}/${item.plan.slug}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const primaries = [...groups.values()].map((group) =>
    group.sort((a, b) => rankOf(a.path) - rankOf(b.path) || a.path.localeCompare(b.path)),
  );
  // Notices first, then decisions and 公示, then rolls: each links only to entries that exist or were written.
  const announcements = existingAnnouncements(options.contentDir);
  const stage = ({ plan }: Planned) =>
    plan.collection === 'announcements'
      ? plan.frontmatter.kind === 'notice'
        ? 0
        : 1
      : plan.collection === 'rolls'
        ? 2
        : 3;
  for (const group of primaries.sort((a, b) => stage(a[0]!) - stage(b[0]!))) {
    const primary = group[0]!;
    link(primary, announcements);
    await writeGroup(group, options);
    const written = primary.outcome.status === 'imported' || primary.outcome.status === 'needs-review';
    if (written && primary.plan.collection === 'announcements') announcements.push(announcementOf(primary));
  }
  return { outcomes };
}

async function planFile(path: string, options: ImportOptions): Promise<Planned | { outcome: FileOutcome }> {
  const outcome: FileOutcome = {
    path,
    sha256: null,
    kind: extname(path).toLowerCase().replace(/^\./u, '') || '（无扩展名）',
    status: 'refused',
    entry: null,
    original: null,
    replaced: false,
    facts: [],
    todos: [],
    diagnostics: [],
    reason: null,
    scan: false,
  };
  let bytes: Uint8Array;
  try {
    bytes = readSourceBytes(path);
    outcome.sha256 = createHash('sha256').update(bytes).digest('hex');
    const source = await readSource(path, bytes);
    outcome.kind = source.format;
    const { result, normalised } = extractSource(source, { path, context: options.context });
    const ext =
      extname(path)
        .toLowerCase()
        .replace(/[^.a-z0-9]/g, '') || '.txt';
    const plan = planEntry({
      result,
      text: normalised.value,
      kind: options.kind,
      source: {
        file: '',
        sha256: outcome.sha256,
        url: options.url,
        importedAt: options.today,
        encoding: source.encoding,
      },
      today: options.today,
      fallbackName: basename(path, extname(path)),
    });
    // The original may hold personal data: it is archived beside content/, in archive/ (ignored by git).
    (plan.frontmatter.source as Record<string, unknown>).file =
      `archive/originals/${plan.collection}/${plan.year}/${plan.slug}.original${ext}`;
    outcome.facts = factsOf(result);
    outcome.todos = plan.todos;
    outcome.diagnostics = [
      ...plan.notes,
      ...result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`),
    ];
    return {
      path,
      bytes,
      sha256: outcome.sha256,
      format: source.format,
      encoding: source.encoding,
      result,
      text: normalised.value,
      plan,
      outcome,
    };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    outcome.reason = error.message;
    outcome.scan = error.reason === 'scan';
    return { outcome };
  }
}

/** The facts of an extraction worth a glance in the report. */
function factsOf(r: ExtractResult): string[] {
  const facts: string[] = [];
  const KIND = { announcement: '公告/通知', roll: '名单', deed: '事迹材料' } as const;
  facts.push(`类型 ${KIND[r.kind]}`);
  if (r.docNumber) facts.push(`文号 ${r.docNumber}`);
  if (r.issuer) facts.push(`发文机关 ${r.issuer}`);
  if (r.date) facts.push(`日期 ${r.date}`);
  if (r.deadline) facts.push(`截止日期 ${r.deadline}`);
  if (r.quotas.length) facts.push(`名额 ${r.quotas.map((q) => `${q.category}${q.count}`).join('、')}`);
  if (r.wordLimits.length) facts.push(`字数要求 ${r.wordLimits.map((w) => w.limit).join('、')}`);
  if (r.awardees.length) facts.push(`获奖者 ${r.awardees.length}`);
  if (r.subject) facts.push(`事迹主体 ${r.subject.name}`);
  return facts;
}

interface Announcement {
  id: string;
  kind: string;
  title: string;
  docNumber: string | null;
  attachments: string[];
}

const flat = (text: string) => text.replace(/[\s\u3000]+/gu, '');

function announcementOf({ plan }: Planned): Announcement {
  const data = plan.frontmatter;
  return {
    id: `${plan.year}/${plan.slug}`,
    kind: String(data.kind),
    title: String(data.title),
    docNumber: typeof data.docNumber === 'string' ? data.docNumber : null,
    attachments: Array.isArray(data.attachments) ? data.attachments.map(String) : [],
  };
}

/**
 * Links between the documents of one honour: a decision or 公示 names the notice it follows (by its
 * 发文字号, or its title in 《》), a roll is the attachment of its decision (by title) or names its
 * 发文字号. `announcements` are those in the content directory and those written so far in this run;
 * a link the document does not give is not guessed.
 */
function link(item: Planned, announcements: readonly Announcement[]): void {
  const data = item.plan.frontmatter;
  const id = `${item.plan.year}/${item.plan.slug}`;
  const numbers = new Set(findDocNumbers(item.text).map((n) => flat(n.printed)));
  const quoted = new Set([...item.text.matchAll(/《([^》]{4,120})》/gu)].map((m) => flat(m[1]!)));
  const named = (a: Announcement) =>
    a.id !== id &&
    ((a.docNumber !== null &&
      numbers.has(flat(a.docNumber)) &&
      flat(a.docNumber) !== flat(String(data.docNumber ?? ''))) ||
      quoted.has(flat(a.title)));
  if (item.plan.collection === 'announcements' && data.kind !== 'notice' && data.notice === undefined) {
    const notice = announcements.find((a) => a.kind === 'notice' && named(a));
    if (notice) data.notice = notice.id;
  }
  if (item.plan.collection === 'rolls' && data.decision === undefined) {
    const title = flat(String(data.title));
    const decision =
      announcements.find((a) => a.kind === 'decision' && a.attachments.some((t) => flat(t) === title)) ??
      announcements.find((a) => a.kind === 'decision' && named(a));
    if (decision) data.decision = decision.id;
  }
}

function existingAnnouncements(contentDir: string): Announcement[] {
  const dir = join(contentDir, 'announcements');
  if (!existsSync(dir)) return [];
  const found: Announcement[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.mdx')) continue;
    try {
      const { data } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      found.push({
        id: name
          .replace(/\.mdx$/u, '')
          .split(sep)
          .join('/'),
        kind: String(data.kind ?? ''),
        title: String(data.title ?? ''),
        docNumber: typeof data.docNumber === 'string' ? data.docNumber : null,
        attachments: Array.isArray(data.attachments) ? data.attachments.map(String) : [],
      });
    } catch {
      // An entry that does not parse is `deeds check`'s to report, not the importer's.
    }
  }
  return found;
}

/** Write one document's entry with all its originals, or leave everything as it was. */
async function writeGroup(group: Planned[], options: ImportOptions): Promise<void> {
  const [primary, ...rest] = group as [Planned, ...Planned[]];
  const { plan } = primary;
  const project = dirname(options.contentDir);
  const entryPath = entryPathOf(options.contentDir, plan);
  // Every file imported before, by sha256, is unchanged. The others of the same document — imported
  // before from another file, or an entry the same text made — are added to that entry as originals.
  const previous = group.map((item) => findImported(options.contentDir, item.sha256));
  if (!options.force) {
    const known =
      previous.find((p) => p !== null) ?? ((await sameDocument(entryPath, primary, options)) ? entryPath : null);
    if (known) {
      group.forEach((item, i) => {
        if (previous[i] !== null) Object.assign(item.outcome, { status: 'unchanged', entry: previous[i] });
      });
      const added = group.filter((_, i) => previous[i] === null);
      if (added.length > 0) addOriginals(known, added, project);
      return;
    }
  }
  // Further originals: one archived copy per distinct file (the same bytes saved twice are one original).
  const source = plan.frontmatter.source as Record<string, unknown>;
  const also: { file: string; sha256: string }[] = [];
  const others: { path: string; bytes: Uint8Array }[] = [];
  const files = new Set([String(source.file)]);
  for (const item of rest) {
    if (item.sha256 === primary.sha256 || also.some((a) => a.sha256 === item.sha256)) continue;
    let file = archiveName(item);
    for (let n = 2; files.has(file); n++) file = archiveName(item).replace(/(\.[^./]+)$/u, `-${n}$1`);
    files.add(file);
    also.push({ file, sha256: item.sha256 });
    others.push({ path: join(project, file), bytes: item.bytes });
  }
  if (also.length) source.also = also;

  // The entry must parse before it is written: a schema error here is a bug of the importer, not the editor's.
  const check = processDocument(
    { path: `${plan.collection}/${plan.year}/${plan.slug}.mdx`, value: renderEntry(plan), collection: plan.collection },
    options.context,
  );
  const schemaErrors = check.file.messages.filter(
    (m) => m.ruleId === 'frontmatter-schema' || m.ruleId === 'frontmatter-yaml',
  );
  if (schemaErrors.length > 0) {
    for (const item of group) {
      Object.assign(item.outcome, {
        status: 'failed',
        reason: `${item.path}：导入生成的条目不符合格式，未写入：${schemaErrors.map((m) => m.reason).join('；')}`,
      });
    }
    return;
  }
  let written;
  try {
    written = writeEntry({
      contentDir: options.contentDir,
      plan,
      original: primary.bytes,
      originalPath: join(project, String(source.file)),
      sha256: primary.sha256,
      force: options.force ?? false,
      others,
    });
  } catch (error) {
    for (const item of group) {
      Object.assign(item.outcome, {
        status: 'failed',
        reason: `${item.path}：写入失败（${(error as Error).message.split('\n')[0]}），没有留下半成品文件`,
      });
    }
    return;
  }
  if (written.status === 'exists' || written.status === 'unchanged') {
    group.forEach((item) => Object.assign(item.outcome, { status: written.status, entry: written.entryPath }));
    return;
  }
  primary.outcome.status = plan.todos.length > 0 ? 'needs-review' : 'imported';
  primary.outcome.entry = entryPath;
  primary.outcome.original = written.originalPath;
  primary.outcome.replaced = written.status === 'replaced';
  for (const item of rest) {
    const kept = also.find((a) => a.sha256 === item.sha256);
    Object.assign(item.outcome, {
      status: 'merged',
      entry: entryPath,
      original: kept ? join(project, kept.file) : written.originalPath,
    });
  }
}

/** Text as compared between two files of one document: no spaces, Markdown marks or table rules. */
const comparable = (text: string) => text.replace(/[\s\\|#*-]+/gu, '');

/**
 * Whether the entry at `entryPath` was imported from a file with the same text as `item`: the same
 * document in another format. Its archived original is read again and compared with `item` as the
 * extractor sees them (normalised, spaces and table rules aside). An entry whose original is not in the
 * archive, or a file with other text anywhere (even in a blank form the body leaves out), is not the
 * same document: it is `exists`, replaced only with `--force`.
 */
async function sameDocument(entryPath: string, item: Planned, options: ImportOptions): Promise<boolean> {
  if (!existsSync(entryPath)) return false;
  const { data } = splitFrontmatter(readFileSync(entryPath, 'utf8'));
  const file = (data.source as { file?: unknown } | undefined)?.file;
  if (typeof file !== 'string' || file === '') return false;
  const original = join(dirname(options.contentDir), file);
  try {
    const source = await readSource(original, readSourceBytes(original));
    const { normalised } = extractSource(source, { path: original, context: options.context });
    return comparable(normalised.value) === comparable(item.text);
  } catch (error) {
    if (error instanceof SourceError) return false;
    throw error;
  }
}

/**
 * Archive `items` as further originals of the entry at `entryPath` and list them in its `source.also`,
 * changing nothing else of the entry (the frontmatter is edited as a YAML document, keeping its layout
 * and comments). Everything is written to temporary names first, so a failure leaves nothing behind.
 */
function addOriginals(entryPath: string, items: Planned[], project: string): void {
  const text = readFileSync(entryPath, 'utf8');
  const match = /^---\r?\n([\s\S]*?\r?\n)---\r?\n/u.exec(text);
  const fail = (reason: string) => {
    for (const item of items) {
      Object.assign(item.outcome, { status: 'failed', entry: entryPath, reason: `${item.path}：${reason}` });
    }
  };
  if (!match) return fail(`${entryPath} 的字段区无法读取，未能把这个文件作为同一文件的另一份原件记入`);
  const document = parseDocument(match[1]!);
  const base = String(document.getIn(['source', 'file']) ?? '');
  const taken = new Set<string>([base]);
  const listed = document.getIn(['source', 'also']);
  for (const entry of isSeq(listed) ? (listed.toJSON() as { file?: string }[]) : []) taken.add(String(entry.file));
  const originals: { file: string; item: Planned }[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.sha256)) continue;
    seen.add(item.sha256);
    const ext =
      extname(item.path)
        .toLowerCase()
        .replace(/[^.a-z0-9]/g, '') || '.txt';
    const stem = base ? base.replace(/\.[^./]+$/u, '') : archiveName(item).replace(/\.[^./]+$/u, '');
    let file = `${stem}${ext}`;
    for (let n = 2; taken.has(file) || existsSync(join(project, file)); n++) file = `${stem}-${n}${ext}`;
    taken.add(file);
    originals.push({ file, item });
  }
  const also = originals.map(({ file, item }) => ({ file, sha256: item.sha256 }));
  if (isSeq(listed)) for (const entry of also) listed.add(document.createNode(entry));
  else document.setIn(['source', 'also'], also);
  const updated = `---\n${document.toString({ lineWidth: 0 })}---\n${text.slice(match[0].length)}`;
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const renamed: string[] = [];
  try {
    for (const { file, item } of originals) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file) + suffix, item.bytes);
    }
    writeFileSync(entryPath + suffix, updated, 'utf8');
    for (const { file } of originals) {
      renameSync(join(project, file) + suffix, join(project, file));
      renamed.push(join(project, file));
    }
    renameSync(entryPath + suffix, entryPath);
  } catch (error) {
    for (const { file } of originals) rmSync(join(project, file) + suffix, { force: true });
    for (const path of renamed) rmSync(path, { force: true });
    rmSync(entryPath + suffix, { force: true });
    return fail(`写入失败（${(error as Error).message.split('\n')[0]}），没有留下半成品文件`);
  }
  for (const item of items) {
    const kept = originals.find((o) => o.item.sha256 === item.sha256)!;
    Object.assign(item.outcome, { status: 'merged', entry: entryPath, original: join(project, kept.file) });
  }
}

/** Where an original is archived: beside its entry's name, with its own extension. */
function archiveName(item: Planned): string {
  const ext =
    extname(item.path)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '') || '.txt';
  return `archive/originals/${item.plan.collection}/${item.plan.year}/${item.plan.slug}.original${ext}`;
}

/** The report as CSV (RFC 4180, with a byte-order mark so that Excel reads the Chinese). */
export function reportCsv(run: ImportRun, shown: (path: string) => string = (p) => p): string {
  const header = ['文件', 'sha256', '格式', '结果', '条目', '读出的信息', '待填写', '提示', '未导入原因'];
  const STATUS: Readonly<Record<ImportStatus, string>> = {
    imported: '已导入',
    'needs-review': '已导入，待填写',
    merged: '并入同一文件的条目',
    unchanged: '未变（已导入过）',
    exists: '未导入（条目已存在）',
    refused: '未导入',
    failed: '未导入（出错）',
  };
  const cell = (value: string) => (/[",\n\r]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value);
  const rows = run.outcomes.map((o) =>
    [
      shown(o.path),
      o.sha256 ?? '',
      o.scan ? 'pdf（扫描件）' : o.kind,
      STATUS[o.status],
      o.entry ? shown(o.entry) : '',
      o.facts.join('；'),
      o.todos.join('；'),
      o.diagnostics.join('；'),
      o.reason ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return '\uFEFF' + [header.join(','), ...rows].join('\r\n') + '\r\n';
}
