/**
 * Read a file an editor wants to import, whatever it is: plain text in any of the encodings of
 * `decodeFile`, HTML, a Word `.docx` (through mammoth), or an MDX entry (its body). A file that
 * cannot be used is refused with one line of Chinese that names it.
 *
 *   await readSource('通知.docx', bytes)  →  { text: '关于开展…的通知\n\n…', format: 'docx', encoding: null }
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { decodeFile, DecodeError } from '../../lib/decode.ts';
import { splitFrontmatter } from '../../model/frontmatter.ts';
import { htmlToText } from './html-to-text.ts';

export type SourceFormat = 'text' | 'html' | 'docx' | 'mdx';

export interface Source {
  /** The document's text: lines, blank lines between blocks, tables as Markdown tables (HTML, docx). */
  text: string;
  format: SourceFormat;
  /** The encoding the bytes were read in; `null` for .docx. */
  encoding: string | null;
}

/** A file that cannot be imported; `message` is one line naming the file. */
export class SourceError extends Error {
  override name = 'SourceError';
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function formatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.mdx' || ext === '.md') return 'mdx';
  return 'text';
}

/** The largest file read: notices, rolls and write-ups are kilobytes; 10 MB is a whole archive pasted in. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * The bytes of the file at `path`, refused in one line naming it when it cannot be used: missing, a
 * directory, unreadable, or over `MAX_SOURCE_BYTES` — measured before reading, so that a huge file
 * is never loaded into memory.
 */
export function readSourceBytes(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new SourceError(`${path}：${unreadable(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new SourceError(`${path}：这是目录，不是文件`);
    if (!stat.isFile()) throw new SourceError(`${path}：不是普通文件（设备、管道或套接字），无法读取`);
    if (stat.size > MAX_SOURCE_BYTES) throw new SourceError(tooLarge(path, stat.size));
    const bytes = readFileSync(fd);
    // The file may have grown since it was measured.
    if (bytes.length > MAX_SOURCE_BYTES) throw new SourceError(tooLarge(path, bytes.length));
    return bytes;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${path}：${unreadable(error)}`);
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '这是目录，不是文件';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  return `无法读取文件（${code ?? (error as Error).message.split('\n')[0]}）`;
}

function tooLarge(path: string, bytes: number): string {
  const size = (bytes / 1024 / 1024).toFixed(1);
  return `${path}：文件有 ${size} MB，超过 10 MB 的上限，不像是一份通知、名单或事迹材料；请拆分成单篇文件再处理`;
}

export async function readSource(path: string, bytes: Uint8Array): Promise<Source> {
  if (bytes.length === 0) throw new SourceError(`${path}：文件是空的，没有可导入的内容`);
  if (bytes.length > MAX_SOURCE_BYTES) throw new SourceError(tooLarge(path, bytes.length));
  const format = formatOf(path);
  if (format === 'docx') return { text: await readDocx(path, bytes), format, encoding: null };
  let decoded;
  try {
    decoded = decodeFile(bytes, path);
  } catch (error) {
    if (error instanceof DecodeError) throw new SourceError(error.message);
    throw error;
  }
  const raw = decoded.text.replace(/^\uFEFF/, '');
  let text = raw;
  if (format === 'html' || (format === 'text' && /^\s*<(?:!doctype\s+html|html|body|div|p|table)[\s>]/i.test(raw))) {
    text = htmlToText(raw);
    if (text.trim() === '') throw new SourceError(`${path}：HTML 中没有正文文字（只有脚本、样式或空标签）`);
    return { text, format: 'html', encoding: decoded.encoding };
  }
  if (format === 'mdx') text = splitFrontmatter(raw).body;
  if (text.trim() === '') throw new SourceError(`${path}：文件只有空白，没有可导入的内容`);
  return { text, format, encoding: decoded.encoding };
}

async function readDocx(path: string, bytes: Uint8Array): Promise<string> {
  if (!ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new SourceError(`${path}：不是有效的 .docx 文件（.docx 应是 zip 格式）；旧版 .doc 请先用 Word 另存为 .docx`);
  }
  checkInflatedSize(path, bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (error) {
    throw new SourceError(
      `${path}：无法读取 .docx（${(error as Error).message.split('\n')[0]}）；请用 Word 打开后重新保存`,
    );
  }
  const text = htmlToText(html);
  if (text.trim() === '') throw new SourceError(`${path}：.docx 中没有文字`);
  if (Buffer.byteLength(text) > MAX_SOURCE_BYTES) {
    throw new SourceError(`${path}：.docx 中的文字超过 10 MB，不像是一份通知、名单或事迹材料；请拆分成单篇文件再处理`);
  }
  return text;
}

/**
 * The most a .docx may inflate to, all its parts together. A write-up's `word/document.xml` is some
 * hundreds of kilobytes and pictures are stored compressed already, so a real document of up to 10 MB
 * stays well under this; the Word reader needs some 40 bytes of memory per byte of XML.
 */
export const MAX_DOCX_BYTES = 24 * 1024 * 1024;

/**
 * Refuse a zip bomb before the Word reader sees it: the sizes the zip's central directory declares for
 * its parts are added up, and then each part is inflated with a hard cap on its output, so that a part
 * that lies about its size is caught too. Nothing is inflated beyond the limit.
 */
function checkInflatedSize(path: string, bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bomb = () =>
    new SourceError(
      `${path}：.docx 解压后超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB（可能是“zip 炸弹”），拒绝读取；请用 Word 打开后另存为较小的文件，或拆分后再导入`,
    );
  const entries = zipEntries(buffer);
  if (!entries) return; // Not a readable zip: the Word reader says so.
  let declared = 0;
  for (const entry of entries) {
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw bomb(); // ZIP64: no document needs it
    declared += entry.size;
  }
  if (declared > MAX_DOCX_BYTES) throw bomb();
  let inflated = 0;
  for (const entry of entries) {
    if (entry.method !== 8) {
      inflated += entry.compressedSize; // stored as it is
    } else {
      const data = localData(buffer, entry);
      if (!data) continue;
      try {
        inflated += inflateRawSync(data, { maxOutputLength: MAX_DOCX_BYTES - inflated + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw bomb();
        }
        continue; // A damaged part: the Word reader reports it.
      }
    }
    if (inflated > MAX_DOCX_BYTES) throw bomb();
  }
}

interface ZipEntry {
  name: string;
  method: number;
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
