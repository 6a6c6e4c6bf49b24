// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import atomicOutput from './src/integrations/atomic-output.ts';
import { traditionalVariant } from './src/integrations/traditional-variant.ts';
import pagefindSearch from './src/integrations/pagefind.ts';
import precompress from './src/integrations/precompress.ts';
import ogImages from './src/integrations/og-images/index.ts';
import { loadSite, formatSiteProblems, siteAddress } from './src/model/site-config.ts';

// The site's address, in one place: `DEEDS_SITE_URL` at build time, else `url` in content/site.yaml,
// else the demo's. Its path is the base every link is built under (`withBase`, src/lib/base-path.ts).
//   DEEDS_SITE_URL=https://wjw.example.gov.cn/honours/ npm run build
const identity = loadSite(fileURLToPath(new URL('./content', import.meta.url)));
if (identity.problems.length > 0) throw new Error(`content/site.yaml 有误：\n${formatSiteProblems(identity.problems)}`);
const address = siteAddress(process.env, identity.site?.url);

// The 繁體 variant runs before search (so both scripts are indexed) and before the sitemap (which lists its pages).
const traditional = traditionalVariant();

export default defineConfig({
  site: address.site,
  base: address.base,
  trailingSlash: 'always',
  // Stylesheets as files: cached across pages and allowed by the CSP's style-src 'self'.
  // Four pages in flight: one renders while the others' files are written. With one (the default)
  // the main thread waits on every write. 10,000 deeds (20,324 pages), interleaved builds: 31–39 s
  // against 39 s to over a minute, at the same peak memory (README → Benchmarks).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // A Content-Security-Policy <meta> in every page; Astro hashes the scripts and styles it emits.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Content is rendered by the project's own pipeline; Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // The same address for src/lib/base-path.ts (withBase, absoluteUrl), in pages and browser scripts.
  vite: { define: { __DEEDS_BASE__: JSON.stringify(address.base), __DEEDS_SITE__: JSON.stringify(address.site) } },
  srcDir: './src',
  devToolbar: { enabled: false },
  // Pages whose `cacheKey` (the digest of what they show, src/site/page-inputs.ts) is unchanged are not
  // rendered again: docs/architecture.md → Incremental builds.
  experimental: { incrementalBuild: true },
  // ogImages draws the share pictures the pages asked for (off with DEEDS_OG_IMAGES=0).
  // precompress writes .gz/.br twins of the finished files (off with DEEDS_PRECOMPRESS=0), so it runs after
  // every integration that writes files; atomicOutput must stay last: it swaps the finished site into place.
  integrations: [
    ogImages(),
    traditional,
    pagefindSearch(),
    sitemap({ customPages: traditional.sitemapPages, filter: (page) => !/\/404\/?(?:\.html)?$/.test(page) }),
    precompress(),
    atomicOutput(),
  ],
});
