/**
 * Links under the site's base path: the one helper every page link, asset, form action and
 * absolute URL goes through. Paths inside the site are written from its root (`/rolls/2023/x/`);
 * these functions place them under the base Astro was built with (`base` in astro.config.mjs,
 * from `DEEDS_SITE_URL`):
 *
 *   withBase('/rolls/')       → '/honours/rolls/'
 *   absoluteUrl('/rolls/')    → 'https://wjw.example.gov.cn/honours/rolls/'
 *   sitePath('/honours/rolls/') → '/rolls/'
 */

/** The demo's address, used when neither `DEEDS_SITE_URL` nor `content/site.yaml` gives one. */
export const DEFAULT_SITE_URL = 'https://honours.example.gov.cn/';

// Set by astro.config.mjs (`vite.define`) from the same address as Astro's `site` and `base`,
// replaced in the build's server and browser code alike. (`import.meta.env.BASE_URL` is not used:
// while pages render it can be read from a `BASE_URL` in the environment.) Outside a build
// (tests, scripts run by tsx) they are undefined: the demo's address at the root.
declare const __DEEDS_BASE__: string | undefined;
declare const __DEEDS_SITE__: string | undefined;

/** The base path with a trailing slash: `/` or `/honours/`. */
export const BASE = normaliseBase(typeof __DEEDS_BASE__ === 'string' ? __DEEDS_BASE__ : '/');

/** The site's address with its base path and a trailing slash. */
export const SITE = new URL(BASE, typeof __DEEDS_SITE__ === 'string' ? __DEEDS_SITE__ : DEFAULT_SITE_URL).href;

export function normaliseBase(base: string): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/** A root-relative site path under the base path; anything else (`https:`, `#x`, `mailto:`) as it is. */
export function withBase(path: string, base = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  if (base === '/') return path;
  return `${base}${path.slice(1)}`;
}

/** The full URL of a site path: `https://…/honours/rolls/`. */
export function absoluteUrl(path: string, site = SITE): string {
  return new URL(withBase(path, new URL(site).pathname), site).href;
}

/** The site path of a URL path under the base: `/honours/rolls/` → `/rolls/`; outside it, as it is. */
export function sitePath(pathname: string, base = BASE): string {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
}
