/**
 * Extract the facts of a file read by `readSource`: the text's extraction, with what the file's
 * structure states taking its place. A spreadsheet roll's rows are its awardees — each with its unit
 * and category from their columns, and nothing else (not the title, header, signature or date rows) —
 * however the extractor would read the same rows as text.
 *
 *   extractSource(await readSource('名单.xlsx', bytes), { path })  →  { result: { kind: 'roll', awardees: [...] }, normalised }
 */
import { extractDocument, type Extraction, type ExtractOptions } from '../extract/extract.ts';
import type { ExtractedCategory } from '../extract/types.ts';
import type { Source } from './read-source.ts';

export function extractSource(source: Source, options: ExtractOptions = {}): Extraction {
  const extraction = extractDocument(source.text, options);
  const rows = source.awardees;
  if (!rows || rows.length === 0) return extraction;
  const { result } = extraction;
  result.kind = 'roll';
  result.awardees = rows.map(({ name, unit, category }) => ({ name, unit, category }));
  const categories: ExtractedCategory[] = [];
  for (const name of new Set(rows.map((row) => row.category))) {
    if (name === null) continue;
    const members = rows.filter((row) => row.category === name);
    const read = result.categories.find((c) => c.name === name);
    categories.push({
      name,
      subjectType: members.every((row) => row.collective) ? 'unit' : (read?.subjectType ?? 'person'),
      declaredCount: read?.declaredCount ?? null,
    });
  }
  result.categories = categories;
  return extraction;
}
