/**
 * The shape of a data-driven pattern: an id to name it in diagnostics and tests, a regular
 * expression (global, linear: no nested quantifiers), and an example it must match.
 */
export interface TextPattern {
  /** A stable kebab-case id: `masked-region`. */
  id: string;
  /** The pattern. Always global (`g`), so that every occurrence is found. */
  pattern: RegExp;
  /** A text the pattern matches, used by the tests and the editors' guide. */
  example: string;
  /** What the match is, in words an editor understands: `打码的地名`. */
  label: string;
}

/** Every match of a global pattern in `text`, without the pitfalls of a shared `lastIndex`. */
export function* matchAll(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0].length === 0) regex.lastIndex++;
    yield match;
  }
}
