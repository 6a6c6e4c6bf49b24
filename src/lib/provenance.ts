/**
 * What the normaliser changed in a write-up, said the way a reader understands it:
 *
 *   describeNormalisation({ sourceScript: 'traditional', changes: [12 × pinyin, 3 × script] })
 *     → '由繁体转换；移除拼音标注 12 处'
 *
 * Rules not in the table are counted under their id, so nothing is hidden.
 */

export interface ChangeLike {
  rule: string;
}

export interface NormaliseLike {
  changes?: readonly ChangeLike[] | undefined;
  sourceScript?: string | undefined;
}

/** Reader-facing wording of normaliser rules, by rule id (or id prefix before the first `/` or `:`). */
export const CHANGE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  pinyin: '移除拼音标注',
  'strip-pinyin': '移除拼音标注',
  'pinyin-residue': '移除拼音标注',
  scrape: '移除网页杂项',
  'scrape-noise': '移除网页杂项',
  boilerplate: '移除网页杂项',
  whitespace: '整理空白',
  'full-width': '统一全角标点',
  punctuation: '统一标点',
  width: '统一全角半角',
  'variant-chars': '统一异体字',
  glossary: '按词表统一人名地名',
  'line-breaks': '合并断行',
  invisible: '移除不可见字符',
});

/** Script conversions are said once ("由繁体转换"), not counted per character. */
const SCRIPT_RULES = new Set(['script', 'traditional', 'to-simplified', 't2s']);

export function describeNormalisation(normalise: NormaliseLike | undefined): string | undefined {
  if (!normalise) return undefined;
  const parts: string[] = [];
  const changes = normalise.changes ?? [];
  const converted = normalise.sourceScript === 'traditional' || normalise.sourceScript === 'mixed' || changes.some((c) => SCRIPT_RULES.has(c.rule));
  if (converted) parts.push(normalise.sourceScript === 'mixed' ? '由繁简混排统一为简体' : '由繁体转换');
  const counts = new Map<string, number>();
  for (const change of changes) {
    if (SCRIPT_RULES.has(change.rule)) continue;
    const base = change.rule.split(/[/:]/, 1)[0]!;
    const label = CHANGE_LABELS[change.rule] ?? CHANGE_LABELS[base] ?? `规范化（${change.rule}）`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  for (const [label, count] of counts) parts.push(`${label} ${count} 处`);
  return parts.length > 0 ? parts.join('；') : undefined;
}
