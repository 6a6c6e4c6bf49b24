/**
 * `deeds init`: turn a checkout of the demo into an issuer's own, empty site. The demo's files are
 * known by path and SHA-256 (`demo-content.json`, beside this file): only files that are exactly
 * the demo's are ever deleted, and anything else in `content/` stops the command.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { formatSiteProblems, parseSite } from './site-config.ts';

export const DEMO_MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), 'demo-content.json');

export interface DemoFile {
  /** Path relative to the project root, with `/`: `content/deeds/2024/sun-ming.mdx`. */
  path: string;
  sha256: string;
}

/** Files an operating system leaves in folders; neither demo nor the issuer's content. */
const IGNORED = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function readDemoManifest(file = DEMO_MANIFEST_PATH): DemoFile[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { files: DemoFile[] }).files;
}

/** Every file under `root/content`, relative to `root` with `/`, sorted. */
export function contentFiles(root: string): string[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !IGNORED.has(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The manifest of the demo as it is in `root/content` now (for maintainers, when the demo changes). */
export function demoManifestOf(root: string): { files: DemoFile[] } {
  return {
    files: contentFiles(root).map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) })),
  };
}

export type DemoSurvey =
  { ok: true; demo: string[] } | { ok: false; foreign: string; reason: 'changed' | 'unknown'; foreignCount: number };

/** Which of `root/content`'s files are the demo's; the first that is not, if any. */
export function surveyContent(root: string, manifest: readonly DemoFile[] = readDemoManifest()): DemoSurvey {
  const known = new Map(manifest.map((file) => [file.path, file.sha256]));
  const demo: string[] = [];
  const foreign: { path: string; reason: 'changed' | 'unknown' }[] = [];
  for (const path of contentFiles(root)) {
    const hash = known.get(path);
    if (hash === undefined) foreign.push({ path, reason: 'unknown' });
    else if (hash !== sha256(readFileSync(join(root, path)))) foreign.push({ path, reason: 'changed' });
    else demo.push(path);
  }
  if (foreign.length > 0)
    return { ok: false, foreign: foreign[0]!.path, reason: foreign[0]!.reason, foreignCount: foreign.length };
  return { ok: true, demo };
}

export interface SiteFields {
  /** 主办单位. */
  publisher: string;
  /** The published address; its path is the base path. */
  url: string;
  /** The site's name; default `卫生健康先进事迹`. */
  name?: string;
}

export const DEFAULT_SITE_NAME = '卫生健康先进事迹';

/** A full address with a trailing slash, or an error message in Chinese. */
export function normaliseSiteUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message: `网站地址“${raw}”不是完整网址，应写成 https://wjw.example.gov.cn/honours/ 这样的形式`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `网站地址“${raw}”应以 http:// 或 https:// 开头` };
  }
  if (url.search || url.hash) return { ok: false, message: `网站地址“${raw}”不应带 ? 或 # 部分` };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.origin}${path}` };
}

/** The text of a new `content/site.yaml`: the fields given, the optional ones as comments. */
export function siteYaml(fields: SiteFields): string {
  const data = {
    name: fields.name ?? DEFAULT_SITE_NAME,
    publisher: fields.publisher,
    url: fields.url,
    license: { name: '保留所有权利' },
  };
  return [
    '# 站点信息：站点名称、主办单位、网站地址和页脚须显示的备案信息。字段说明见 README（编辑指南）。',
    '# 网站地址的路径部分即站点所在路径（如 https://wjw.example.gov.cn/honours/ 的 /honours/）；',
    '# 构建时也可用 DEEDS_SITE_URL 临时指定。',
    '',
    stringify(data, { lineWidth: 0 }).trimEnd(),
    '',
    '# 以下字段按需填写（去掉行首的 # 即可）：',
    '# contact: 联系电话 0000-00000000',
    '# site_code: "0000000000"        # 网站标识码，10 位',
    '# icp:',
    '#   number: 某ICP备00000000号',
    '# police:',
    '#   number: 某公网安备00000000000000号',
    '# logo: /logo.svg                # public/ 下的图片',
    '# notice: 页脚提示语（一行）',
    '',
  ].join('\n');
}

export const EMPTY_UNITS_YAML = [
  '# 单位名录：发文机关和单位，连同其简称、别称。名单、事迹材料中的单位名称应与 name 一致。',
  '# 每项的写法：',
  '# - id: shi-weijianwei',
  '#   name: 某市卫生健康委员会',
  '#   aliases: [某市卫健委, 市卫健委]',
  '#   type: issuer',
  '[]',
  '',
].join('\n');

export const EMPTY_GLOSSARY_YAML = [
  '# 受保护词表：繁简转换时按此处写法处理的人名、地名。',
  '# 每项的写法：',
  '# - simplified: 钟乾',
  '#   traditional: 鍾乾',
  '#   type: person',
  '#   note: “乾”不可转为“干”。',
  '[]',
  '',
].join('\n');

export interface InitResult {
  removed: string[];
  written: string[];
}

/**
 * Delete the demo's files (as surveyed) and their emptied folders, then write `content/site.yaml`
 * and empty registries. Throws if the site fields do not pass the site schema.
 */
export function initSite(root: string, demo: readonly string[], fields: SiteFields): InitResult {
  const site = siteYaml(fields);
  const checked = parseSite(site, 'content/site.yaml');
  if (checked.problems.length > 0) throw new Error(formatSiteProblems(checked.problems));
  for (const path of demo) rmSync(join(root, path), { force: true });
  removeEmptyFolders(join(root, 'content'));
  mkdirSync(join(root, 'content'), { recursive: true });
  const written: [string, string][] = [
    ['content/site.yaml', site],
    ['content/units.yaml', EMPTY_UNITS_YAML],
    ['content/glossary.yaml', EMPTY_GLOSSARY_YAML],
  ];
  for (const [path, text] of written) writeFileSync(join(root, path), text);
  return { removed: [...demo], written: written.map(([path]) => path) };
}

/** Remove the folders under `dir` that hold nothing (deepest first); `dir` itself stays. */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = join(dir, entry.name);
    removeEmptyFolders(child);
    if (readdirSync(child).length === 0) rmdirSync(child);
  }
}
