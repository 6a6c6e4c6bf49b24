import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteContent } from '../site/site-content.ts';
import { absoluteUrl } from '../lib/base-path.ts';
import { siteIdentity } from '../model/site-config.ts';

const KIND = { notice: '评选通知', decision: '表彰决定', publicity: '公示' } as const;

/** Announcements and decisions, newest first. */
export async function GET(_context: APIContext) {
  const { announcements } = await siteContent();
  return rss({
    title: `${siteIdentity().name}：通知公告与表彰决定`,
    description: '评选通知、公示和表彰决定。',
    site: absoluteUrl('/'),
    customData: '<language>zh-cn</language>',
    items: announcements.slice(0, 100).map(({ id, data }) => ({
      title: data.title,
      link: absoluteUrl(`/announcements/${id}/`),
      pubDate: new Date(`${data.date}T00:00:00+08:00`),
      description: `${KIND[data.kind]} · ${data.issuer}${data.docNumber ? ` · ${data.docNumber}` : ''}`,
      categories: [KIND[data.kind], data.issuer],
    })),
  });
}
