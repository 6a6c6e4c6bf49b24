/**
 * Templates for new entries, with every field an editor may fill in.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { slugify } from '../lib/slug.ts';

export const ENTRY_KINDS = ['announcement', 'roll', 'deed'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const COLLECTION_OF: Record<EntryKind, string> = {
  announcement: 'announcements',
  roll: 'rolls',
  deed: 'deeds',
};

export interface ScaffoldOptions {
  root: string;
  kind: EntryKind;
  title: string;
  year: number;
  slug?: string;
  force?: boolean;
  today?: string;
}

/** The placeholder entry id in a template (`待填写` in pinyin): a valid id that names no entry. */
export const TODO_ID = 'dai-tian-xie';

export type ScaffoldResult = { ok: true; path: string } | { ok: false; message: string };

export function templateFor(kind: EntryKind, title: string, year: number, today: string): string {
  const TODO = '待填写';
  const frontmatter: Record<EntryKind, Record<string, unknown>> = {
    announcement: {
      kind: 'notice',
      title,
      docNumber: `${TODO}〔${year}〕1号`,
      issuer: TODO,
      date: today,
      recipients: [TODO],
      evaluationYear: year - 1,
      categories: [{ name: '先进个人', quota: 10, subjectType: 'person' }],
      wordLimits: [{ limit: 1000, kind: 'max', appliesTo: '事迹材料' }],
      deadline: today,
      attachments: [],
      publicity: '此件公开发布',
    },
    roll: {
      title,
      issuer: TODO,
      year,
      date: today,
      categories: [{ name: '先进个人', subjectType: 'person', awardees: [{ name: TODO, unit: TODO }] }],
    },
    deed: {
      title,
      subject: { name: TODO, type: 'person' },
      unit: TODO,
      honours: [],
      year,
      roll: `${year}/${TODO_ID}`,
      announcement: `${year}/${TODO_ID}`,
      photos: [],
    },
  };
  const body: Record<EntryKind, string> = {
    announcement: '各有关单位：\n\n（正文：按“一、（一）1.”分级写明评选范围、条件、名额和程序。）\n',
    roll: '（名单说明，可省略。）\n',
    deed: '（事迹正文：写清做了什么、效果如何，用事实和数字说话。）\n',
  };
  // An id the schema accepts but no entry has, so that `deeds check` points at the line until it is filled in.
  const yaml = stringify(frontmatter[kind], { lineWidth: 0 })
    .replace(
      /^roll: .*$/mu,
      (line) => `${line} # ${TODO}：表彰名单编号，如 ${year}/shi-${year - 1}-xianjin-mingdan；没有就删去这一行`,
    )
    .replace(
      /^announcement: .*$/mu,
      (line) =>
        `${line} # ${TODO}：评选通知编号，如 ${year - 1}/shi-${year - 1}-pingxuan-tongzhi（通知的字数要求随之适用）；没有就删去这一行`,
    );
  // The summary is optional: offered as a comment, so that an unwritten one falls back to the first sentence.
  const withSummary =
    kind === 'deed'
      ? yaml.replace(
          /^year: .*$/mu,
          (line) => `${line}\n# summary: 一句话摘要（表彰理由），最多 100 字；不写时页面取正文第一句`,
        )
      : yaml;
  return `---\n${withSummary}---\n\n${body[kind]}`;
}

export function scaffoldEntry(options: ScaffoldOptions): ScaffoldResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const slug = options.slug ?? slugify(options.title);
  if (!/^[0-9a-z][0-9a-z_-]*$/.test(slug)) {
    return { ok: false, message: `文件名“${slug}”只能包含小写字母、数字、- 和 _` };
  }
  const path = join(options.root, 'content', COLLECTION_OF[options.kind], String(options.year), `${slug}.mdx`);
  const rel = relative(options.root, path);
  if (existsSync(path) && !options.force) {
    return { ok: false, message: `${rel} 已存在；要覆盖请加 --force，或用 --slug 换一个文件名` };
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, templateFor(options.kind, options.title, options.year, today), 'utf8');
  renameSync(temporary, path);
  return { ok: true, path: rel };
}
