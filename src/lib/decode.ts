/**
 * Decode a text file of unknown encoding, as documents arrive from the wild: UTF-8 with or without a
 * byte-order mark, UTF-16 (little or big endian, with or without a BOM), GB18030/GBK and Big5.
 * Binary files (images, archives, Word files, random bytes) are refused with a message editors can act on.
 *
 *   decodeFile(readFileSync('通知.txt'), '通知.txt')   →   { text: '关于开展…', encoding: 'GB18030' }
 *
 * A byte-order mark is kept in the text as U+FEFF: the normaliser drops it and records that it did,
 * so that the change record restores the decoded file exactly.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

export interface DecodedFile {
  /** The decoded text; a byte-order mark, if any, is kept as U+FEFF. */
  text: string;
  /** The encoding the bytes were read in. */
  encoding: TextEncoding;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
}

/** A file that cannot be read as text. `message` is one line of Chinese naming the file. */
export class DecodeError extends Error {
  constructor(
    message: string,
    /** `binary` for images, archives and other non-text files; `encoding` for text in an unknown encoding. */
    readonly reason: 'binary' | 'encoding',
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Signatures of common binary formats, with a name editors recognise. */
const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'PNG 图片', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG 图片', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF 图片', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF 文件', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP 压缩包或 Word（.docx）文件', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: '旧版 Word（.doc）或 Excel 文件', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'RAR 压缩包', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: '7z 压缩包', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'gzip 压缩包', bytes: [0x1f, 0x8b] },
];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode `buffer` (the contents of the file at `path`, used in messages).
 * Throws `DecodeError` for binary or undecodable input.
 */
export function decodeFile(buffer: Uint8Array, path: string): DecodedFile {
  const bytes = buffer;
  if (bytes.length === 0) return { text: '', encoding: 'UTF-8', bom: false };

  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) {
    throw new DecodeError(`${path}：这是${signature.name}，不是纯文本文件；请先另存为 .txt（UTF-8）再处理`, 'binary');
  }

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(decodeUtf8(bytes), 'UTF-8', true, path);
  if (startsWith(bytes, [0xff, 0xfe])) return checked(decodeUtf16(bytes, 'UTF-16LE'), 'UTF-16LE', true, path);
  if (startsWith(bytes, [0xfe, 0xff])) return checked(decodeUtf16(bytes, 'UTF-16BE'), 'UTF-16BE', true, path);

  // UTF-16 without a BOM: the high byte of nearly every code unit is 0x00 (ASCII) or a CJK block's
  // (0x4E–0x9F…), all at one parity. GBK and Big5 have their lead bytes elsewhere.
  if (bytes.length % 2 === 0 && bytes.length >= 4) {
    const highAtOdd = cjkHighByteShare(bytes, 1);
    const highAtEven = cjkHighByteShare(bytes, 0);
    const nuls = countNuls(bytes);
    // NULs at one parity only, and enough of them: ASCII in UTF-16.
    const skew = (a: number, b: number): boolean => a >= Math.max(2, bytes.length * 0.01) && b <= a * 0.2;
    const encoding =
      highAtOdd >= 0.95 && highAtOdd > highAtEven + 0.1
        ? 'UTF-16LE'
        : highAtEven >= 0.95 && highAtEven > highAtOdd + 0.1
          ? 'UTF-16BE'
          : skew(nuls.odd, nuls.even)
            ? 'UTF-16LE'
            : skew(nuls.even, nuls.odd)
              ? 'UTF-16BE'
              : undefined;
    if (encoding) {
      const utf16 = decodeUtf16(bytes, encoding);
      if (plausibility(utf16) >= 0.9) return checked(utf16, encoding, false, path);
    }
  }
  if (bytes.includes(0)) {
    throw new DecodeError(
      `${path}：文件含有大量空字节，是二进制文件而不是文本；请先另存为 .txt（UTF-8）再处理`,
      'binary',
    );
  }
  const text = decodeUtf8(bytes);
  if (text !== undefined) return checked(text, 'UTF-8', false, path);

  // No BOM, not UTF-8: rank the legacy Chinese encodings and BOM-less UTF-16 by how plausible the text is.
  const candidates: TextEncoding[] = ['GB18030', 'Big5'];
  const hinted = new Map<string, number>();
  for (const match of chardet.analyse(bytes)) hinted.set(match.name, match.confidence);
  let best: { encoding: TextEncoding; text: string; score: number } | undefined;
  for (const encoding of candidates) {
    const decoded = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    const score = plausibility(decoded) + (hinted.get(encoding) ?? 0) / 1000;
    if (!best || score > best.score) best = { encoding, text: decoded, score };
  }
  if (!best || best.score < 0.9) {
    throw new DecodeError(
      `${path}：无法识别文件编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 文本），可能是二进制文件；请用文本编辑器另存为 UTF-8 再处理`,
      'encoding',
    );
  }
  return checked(best.text, best.encoding, false, path);
}

/** Like `decodeFile`, but returns the error instead of throwing it. */
export function tryDecodeFile(
  buffer: Uint8Array,
  path: string,
): ({ ok: true } & DecodedFile) | { ok: false; error: DecodeError } {
  try {
    return { ok: true, ...decodeFile(buffer, path) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, error };
    throw error;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function countNuls(bytes: Uint8Array): { total: number; even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return { total: even + odd, even, odd };
}

/** Share of the bytes at `parity` that are the high byte of a code unit in Chinese UTF-16 text. */
function cjkHighByteShare(bytes: Uint8Array, parity: 0 | 1): number {
  let hits = 0;
  let total = 0;
  for (let i = parity; i < bytes.length; i += 2) {
    const b = bytes[i]!;
    total++;
    if (b === 0x00 || (b >= 0x20 && b <= 0x25) || (b >= 0x30 && b <= 0x9f) || b === 0xfe || b === 0xff) hits++;
  }
  return total === 0 ? 0 : hits / total;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): string {
  const decoder = new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
  return decoder.decode(bytes);
}

/**
 * The share of characters that ordinary Chinese text is made of: CJK ideographs, CJK and full-width
 * punctuation, printable ASCII and line breaks. Wrong decodings score low (control characters,
 * replacement characters, private-use and rare blocks).
 */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x2027) ||
      (c >= 0x2160 && c <= 0x217f) ||
      (c >= 0x2460 && c <= 0x24ff)
    ) {
      good++;
    }
  }
  return good / text.length;
}

/** Refuse text that decoded but is mostly control characters: a binary file without a known signature. */
function checked(text: string | undefined, encoding: TextEncoding, bom: boolean, path: string): DecodedFile {
  if (text === undefined) {
    throw new DecodeError(
      `${path}：文件声明为 ${encoding} 编码，但内容不是有效的 ${encoding} 文本；请用文本编辑器另存为 UTF-8 再处理`,
      'encoding',
    );
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (control > Math.max(2, text.length * 0.01)) {
    throw new DecodeError(
      `${path}：文件含有大量控制字符，是二进制文件而不是文本；请先另存为 .txt（UTF-8）再处理`,
      'binary',
    );
  }
  return { text, encoding, bom };
}
