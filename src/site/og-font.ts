/**
 * The Chinese font the share pictures (og:image) are drawn with: found once per process, by
 * fontconfig (`fc-list :lang=zh`) where it is installed, else by its file in the usual font folders.
 * `DEEDS_OG_FONT` names a family to use instead (`思源黑体`, `Noto Sans CJK SC`). No font: no pictures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface OgFont {
  /** The family name the SVG asks for: `Noto Sans CJK SC`. */
  family: string;
  /** Its file, when known: part of each picture's digest, so that another font draws them anew. */
  file?: string | undefined;
}

/** Families in order of preference: sans-serif first, as a picture is read small. */
const PREFERRED = [
  /Noto Sans CJK SC/,
  /Source Han Sans (SC|CN)/,
  /Noto Sans SC/,
  /WenQuanYi (Zen|Micro) Hei/,
  /Noto Serif CJK SC/,
  /Source Han Serif (SC|CN)/,
];
const FILES: readonly [RegExp, string][] = [
  [/^NotoSansCJK-(Regular|Bold)\.tt[cf]$/, 'Noto Sans CJK SC'],
  [/^SourceHanSans(SC|CN)?-(Regular|Bold)\.[ot]t[fc]$/, 'Source Han Sans SC'],
  [/^wqy-(zenhei|microhei)\.ttc$/, 'WenQuanYi Zen Hei'],
  [/^NotoSerifCJK-(Regular|Bold)\.tt[cf]$/, 'Noto Serif CJK SC'],
];
const FOLDERS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.local/share/fonts'),
  join(homedir(), '.fonts'),
];

/** Where to look: fontconfig's listing (`fc-list :lang=zh family file`) and font folders. Tests give their own. */
export interface FontSearch {
  fcList: () => string | undefined;
  folders: readonly string[];
}

const SYSTEM: FontSearch = {
  fcList: () => {
    const result = spawnSync('fc-list', [':lang=zh', 'family', 'file'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout : undefined;
  },
  folders: FOLDERS,
};

let found: OgFont | null | undefined;

export function findOgFont(env: NodeJS.ProcessEnv = process.env, search?: FontSearch): OgFont | undefined {
  if (env.DEEDS_OG_FONT) return { family: env.DEEDS_OG_FONT };
  if (search) return fromFontconfig(search.fcList()) ?? fromFolders(search.folders);
  if (found === undefined) found = fromFontconfig(SYSTEM.fcList()) ?? fromFolders(SYSTEM.folders) ?? null;
  return found ?? undefined;
}

function fromFontconfig(listing: string | undefined): OgFont | undefined {
  if (!listing) return undefined;
  const fonts = listing
    .split('\n')
    .map((line) => /^(.+?):\s*(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[1]!, families: m[2]!.split(',') }));
  for (const preferred of PREFERRED)
    for (const font of fonts) {
      const family = font.families.find((f) => preferred.test(f));
      if (family) return { family, file: font.file };
    }
  return undefined;
}

function fromFolders(folders: readonly string[]): OgFont | undefined {
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const match = FILES.find(([pattern]) => pattern.test(entry.name));
      if (match) return { family: match[1], file: join(entry.parentPath, entry.name) };
    }
  }
  return undefined;
}

/** What identifies the font for a digest: family, file, size and time. */
export function fontKey(font: OgFont): string {
  if (!font.file) return font.family;
  try {
    const stat = statSync(font.file);
    return `${font.family}|${font.file}|${stat.size}|${stat.mtimeMs}`;
  } catch {
    return `${font.family}|${font.file}`;
  }
}
