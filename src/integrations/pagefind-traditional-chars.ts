/**
 * The characters that make a search query need traditional → simplified conversion: every
 * single-character key of OpenCC's TSCharacters table whose simplified form differs (靜 → 静,
 * 醫 → 医). The browser checks a query against this set before it loads the converter, so
 * simplified queries never download it. The set is written to
 * `src/scripts/search/traditional-chars.ts`; a test fails when it drifts from opencc-js.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';

export function deriveTraditionalChars(table: string = TSCharacters): string {
  const chars = new Set<string>();
  for (const pair of table.split('|')) {
    const [from, ...to] = pair.split(' ');
    if (from && [...from].length === 1 && to[0] !== from) chars.add(from);
  }
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

/** The TypeScript module that holds the set. */
export function traditionalCharsModule(chars: string = deriveTraditionalChars()): string {
  return [
    '// Generated from opencc-js TSCharacters by src/integrations/pagefind-traditional-chars.ts;',
    '// regenerate with `UPDATE=1 npx vitest run test/integrations/pagefind-traditional-chars.test.ts`.',
    '/** Characters that traditional → simplified conversion changes (靜, 醫, 衛 …). */',
    `export const TRADITIONAL_CHARS = '${chars}';`,
    '',
  ].join('\n');
}
