import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { awardeeRows, dataPublisher } from '../../site/open-data.ts';
import { absoluteUrl } from '../../lib/base-path.ts';
import { siteIdentity } from '../../model/site-config.ts';

export const GET: APIRoute = async () => {
  const { index } = await siteContent();
  const awardees = awardeeRows(index);
  const body = {
    $schema: absoluteUrl('/data/awardees.schema.json'),
    site: dataPublisher(siteIdentity()),
    generated: index.today,
    count: awardees.length,
    awardees,
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
