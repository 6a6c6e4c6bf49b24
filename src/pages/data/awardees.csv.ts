import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { AWARDEE_COLUMNS, awardeeRows, toCsv } from '../../site/open-data.ts';

export const GET: APIRoute = async () => {
  const { index } = await siteContent();
  return new Response(toCsv(AWARDEE_COLUMNS, awardeeRows(index)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
