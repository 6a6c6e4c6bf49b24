/**
 * The site's identity, from `content/site.yaml` (schema: `src/model/schemas/site.ts`), and its address.
 *
 *   loadSite('content')   → { site, problems }   (for `deeds check`, the init command, tests)
 *   siteIdentity()        → the site of this project's `content/site.yaml`, or a thrown Chinese error
 *   siteAddress(env)      → { site: 'https://wjw.example.gov.cn/honours/', base: '/honours/' }
 *
 * Problems name the file, line and field, in Chinese, like the registries' (`registries.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteSchema, type Site } from './schemas/site.ts';
import { parseYamlWithPositions, type YamlProblem } from '../lib/yaml-positions.ts';

export type { Site };

import { DEFAULT_SITE_URL } from '../lib/base-path.ts';

export { DEFAULT_SITE_URL };

/** What the site is called when `content/site.yaml` is missing (a fixture site, a fresh checkout). */
const FALLBACK: Site = {
  name: '卫生健康先进事迹',
  publisher: '主办单位未填写',
  license: { name: '保留所有权利' },
  share_images: 'auto',
};

export interface LoadedSite {
  /** The validated site, or undefined when the file is missing or has problems. */
  site: Site | undefined;
  problems: YamlProblem[];
  file: string;
}

const FIELD_NAMES: Record<string, string> = {
  name: '站点名称',
  publisher: '主办单位',
  url: '网站地址',
  contact: '联系方式',
  site_code: '网站标识码',
  icp: 'ICP备案号',
  police: '公安机关备案号',
  license: '内容许可',
  logo: '标志',
  notice: '提示',
  share_images: '分享图片',
};

export function loadSite(contentDir: string): LoadedSite {
  const file = join(contentDir, 'site.yaml');
  if (!existsSync(file)) return { site: undefined, problems: [], file };
  return parseSite(readFileSync(file, 'utf8'), file);
}

/** Validate the text of a `site.yaml`; `file` is only used in the problems. */
export function parseSite(text: string, file: string): LoadedSite {
  const problems: YamlProblem[] = [];
  const { doc, at } = parseYamlWithPositions(text, file, problems);
  if (!doc) return { site: undefined, problems, file };
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: 1, column: 1, message: 'site.yaml 应为“字段: 值”的形式，见 README' });
    return { site: undefined, problems, file };
  }
  const result = SiteSchema.safeParse(data);
  if (result.success) return { site: result.data, problems, file };
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // The nearest node that exists: the field itself, else the object that lacks it.
    let offset = 0;
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
      const pair = n === path.length ? node : undefined;
      const range = (pair ?? node)?.range;
      if (range) {
        offset = range[0]!;
        break;
      }
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      message = `不认识的字段 ${keys.join('、')}（可用字段：${Object.keys(FIELD_NAMES).join('、')}）`;
    }
    const field = path.join('.');
    const label = FIELD_NAMES[path[0] ?? ''];
    problems.push({
      file,
      ...at(offset),
      message: field ? `字段 ${field}${label && !message.includes(label) ? `（${label}）` : ''}：${message}` : message,
    });
  }
  return { site: undefined, problems, file };
}

/** A Chinese message naming the file, line and field of each problem. */
export function formatSiteProblems(problems: readonly YamlProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
}

let memo: Site | undefined;

/**
 * This project's site (`content/site.yaml` under the working directory), read once. A file with
 * problems stops the build with them; a missing file gives a neutral fallback.
 */
export function siteIdentity(contentDir = join(process.cwd(), 'content')): Site {
  if (memo && contentDir === join(process.cwd(), 'content')) return memo;
  const { site, problems, file } = loadSite(contentDir);
  if (problems.length > 0) throw new Error(`站点信息有误（${file}）：\n${formatSiteProblems(problems)}`);
  const result = site ?? FALLBACK;
  if (contentDir === join(process.cwd(), 'content')) memo = result;
  return result;
}

export interface SiteAddress {
  /** The full address with a trailing slash: `https://wjw.example.gov.cn/honours/`. */
  site: string;
  /** Its path, the base of every link: `/honours/` (`/` at the root of a domain). */
  base: string;
}

/**
 * Where the site is published: `DEEDS_SITE_URL` if set, else the `url` of `content/site.yaml`,
 * else the demo's address. The path of the address is the base path.
 */
export function siteAddress(
  env: Record<string, string | undefined> = process.env,
  configured: string | undefined = undefined,
): SiteAddress {
  const raw = env.DEEDS_SITE_URL?.trim() || configured || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`网站地址 ${raw} 不是完整网址：应写成 https://wjw.example.gov.cn/honours/ 这样的形式`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`网站地址 ${raw} 应以 http:// 或 https:// 开头`);
  }
  if (url.search || url.hash) throw new Error(`网站地址 ${raw} 不应带 ? 或 # 部分`);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { site: `${url.origin}${base}`, base };
}
