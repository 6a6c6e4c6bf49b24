/**
 * Read a file an editor wants to import, whatever it is: plain text in any of the encodings of
 * `decodeFile`, HTML (a saved page in the charset its `<meta>` declares), a Word `.docx` (through
 * mammoth), a Word 97–2003 `.doc` or WPS `.wps` (word-extractor), the text layer of a PDF (PDF.js),
 * a spreadsheet `.xlsx`/`.xls` (SheetJS), or an MDX entry (its body). A file that cannot be used is
 * refused with one line of Chinese that names it; a scanned PDF is refused as a scan.
 *
 *   await readSource('通知.docx', bytes)  →  { text: '关于开展…的通知\n\n…', format: 'docx', encoding: null }
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { decodeFile, DecodeError, type TextEncoding } from '../../lib/decode.ts';
import { splitFrontmatter } from '../../model/frontmatter.ts';
import { htmlToText } from './html-to-text.ts';
import { isOle, readDoc } from './read-doc.ts';
import { EncryptedPdfError, readPdf, ScannedPdfError } from './read-pdf.ts';
import { MAX_SHEET_ROWS, readSheet, SheetTooLargeError, type SheetAwardee } from './read-sheet.ts';
import { checkInflatedSize, isZip } from './zip-guard.ts';

export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'sheet' | 'mdx';

export interface Source {
  /** The document's text: lines, blank lines between blocks, tables as Markdown tables (HTML, docx). */
  text: string;
  format: SourceFormat;
  /** The encoding the bytes were read in; `null` for .docx. */
  encoding: string | null;
  /** A spreadsheet roll's rows, read from its columns: the extraction takes these over what the text gives. */
  awardees?: SheetAwardee[];
}

/** A file that cannot be imported; `message` is one line naming the file. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    message: string,
    /** `scan` for a PDF with no text layer; `unreadable` for everything else. */
    readonly reason: 'scan' | 'unreadable' = 'unreadable',
  ) {
    super(message);
  }
}

export function formatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps' || ext === '.dot') return 'doc';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.xlsx' || ext === '.xls' || ext === '.et') return 'sheet';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.mdx' || ext === '.md') return 'mdx';
  return 'text';
}

/** The largest file read: notices, rolls and write-ups are kilobytes; 10 MB is a whole archive pasted in. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * The largest PDF or Word 97–2003 file read: their size is pictures (a scan, a photograph, a seal), not
 * text, so a real notice may well pass 10 MB; the text read from them still has the 10 MB limit.
 */
export const MAX_BINARY_SOURCE_BYTES = 64 * 1024 * 1024;

/** The byte limit of the file at `path`, by its format. */
export function maxBytesOf(path: string): number {
  const format = formatOf(path);
  return format === 'pdf' || format === 'doc' ? MAX_BINARY_SOURCE_BYTES : MAX_SOURCE_BYTES;
}

/**
 * The bytes of the file at `path`, refused in one line naming it when it cannot be used: missing, a
 * directory, unreadable, or over its format's limit (`maxBytesOf`) — measured before reading, so that a huge file
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
    if (stat.size > maxBytesOf(path)) throw new SourceError(tooLarge(path, stat.size));
    const bytes = readFileSync(fd);
    // The file may have grown since it was measured.
    if (bytes.length > maxBytesOf(path)) throw new SourceError(tooLarge(path, bytes.length));
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
  return `${path}：文件有 ${size} MB，超过 ${maxBytesOf(path) / 1024 / 1024} MB 的上限，不像是一份通知、名单或事迹材料；请拆分成单篇文件再处理`;
}

export async function readSource(path: string, bytes: Uint8Array): Promise<Source> {
  if (bytes.length === 0) throw new SourceError(`${path}：文件是空的，没有可导入的内容`);
  if (bytes.length > maxBytesOf(path)) throw new SourceError(tooLarge(path, bytes.length));
  let format = formatOf(path);
  // Word files saved from web sites are often web pages or .docx under a .doc name.
  if (format === 'doc' && isZip(bytes)) format = 'docx';
  if (format === 'doc' && !isOle(bytes) && looksLikeHtml(bytes)) format = 'html';
  if (format === 'docx') return { text: await readDocx(path, bytes), format, encoding: null };
  if (format === 'doc') return { text: await readWord97(path, bytes), format, encoding: null };
  if (format === 'pdf') return { text: await readPdfText(path, bytes), format, encoding: null };
  if (format === 'sheet') return { ...readSpreadsheet(path, bytes), format, encoding: null };
  let decoded;
  try {
    decoded = format === 'html' ? (decodeDeclared(bytes) ?? decodeFile(bytes, path)) : decodeFile(bytes, path);
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
  if (isOle(bytes)) return readWord97(path, bytes); // a .doc under a .docx name
  if (!isZip(bytes)) {
    throw new SourceError(`${path}：不是有效的 .docx 文件（.docx 应是 zip 格式）；请用 Word 或 WPS 打开后另存为 .docx`);
  }
  checkInflatedSize(bytes, { limit: MAX_DOCX_BYTES, bomb: () => zipBomb(path, '.docx') });
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
 * The most a .docx or .xlsx may inflate to, all its parts together. A write-up's `word/document.xml`
 * is some hundreds of kilobytes and pictures are stored compressed already, so a real document of up
 * to 10 MB stays well under this; the Word reader needs some 40 bytes of memory per byte of XML.
 */
export const MAX_DOCX_BYTES = 24 * 1024 * 1024;

function zipBomb(path: string, kind: string): SourceError {
  return new SourceError(
    `${path}：${kind} 解压后超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB（可能是“zip 炸弹”），拒绝读取；请打开后另存为较小的文件，或拆分后再导入`,
  );
}

function checkTextSize(path: string, text: string, kind: string): string {
  if (text.trim() === '') throw new SourceError(`${path}：${kind} 中没有文字`);
  if (Buffer.byteLength(text) > MAX_SOURCE_BYTES) {
    throw new SourceError(
      `${path}：${kind} 中的文字超过 10 MB，不像是一份通知、名单或事迹材料；请拆分成单篇文件再处理`,
    );
  }
  return text;
}

const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0];

/** A Word 97–2003 `.doc` or a `.wps` from WPS Office 2005 or later (the same OLE format). */
async function readWord97(path: string, bytes: Uint8Array): Promise<string> {
  const wps = extname(path).toLowerCase() === '.wps';
  const fix = wps ? '请用 WPS 打开后另存为 .docx' : '请用 Word 或 WPS 打开后另存为 .docx';
  if (!isOle(bytes)) {
    if (/^\{\\rtf/.test(Buffer.from(bytes.subarray(0, 5)).toString('latin1'))) {
      throw new SourceError(`${path}：这是 RTF 文件，不是 Word 97–2003 文档；${fix}`);
    }
    throw new SourceError(
      wps
        ? `${path}：这是旧版 WPS 文件（WPS 2005 以前的格式），无法读取；${fix}`
        : `${path}：不是有效的 Word 97–2003（.doc）文件；${fix}`,
    );
  }
  let text: string;
  try {
    text = await readDoc(bytes);
  } catch (error) {
    throw new SourceError(`${path}：无法读取${wps ? ' .wps' : ' .doc'}（${firstLine(error)}）；${fix}`);
  }
  return checkTextSize(path, text, wps ? '.wps' : '.doc');
}

async function readPdfText(path: string, bytes: Uint8Array): Promise<string> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) {
    throw new SourceError(`${path}：不是有效的 PDF 文件（没有 %PDF 文件头）；请重新下载或另存为 PDF`);
  }
  try {
    return checkTextSize(path, (await readPdf(bytes)).text, 'PDF');
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof ScannedPdfError) {
      throw new SourceError(
        `${path}：这是扫描件（PDF ${error.message}，没有文字层），无法读取文字，没有导入；请找到原始的 Word 文件，或把内容录入为 .txt 后再导入`,
        'scan',
      );
    }
    if (error instanceof EncryptedPdfError) {
      throw new SourceError(`${path}：PDF 有密码保护，无法读取；请用密码打开后另存为不加密的 PDF 或 .docx`);
    }
    throw new SourceError(`${path}：无法读取 PDF（${firstLine(error)}），文件可能已损坏；请重新下载或另存为 PDF`);
  }
}

function readSpreadsheet(path: string, bytes: Uint8Array): { text: string; awardees: SheetAwardee[] } {
  // SheetJS reads almost anything as a sheet (CSV, text); only what a spreadsheet program writes is taken.
  if (!isZip(bytes) && !isOle(bytes) && !looksLikeHtml(bytes)) {
    throw new SourceError(`${path}：不是有效的 Excel 文件（.xlsx 或 .xls）；请用 Excel 或 WPS 打开后另存为 .xlsx`);
  }
  // SheetJS inflates with its own code, which loops forever on some damaged streams: it sees only a zip
  // whose every part Node's zlib inflates to its declared size and CRC-32.
  if (isZip(bytes)) {
    checkInflatedSize(bytes, {
      limit: MAX_DOCX_BYTES,
      bomb: () => zipBomb(path, '.xlsx'),
      damaged: () =>
        new SourceError(
          `${path}：.xlsx 文件已损坏（压缩数据校验不符），无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx`,
        ),
    });
  }
  try {
    const sheet = readSheet(bytes);
    return { text: checkTextSize(path, sheet.text, '表格'), awardees: sheet.awardees };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof SheetTooLargeError) {
      throw new SourceError(
        `${path}：工作表“${error.message}”超过 ${MAX_SHEET_ROWS} 行，不像是一份名单；请拆分后再导入`,
      );
    }
    throw new SourceError(
      `${path}：无法读取表格（${firstLine(error)}），文件可能已损坏；请用 Excel 或 WPS 打开后另存为 .xlsx`,
    );
  }
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xef\xbb\xbf/, '')
    .trimStart();
  return /^<(?:!doctype\s+html|html|head|body|meta|table|\?xml)/i.test(head) || /^MIME-Version:/i.test(head);
}

/** Charsets a saved page declares, by their names in `<meta charset>` or `content="…; charset=…"`. */
const DECLARED_CHARSETS: ReadonlyArray<{ pattern: RegExp; encoding: TextEncoding }> = [
  { pattern: /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i, encoding: 'GB18030' },
  { pattern: /^(?:big5|big5-hkscs|x-x-big5|cp950)$/i, encoding: 'Big5' },
  { pattern: /^utf-?8$/i, encoding: 'UTF-8' },
];

/**
 * A saved web page decoded in the charset its `<meta>` declares (GB2312 pages are read as GB18030,
 * its superset), when the declaration holds: `undefined` without one, or when the bytes are not
 * valid in it (pages re-saved in another encoding keep their old declaration), so that the
 * encoding is then detected.
 */
function decodeDeclared(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const charset = /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  const encoding = charset && DECLARED_CHARSETS.find((c) => c.pattern.test(charset))?.encoding;
  if (!encoding || encoding === 'UTF-8') return undefined; // UTF-8 is recognised by its bytes
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (text.includes('\uFFFD')) return undefined;
  return { text, encoding };
}
