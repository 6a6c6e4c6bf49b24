/**
 * deploy/nginx.conf, served by a real nginx (Debian's nginx-light) over the built demo: security
 * headers, caching per kind of file, the precompressed files through gzip_static, the 404 page and
 * the /honours/ location. nginx runs as the current user, with its pid, logs and temp files in a
 * temporary folder. Without /usr/sbin/nginx the tests skip with one line; with CI=true they fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { inCI } from '../helpers/ci.ts';
import { buildSite } from '../helpers/site.ts';
import { tempDir } from '../helpers/temp.ts';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const hasNginx = existsSync(NGINX);

if (!hasNginx && !inCI) {
  console.warn(`[nginx] ${NGINX} not found: the nginx tests are skipped (apt-get install nginx-light).`);
}

const SITE_HOST = 'honours.example.gov.cn';
const BASE_HOST = 'wjw.example.gov.cn';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, host: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The CSP directives of astro.config.mjs, as written there. */
function configDirectives(): string[] {
  const config = readFileSync(join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8');
  const block = /directives:\s*\[([\s\S]*?)\]/.exec(config)?.[1] ?? '';
  return [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe.skipIf(!hasNginx && !inCI)('deploy/nginx.conf', () => {
  let nginx: ChildProcess | undefined;
  let port = 0;
  let errors = '';
  /** The built site nginx serves. */
  let dir = '';

  beforeAll(async () => {
    if (!hasNginx) throw new Error(`${NGINX} not found; apt-get install nginx-light (CI=true makes this a failure)`);
    dir = (await buildSite()).dir;
    const work = tempDir('deeds-nginx-');
    // Option 2 serves /var/www/wjw/honours/: the same build stands in for one made for that path.
    mkdirSync(join(work, 'wjw'));
    symlinkSync(dir, join(work, 'wjw', 'honours'));
    port = await freePort();
    const site = readFileSync(join(PROJECT_ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replaceAll('listen 80;', `listen 127.0.0.1:${port};`)
      .replaceAll('listen [::]:80;', '')
      .replaceAll('/var/www/honours', dir)
      .replaceAll('/var/www/wjw', join(work, 'wjw'));
    writeFileSync(join(work, 'site.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${join(work, `${name}-temp`)};`;
    writeFileSync(
      join(work, 'nginx.conf'),
      [
        // As root, nginx's workers would run as nobody: keep the current user.
        process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
        'worker_processes 1;',
        `pid ${join(work, 'nginx.pid')};`,
        `error_log ${join(work, 'error.log')} warn;`,
        'events { worker_connections 64; }',
        'http {',
        '  access_log off;',
        `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
        `  include ${join(work, 'site.conf')};`,
        '}',
        '',
      ].join('\n'),
    );
    nginx = spawn(NGINX, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    nginx.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    for (let i = 0; i < 100; i++) {
      if (nginx.exitCode !== null) break;
      try {
        await get(port, '/', SITE_HOST);
        return;
      } catch {
        await sleep(50);
      }
    }
    const log = existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '';
    throw new Error(`nginx did not start:\n${errors}\n${log}`);
  });

  afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  test.each([
    ['/', SITE_HOST],
    ['/honours/', BASE_HOST],
  ])('%s carries the CSP of astro.config.mjs and the security headers', async (path, host) => {
    const res = await get(port, path, host);
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of configDirectives()) expect(csp, directive).toContain(directive);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  test('caches hashed assets and Pagefind index files for a year, revalidates pages and the search entry', async () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const asset = /(?:src|href)="(\/_astro\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const immutable = 'public, max-age=31536000, immutable';
    expect((await get(port, asset!, SITE_HOST)).headers['cache-control']).toBe(immutable);
    // The search index is in parts, one folder each (src/search/parts.ts).
    const part = readdirSync(join(dir, 'pagefind'))[0]!;
    const metaFile = readdirSync(join(dir, 'pagefind', part)).find((name) => name.endsWith('.pf_meta'));
    expect(metaFile).toBeDefined();
    const meta = await get(port, `/pagefind/${part}/${metaFile}`, SITE_HOST);
    expect(meta.status).toBe(200);
    expect(meta.headers['cache-control']).toBe(immutable);
    // Share pictures are named by the digest of what they show.
    const picture = readdirSync(join(dir, 'og'))[0];
    expect(picture).toBeDefined();
    const og = await get(port, `/og/${picture}`, SITE_HOST);
    expect(og.status).toBe(200);
    expect(og.headers['cache-control']).toBe(immutable);
    for (const path of [
      '/',
      '/rolls/',
      '/404.html',
      `/pagefind/${part}/pagefind-entry.json`,
      '/search/parts.json',
      '/data/awardees.json',
    ]) {
      const res = await get(port, path, SITE_HOST);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
    expect((await get(port, `/honours/pagefind/${part}/pagefind-entry.json`, BASE_HOST)).headers['cache-control']).toBe(
      'no-cache',
    );
    expect((await get(port, `/honours${asset}`, BASE_HOST)).headers['cache-control']).toBe(immutable);
  });

  test('sends the precompressed page through gzip_static to a client that accepts gzip', async () => {
    expect(existsSync(join(dir, 'index.html.gz'))).toBe(true);
    const plain = await get(port, '/', SITE_HOST);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [path, host] of [
      ['/', SITE_HOST],
      ['/honours/', BASE_HOST],
    ] as const) {
      const res = await get(port, path, host, { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(res.headers['vary'], path).toContain('Accept-Encoding');
      // gzip_static sends the file as it is on disk: the twin the build wrote.
      expect(res.body.equals(readFileSync(join(dir, 'index.html.gz'))), path).toBe(true);
      expect(gunzipSync(res.body).equals(plain.body), path).toBe(true);
    }
  });

  test('serves the 404 page, with its headers, for a missing page', async () => {
    const page404 = readFileSync(join(dir, '404.html'));
    for (const [path, host] of [
      ['/no/such/page/', SITE_HOST],
      ['/honours/no/such/page/', BASE_HOST],
    ] as const) {
      const res = await get(port, path, host);
      expect(res.status, path).toBe(404);
      expect(res.body.equals(page404), path).toBe(true);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  test('serves open data with its types and the site under /honours/ only there', async () => {
    expect((await get(port, '/data/deadlines.ics', SITE_HOST)).headers['content-type']).toBe(
      'text/calendar; charset=utf-8',
    );
    expect((await get(port, '/data/awardees.csv', SITE_HOST)).headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((await get(port, '/honours/rolls/', BASE_HOST)).status).toBe(200);
    expect((await get(port, '/rolls/', BASE_HOST)).status).toBe(404);
  });
});
