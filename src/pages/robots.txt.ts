import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/base-path.ts';

/**
 * `robots.txt` with the sitemap's full address (under the base path). Under a base path it is
 * for the host's own `robots.txt` to adopt: crawlers read only the one at the root of a domain.
 */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
