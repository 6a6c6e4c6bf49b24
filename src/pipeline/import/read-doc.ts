/**
 * Read a Word 97–2003 `.doc` or a WPS `.wps` (the OLE compound file both write) with
 * `word-extractor`: the body text, table cells as tab-separated lines; page headers and footers are
 * furniture and left out. Curly quotes stay as they are (“”), as Chinese text needs them.
 *
 *   await readDoc('通知.doc', bytes)  →  '关于开展…的通知\n\n各有关单位：\n…'
 */
import WordExtractor from 'word-extractor';

/** The signature of an OLE compound file (.doc, .wps, .xls). */
export const OLE_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * The text of an OLE Word file; throws the reader's error for a file it cannot read (the caller
 * words the message). Word's control characters are turned into what the text reader expects:
 * paragraph marks into line breaks, cell marks into tabs.
 */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const body = document.getBody({ filterUnicode: false });
  return cleanWordText(body);
}

/** Word's special characters in extracted text: cell and row marks, page breaks, fields, soft hyphens. */
export function cleanWordText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Vertical tab (a manual line break) and form feed (a page or section break) end a line.
      .replace(/[\v\f]/g, '\n')
      // Cell marks (0x07) between cells are tabs; a row ends at a line break.
      .replace(/\u0007(?=[^\n])/g, '\t')
      .replace(/\u0007/g, '')
      // Field codes left over (0x13 begin, 0x14 separator, 0x15 end), non-breaking and optional hyphens.
      .replace(/[\u0013\u0014\u0015\u001e\u001f\u00ad]/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
