/** Content-Security-Policy, no inline script except hashed, and no personal data in dist/. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildBasePathSite, buildSite } from '../helpers/site.ts';
import { listFiles, pages, type Page } from './dist.ts';

function csp(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

// Once on the demo as built by default, once built under a base path (`DEEDS_SITE_URL=…/honours/`).
describe.each([
  ['at the root', buildSite],
  ['under a base path', buildBasePathSite],
])('built %s', (_where, build) => {
  let dir = '';
  let all: Page[] = [];

  beforeAll(async () => {
    dir = (await build()).dir;
    all = pages(dir);
  });

  describe('Content-Security-Policy', () => {
    test('every page has one that allows only this origin', () => {
      for (const p of all) {
        const policy = csp(p.html);
        expect(policy.get('default-src'), p.url).toEqual(["'self'"]);
        expect(policy.get('object-src'), p.url).toEqual(["'none'"]);
        expect(policy.get('base-uri'), p.url).toEqual(["'self'"]);
        for (const [name, values] of policy) {
          for (const value of values) {
            expect(value, `${p.url} ${name}`).not.toMatch(/^'unsafe-inline'$|^'unsafe-eval'$|^https?:|^\*$/);
          }
        }
      }
    });

    test('inline scripts are data blocks or hashed in the policy', () => {
      for (const p of all) {
        const hashes = csp(p.html).get('script-src') ?? [];
        for (const match of p.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const attributes = match[1]!;
          if (/\ssrc=/.test(attributes) || /type="application\/ld\+json"/.test(attributes)) continue;
          const hash = `'sha256-${createHash('sha256').update(match[2]!).digest('base64')}'`;
          expect(hashes, p.url).toContain(hash);
        }
      }
    });

    test('no event-handler attributes and no javascript: URLs', () => {
      for (const p of all) {
        expect(p.html, p.url).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
        expect(p.html, p.url).not.toMatch(/(?:href|src|action)="\s*(?:javascript|data|vbscript):/i);
      }
    });
  });

  describe('personal data', () => {
    // Mainland ID numbers (18 digits, last may be X) and mobile numbers (11 digits from 1[3-9]).
    const ID_NUMBER =
      /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/;
    const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;
    const PRIVATE_FIELDS = /身份证号|出生年月|政治面貌|手机号码/;

    test('no ID number, mobile number or private form field in any text file of dist/', () => {
      const files = listFiles(dir).filter((f) => /\.(html|json|csv|xml|ics|txt)$/.test(f));
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) {
        const body = readFileSync(join(dir, file), 'utf8');
        expect(ID_NUMBER.exec(body)?.[0], file).toBeUndefined();
        expect(MOBILE.exec(body)?.[0], file).toBeUndefined();
        expect(PRIVATE_FIELDS.exec(body)?.[0], file).toBeUndefined();
      }
    });
  });
});
