import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { toIcs, type CalendarEvent } from '../../site/open-data.ts';
import { absoluteUrl, SITE } from '../../lib/base-path.ts';
import { siteIdentity } from '../../model/site-config.ts';

/** Every submission deadline and the end of every 公示, past ones included (calendars keep history). */
export const GET: APIRoute = async () => {
  const { announcements, index } = await siteContent();
  const events: CalendarEvent[] = [];
  const host = new URL(SITE).host;
  for (const { id, data } of announcements) {
    const url = absoluteUrl(`/announcements/${id}/`);
    if (data.deadline) {
      events.push({
        uid: `deadline-${id.replace(/\//g, '-')}@${host}`,
        date: data.deadline,
        summary: `材料报送截止：${data.title}`,
        description: `${data.issuer}${data.docNumber ? ` ${data.docNumber}` : ''}。${url}`,
        url,
      });
    }
    if (data.publicityPeriod) {
      events.push({
        uid: `publicity-${id.replace(/\//g, '-')}@${host}`,
        date: data.publicityPeriod.end,
        summary: `公示截止：${data.title}`,
        description: `${data.publicityPeriod.contact ? `异议受理：${data.publicityPeriod.contact}。` : ''}${url}`,
        url,
      });
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  return new Response(toIcs(events, { name: `${siteIdentity().name}：评选截止日期`, stamp: index.today }), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};
