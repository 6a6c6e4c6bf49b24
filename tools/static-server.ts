/**
 * A tiny static file server on 127.0.0.1 for a built site: browser tests and the search benchmark.
 *
 * Like any static host (nginx `gzip on`, GitHub Pages, Netlify), it compresses text (HTML, CSS,
 * JavaScript, JSON, SVG) with gzip for a client that accepts it, so that what the tests and the
 * benchmark count as transferred is what a reader's browser receives. Pagefind's own files are
 * gzipped already and go out as they are.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Types worth compressing: text, and formats that are text inside. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg\+xml)/;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * The path the site is served under, as a host serves a site built for a base path
   * (`/honours/`): `dir/x` is `/honours/x`, anything outside it is not found. Default `/`.
   */
  base?: string;
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/') : '/';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const inside = url.pathname.startsWith(base) || url.pathname === base.slice(0, -1);
    let path = normalize(join(dir, decodeURIComponent(inside ? url.pathname.slice(base.length - 1) || '/' : '/')));
    if (!path.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!inside || !existsSync(path)) {
      const notFound = join(dir, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const compressible = COMPRESSIBLE.test(type);
    const gzip = compressible && acceptsGzip(request.headers);
    response.writeHead(200, {
      'content-type': type,
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (gzip) pipeline(createReadStream(path), createGzip(), response, () => {});
    else createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Whether the request's `Accept-Encoding` allows gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}
