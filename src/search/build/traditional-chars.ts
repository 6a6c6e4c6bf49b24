/**
 * The characters that make a search query need traditional → simplified conversion: every
 * single-character key of OpenCC's TSCharacters table whose simplified form differs (靜 → 静,
 * 醫 → 医). The browser checks a query against this set before it loads the converter, so
 * simplified queries never download it. The set is written, as a bitmap over U+3400–U+9FFF plus
 * the few characters outside it, to `src/search/traditional-chars.ts`; a test fails when
 * it drifts from opencc-js.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { BITMAP_END, BITMAP_START } from '../traditional-chars-range.ts';

export function deriveTraditionalChars(table: string = TSCharacters): string[] {
  const chars = new Set<string>();
  for (const pair of table.split('|')) {
    const [from, ...to] = pair.split(' ');
    if (from && [...from].length === 1 && to[0] !== from) chars.add(from);
  }
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The TypeScript module that holds the set. */
export function traditionalCharsModule(chars: readonly string[] = deriveTraditionalChars()): string {
  const bitmap = new Uint8Array(Math.ceil((BITMAP_END - BITMAP_START + 1) / 8));
  const outside: string[] = [];
  for (const char of chars) {
    const code = char.codePointAt(0)!;
    if (code >= BITMAP_START && code <= BITMAP_END) {
      const bit = code - BITMAP_START;
      bitmap[bit >> 3]! |= 1 << (bit & 7);
    } else outside.push(char);
  }
  return [
    '// Generated from opencc-js TSCharacters by src/search/build/traditional-chars.ts;',
    '// regenerate with `UPDATE=1 npx vitest run test/search/traditional-chars.test.ts`.',
    `/** Characters that traditional → simplified conversion changes (${chars.length}): a bitmap over U+3400–U+9FFF, base64. */`,
    // Written the way Prettier writes a long string, so that formatting leaves the file as generated.
    'export const TRADITIONAL_BITMAP =',
    `  '${Buffer.from(bitmap).toString('base64')}';`,
    '/** The same, outside that range. */',
    'export const TRADITIONAL_OUTSIDE =',
    `  '${outside.join('')}';`,
    '',
  ].join('\n');
}
