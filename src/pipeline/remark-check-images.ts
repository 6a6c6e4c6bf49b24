/**
 * Rule `images`: every photo says what it shows and exists. A photo without alt text or
 * caption (图片说明) is a warning; a missing image file is an error; an image from another site
 * is an error (pages load nothing from other origins).
 *
 *   ![](./photo-1.jpg)   →   warning: 图片没有说明文字…
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { indexTree, placeOf, report, type FrontmatterCheck } from './check-helpers.ts';

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

export function remarkCheckImages() {
  return (tree: Root, file: VFile) => {
    for (const node of indexTree(tree).images) {
      const place = placeOf(node);
      if (isRemote(node.url)) {
        report(
          file,
          `图片引用了外站地址“${node.url}”：网站不从其他站点加载内容；请把图片下载后放在本文旁边，用相对路径引用`,
          {
            place,
            ruleId: 'images',
            fatal: true,
          },
        );
        continue;
      }
      if (!node.alt || node.alt.trim() === '') {
        report(file, `图片“${node.url}”没有说明文字：看不到图片的读者需要它；请写成 ![图片内容的说明](${node.url})`, {
          place,
          ruleId: 'images',
          fatal: false,
        });
      }
      const path = file.path ? safeLocalPath(file, node.url) : undefined;
      if (path && !existsSync(path)) {
        report(file, `找不到图片文件“${node.url}”：请把图片放在本文同一文件夹，或改正文件名`, {
          place,
          ruleId: 'images',
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
      report(file, `第 ${index + 1} 张图片没有图片说明（caption）：请写明时间、地点、人物和事件`, {
        place: locate(['photos', index]),
        ruleId: 'images',
        fatal: false,
      });
    }
    if (!src) return;
    if (isRemote(src)) {
      report(file, `第 ${index + 1} 张图片引用了外站地址“${src}”：请把图片下载后放在本文旁边，用相对路径引用`, {
        place: locate(['photos', index, 'src']),
        ruleId: 'images',
        fatal: true,
      });
      return;
    }
    const path = file.path ? safeLocalPath(file, src) : undefined;
    if (path && !existsSync(path)) {
      report(file, `找不到第 ${index + 1} 张图片的文件“${src}”：请把图片放在本文同一文件夹，或改正 src`, {
        place: locate(['photos', index, 'src']),
        ruleId: 'images',
        fatal: true,
      });
    }
  });
};
