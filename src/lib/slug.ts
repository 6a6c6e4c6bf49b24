/**
 * File names and URL slugs from Chinese titles and names, in toneless pinyin:
 *
 *   slugify('关于开展2022年度先进个人评选的通知')  →  'guanyu-kaizhan-2022-niandu-xianjin-geren-pingxuan-de-tongzhi'
 */
import { pinyin } from 'pinyin-pro';

/** Words are joined without hyphens between their syllables; maximum length keeps paths short. */
export function slugify(text: string, maxLength = 60): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= maxLength) return slug || 'untitled';
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength).replace(/-$/, '');
}
