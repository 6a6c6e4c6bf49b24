import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { dataPublisher, type AnnouncementRecord } from '../../site/open-data.ts';
import { absoluteUrl } from '../../lib/base-path.ts';
import { siteIdentity } from '../../model/site-config.ts';

export const GET: APIRoute = async () => {
  const { announcements, index } = await siteContent();
  const records: AnnouncementRecord[] = announcements.map(({ id, data }) => {
    const status = index.statuses.get(id);
    return {
      id,
      url: absoluteUrl(`/announcements/${id}/`),
      kind: data.kind,
      title: data.title,
      docNumber: data.docNumber ?? null,
      issuer: data.issuer,
      date: data.date,
      evaluationYear: data.evaluationYear ?? null,
      deadline: data.deadline ?? null,
      status: status?.kind ?? null,
      statusLabel: status?.label ?? null,
      publicityPeriod: data.publicityPeriod
        ? {
            start: data.publicityPeriod.start,
            end: data.publicityPeriod.end,
            contact: data.publicityPeriod.contact ?? null,
          }
        : null,
      notice: data.notice ?? null,
      categories: data.categories.map((c) => ({ name: c.name, quota: c.quota ?? null, subjectType: c.subjectType })),
      rolls: index.rollsByDecision.get(id) ?? [],
    };
  });
  const body = {
    site: dataPublisher(siteIdentity()),
    generated: index.today,
    count: records.length,
    announcements: records,
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
