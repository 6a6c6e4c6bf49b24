/**
 * Refuse a zip bomb before a reader of an Office Open XML file (.docx, .xlsx) sees it: the sizes the
 * zip's central directory declares for its parts are added up, and then each part is inflated with a
 * hard cap on its output, so that a part that lies about its size is caught too. Nothing is inflated
 * beyond the limit.
 *
 *   checkInflatedSize('名单.xlsx', bytes, { limit: 24 MiB, bomb: () => new SourceError('…') })  →  throws bomb()
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface InflateLimit {
  /** The most all parts together may inflate to, in bytes. */
  limit: number;
  /** The error thrown when the limit is passed (or the zip needs ZIP64, which no document does). */
  bomb: () => Error;
  /**
   * The error thrown for a damaged part (a part that does not inflate, or not to its declared size and
   * CRC-32), for readers that must never see one; without it, damaged parts are left to the reader.
   */
  damaged?: () => Error;
}

export const ZIP_SIGNATURE: readonly number[] = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function checkInflatedSize(bytes: Uint8Array, { limit, bomb, damaged }: InflateLimit): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buffer);
  if (!entries) {
    if (damaged) throw damaged();
    return; // Not a readable zip: the format's reader says so.
  }
  let declared = 0;
  for (const entry of entries) {
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw bomb(); // ZIP64: no document needs it
    declared += entry.size;
  }
  if (declared > limit) throw bomb();
  let inflated = 0;
  for (const entry of entries) {
    const data = localData(buffer, entry);
    if (!data) {
      if (damaged) throw damaged();
      continue;
    }
    let part: Buffer;
    if (entry.method === 0) {
      part = data; // stored as it is
    } else if (entry.method === 8) {
      try {
        part = inflateRawSync(data, { maxOutputLength: limit - inflated + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw bomb();
        }
        if (damaged) throw damaged();
        continue; // A damaged part: the format's reader reports it.
      }
    } else {
      if (damaged) throw damaged(); // a compression no Office program writes
      inflated += entry.compressedSize;
      if (inflated > limit) throw bomb();
      continue;
    }
    inflated += part.length;
    if (inflated > limit) throw bomb();
    if (damaged && (part.length !== entry.size || crc32(part) !== entry.crc)) throw damaged();
  }
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a zip's central directory, or `undefined` when it has none that can be read. */
function zipEntries(buffer: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record is in the last 22 bytes, or before a comment of up to 64 KB.
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let at = buffer.length - 22; at >= from; at--) {
    if (buffer.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's compressed bytes, found through its local header. */
function localData(buffer: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end <= buffer.length ? buffer.subarray(start, end) : undefined;
}
