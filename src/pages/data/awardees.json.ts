import type { APIRoute } from 'astro';
import { siteContent } from '../../site/site-content.ts';
import { summaryOf } from '../../lib/deed-summary.ts';
import { awardeeRows, dataPublisher } from '../../site/open-data.ts';
import { absoluteUrl } from '../../lib/base-path.ts';
import { siteIdentity } from '../../model/site-config.ts';

export const GET: APIRoute = async () => {
  const { index, deedById } = await siteContent();
  const summary = (id: string) => {
    const deed = deedById.get(id);
    return deed ? summaryOf(deed) : undefined;
  };
  const awardees = awardeeRows(index, summary);
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
