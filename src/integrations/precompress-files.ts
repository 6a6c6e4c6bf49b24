/**
 * The twins of a share of the site's text files, made by one thread synchronously (precompress.ts
 * deals the files out to worker threads, file-workers.ts). A twin is kept in the cache folder under the
 * digest of the file's bytes and of the settings below, and hard-linked beside its file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { linkOrCopy, writeCached } from './cached-files.ts';

/**
 * gzip's level and Brotli's quality. Over a 10,000-deed site's pages, level 6 writes the same bytes' worth
 * as 9 (0.368 of the original) at 1.6 × the speed, and quality 7 as 9 (0.309) at 1.4 × the speed; Brotli
 * 10 and 11 take ten to thirty times as long for files under a tenth smaller (docs/benchmarks.md).
 */
export const GZIP_LEVEL = 6;
export const BROTLI_QUALITY = 7;

/** What a cached twin's name covers besides the file's bytes: the settings that make it. */
const TWIN_SETTINGS = `gzip-${GZIP_LEVEL}|brotli-${BROTLI_QUALITY}-text-window`;

export interface TwinJob {
  /** The built site. */
  dir: string;
  /** Files to compress, relative to `dir`. */
  files: string[];
  /** Where twins are kept between builds; none: each is written beside its file. */
  cacheDir?: string;
}

export interface TwinResult {
  /** Files compressed in this run (the others' twins came from the cache). */
  compressed: number;
  gzip: number;
  brotli: number;
  bytesIn: number;
  bytesGzip: number;
  bytesBrotli: number;
  /** The cache entries this share used (the rest are pruned). */
  used: string[];
}

/** Brotli's window: the smallest (2^16) to 2^24 bytes, just large enough for the file. */
function windowBits(size: number): number {
  return Math.min(24, Math.max(16, Math.ceil(Math.log2(size + 1))));
}

export function compressTwins(data: Buffer): { gz: Buffer; br: Buffer } {
  return {
    gz: gzipSync(data, { level: GZIP_LEVEL }),
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: windowBits(data.length),
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  };
}

function sizeOf(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? -1;
}

export function writeTwins({ dir, files, cacheDir }: TwinJob): TwinResult {
  const result: TwinResult = { compressed: 0, gzip: 0, brotli: 0, bytesIn: 0, bytesGzip: 0, bytesBrotli: 0, used: [] };
  for (const file of files) {
    const path = join(dir, file);
    const data = readFileSync(path);
    result.bytesIn += data.length;
    // Each twin: its extension, its size, and its bytes (written beside the file) or its cached copy (linked).
    let twins: Array<[ext: 'gz' | 'br', size: number, source: Buffer | string]>;
    if (cacheDir) {
      const key = createHash('sha1').update(TWIN_SETTINGS).update(data).digest('base64url');
      const gz = join(cacheDir, `${key}.gz`);
      const br = join(cacheDir, `${key}.br`);
      result.used.push(`${key}.gz`, `${key}.br`);
      let sizes = [sizeOf(gz), sizeOf(br)];
      if (sizes[0]! < 0 || sizes[1]! < 0) {
        const made = compressTwins(data);
        result.compressed++;
        for (const [target, bytes] of [
          [gz, made.gz],
          [br, made.br],
        ] as const) {
          // Another thread may be compressing the same bytes (two equal files): each writes a file of its own.
          writeCached(target, bytes);
        }
        sizes = [made.gz.length, made.br.length];
      }
      twins = [
        ['gz', sizes[0]!, gz],
        ['br', sizes[1]!, br],
      ];
    } else {
      const made = compressTwins(data);
      result.compressed++;
      twins = [
        ['gz', made.gz.length, made.gz],
        ['br', made.br.length, made.br],
      ];
    }
    for (const [ext, size, source] of twins) {
      // A twin that would not be smaller than its original is not written.
      if (size >= data.length) continue;
      if (ext === 'gz') {
        result.gzip++;
        result.bytesGzip += size;
      } else {
        result.brotli++;
        result.bytesBrotli += size;
      }
      if (typeof source === 'string') linkOrCopy(source, `${path}.${ext}`);
      else writeFileSync(`${path}.${ext}`, source);
    }
  }
  return result;
}
