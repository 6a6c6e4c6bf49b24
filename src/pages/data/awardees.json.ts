import type { APIRoute } from 'astro';
import { siteContent } from '../../lib/site-content.ts';
import { awardeeRows } from '../../lib/open-data.ts';
import { SITE_URL } from '../../lib/json-ld.ts';

export const GET: APIRoute = async () => {
  const { index } = await siteContent();
  const awardees = awardeeRows(index);
  const body = {
    $schema: `${SITE_URL}/data/awardees.schema.json`,
    generated: index.today,
    count: awardees.length,
    awardees,
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
