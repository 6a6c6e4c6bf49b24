/**
 * Rule `images`: every photo says what it shows and exists. A photo without alt text or
 * caption (图片说明) is a warning; a missing image file is an error; an image from another site
 * is an error (pages load nothing from other origins).
 *
 *   ![](./photo-1.jpg)   →   warning: 图片没有说明文字…
 */
import { existsSync, lstatSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { indexTree, placeOf, report, type FrontmatterCheck, type FrontmatterInput } from '../helpers.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'images',
  description: '图片有替代文字和图片说明，图片文件存在，不引用外站图片',
  fix: '补写说明；把图片放在本文旁边，用相对路径引用',
  severity: 'default',
  examples: [
    { body: '![](https://cdn.example.com/photo.jpg)\n', message: '外站地址' },
    {
      frontmatter: {
        photos: [{ src: 'https://cdn.example.com/a.jpg', alt: '义诊现场', caption: '2023年3月，义诊现场' }],
      },
      message: '引用了外站地址',
    },
  ],
});

/** Whether `src` points at another site (`https://…`, `//cdn…`). */
export function isRemote(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src.trim());
}

/** The image's file, relative to the content file; `undefined` for a site path (`/images/…`). */
function localPath(file: VFile, src: string): string | undefined {
  const clean = decodeURI(src.split(/[?#]/)[0] ?? '');
  if (clean.startsWith('/')) return undefined;
  return resolve(file.cwd, dirname(file.path || '.'), clean);
}

function safeLocalPath(file: VFile, src: string): string | undefined {
  try {
    return localPath(file, src);
  } catch {
    return undefined;
  }
}

/**
 * Why the image file `src` of `file` must not be read, if it must not: a symbolic link (to a file
 * outside `content/`, or anywhere: its target is never read), a folder on the way that is a link, a
 * path that leaves `content/`, or something other than a plain file (a device, a pipe). Only `lstat`
 * is used: nothing of the file is read. A missing file is the `images` rule's to report.
 */
export function unsafeImageFile(file: VFile, src: string): 'symlink' | 'outside' | 'not-file' | undefined {
  if (!file.path || isRemote(src)) return undefined;
  const path = safeLocalPath(file, src);
  if (!path) return undefined;
  const documentPath = resolve(file.cwd, file.path);
  // Within a project, photos live under content/; a file checked elsewhere is bounded by its own folder.
  const fromRoot = relative(file.cwd, documentPath).split(sep);
  const contentDir = fromRoot[0] === 'content' && fromRoot.length > 1 ? resolve(file.cwd, 'content') : undefined;
  const bound = contentDir ?? dirname(documentPath);
  const rel = relative(bound, path);
  const outside = rel === '' || rel.startsWith('..') || isAbsolute(rel);
  if (outside && contentDir) return 'outside';
  let stat: Stats | undefined;
  if (outside) {
    stat = lstatOrUndefined(path);
  } else {
    // Each step from the bound down, so that a linked folder is caught as well as a linked file.
    let at = bound;
    for (const part of rel.split(sep)) {
      at = join(at, part);
      stat = lstatOrUndefined(at);
      if (!stat) return undefined;
      if (stat.isSymbolicLink()) return 'symlink';
    }
  }
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) return 'symlink';
  return stat.isFile() ? undefined : 'not-file';
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const UNSAFE_REASONS = {
  symlink: '是符号链接，出于安全不予读取；请把图片文件本身（不是链接）放在本文旁边',
  outside: '在 content/ 以外，出于安全不予读取；请把图片放在本文旁边，用相对路径引用',
  'not-file': '不是普通文件（目录、设备或管道），无法作为图片；请换成图片文件',
} as const;

/**
 * A deed's photos that must not be read (`unsafeImageFile`), reported as errors under rule `symlink`,
 * which cannot be switched off: the build gives these files to the image pipeline, which reads them.
 */
export function checkPhotoFiles({ file, data, locate, collection }: FrontmatterInput): void {
  if (collection !== 'deeds' || !Array.isArray(data.photos)) return;
  (data.photos as unknown[]).forEach((photo, index) => {
    const src = photo && typeof photo === 'object' ? (photo as Record<string, unknown>).src : undefined;
    if (typeof src !== 'string') return;
    const unsafe = unsafeImageFile(file, src);
    if (!unsafe) return;
    report(file, `第 ${index + 1} 张图片的文件“${src}”${UNSAFE_REASONS[unsafe]}`, {
      place: locate(['photos', index, 'src']),
      ruleId: 'symlink',
      fatal: true,
    });
  });
}

export function remarkCheckImages() {
  return (tree: Root, file: VFile) => {
    for (const node of indexTree(tree).images) {
      const place = placeOf(node);
      if (isRemote(node.url)) {
        rule.report(
          file,
          `图片引用了外站地址“${node.url}”：网站不从其他站点加载内容；请把图片下载后放在本文旁边，用相对路径引用`,
          {
            place,
            fatal: true,
          },
        );
        continue;
      }
      if (!node.alt || node.alt.trim() === '') {
        rule.report(
          file,
          `图片“${node.url}”没有说明文字：看不到图片的读者需要它；请写成 ![图片内容的说明](${node.url})`,
          {
            place,
            fatal: false,
          },
        );
      }
      const unsafe = unsafeImageFile(file, node.url);
      if (unsafe) {
        report(file, `图片“${node.url}”${UNSAFE_REASONS[unsafe]}`, { place, ruleId: 'symlink', fatal: true });
        continue;
      }
      const path = file.path ? safeLocalPath(file, node.url) : undefined;
      if (path && !existsSync(path)) {
        rule.report(file, `找不到图片文件“${node.url}”：请把图片放在本文同一文件夹，或改正文件名`, {
          place,
          fatal: true,
        });
      }
    }
  };
}

export const checkImagesFrontmatter: FrontmatterCheck = ({ file, data, locate, collection }) => {
  if (collection !== 'deeds' || !Array.isArray(data.photos)) return;
  (data.photos as Array<Record<string, unknown>>).forEach((photo, index) => {
    if (!photo || typeof photo !== 'object') return;
    const src = typeof photo.src === 'string' ? photo.src : undefined;
    if (typeof photo.caption !== 'string' || photo.caption.trim() === '') {
      rule.report(file, `第 ${index + 1} 张图片没有图片说明（caption）：请写明时间、地点、人物和事件`, {
        place: locate(['photos', index]),
        fatal: false,
      });
    }
    if (!src) return;
    if (isRemote(src)) {
      rule.report(file, `第 ${index + 1} 张图片引用了外站地址“${src}”：请把图片下载后放在本文旁边，用相对路径引用`, {
        place: locate(['photos', index, 'src']),
        fatal: true,
      });
      return;
    }
    // Links and files outside content/ are reported by `checkPhotoFiles`, which always runs.
    if (unsafeImageFile(file, src)) return;
    const path = file.path ? safeLocalPath(file, src) : undefined;
    if (path && !existsSync(path)) {
      rule.report(file, `找不到第 ${index + 1} 张图片的文件“${src}”：请把图片放在本文同一文件夹，或改正 src`, {
        place: locate(['photos', index, 'src']),
        fatal: true,
      });
    }
  });
};
