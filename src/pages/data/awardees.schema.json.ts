import type { APIRoute } from 'astro';
import { awardeesJsonSchema } from '../../site/open-data.ts';
import { absoluteUrl } from '../../lib/base-path.ts';

/** The schema `/data/awardees.json` names in its `$schema`. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(awardeesJsonSchema(absoluteUrl('/data/awardees.schema.json')), null, 1), {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
