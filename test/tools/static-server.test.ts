import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acceptsGzip, serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { tempDir } from '../helpers/temp.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: the body as sent, not decompressed. */
function fetchRaw(url: string, acceptEncoding?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('serveStatic', () => {
  let server: StaticServer;
  const page = `<!DOCTYPE html><p>${'先进事迹'.repeat(500)}</p>`;
  const chunk = gzipSync(Buffer.from('pagefind_dcd…'));

  beforeAll(async () => {
    const dir = tempDir('deeds-static-');
    mkdirSync(join(dir, 'deeds', 'li-jing'), { recursive: true });
    writeFileSync(join(dir, 'deeds', 'li-jing', 'index.html'), page);
    mkdirSync(join(dir, 'pagefind', 'index'), { recursive: true });
    writeFileSync(join(dir, 'pagefind', 'index', 'zxx_1.pf_index'), chunk);
    writeFileSync(join(dir, '404.html'), '<p>页面不存在</p>');
    server = await serveStatic(dir);
  });
  afterAll(() => server.close());

  test('text goes out gzipped to a client that accepts gzip, and unchanged to one that does not', async () => {
    const zipped = await fetchRaw(`${server.url}/deeds/li-jing/`, 'gzip, deflate, br, zstd');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(page);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(page) / 10);

    const plain = await fetchRaw(`${server.url}/deeds/li-jing/index.html`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(page);
  });

  test('Pagefind files, gzipped by Pagefind, go out byte for byte', async () => {
    const reply = await fetchRaw(`${server.url}/pagefind/index/zxx_1.pf_index`, 'gzip');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.equals(chunk)).toBe(true);
  });

  test('a missing page gets the 404 page; a path out of the site is refused', async () => {
    const missing = await fetchRaw(`${server.url}/deeds/nobody/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toContain('页面不存在');
    const outside = await fetchRaw(`${server.url}/..%2f..%2fetc/passwd`);
    expect([403, 404]).toContain(outside.status);
  });

  test.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['br, zstd', false],
    ['identity', false],
    ['', false],
  ])('Accept-Encoding %j → gzip %s', (header, expected) => {
    expect(acceptsGzip({ 'accept-encoding': header })).toBe(expected);
  });
});
