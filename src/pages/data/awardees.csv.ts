import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { summaryOf } from '../../lib/deed-summary.ts';
import { AWARDEE_COLUMNS, awardeeRows, toCsv } from '../../site/open-data.ts';

export const GET: APIRoute = async () => {
  const { index, deedById } = await siteContent();
  const summary = (id: string) => {
    const deed = deedById.get(id);
    return deed ? summaryOf(deed) : undefined;
  };
  return new Response(toCsv(AWARDEE_COLUMNS, awardeeRows(index, summary)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
