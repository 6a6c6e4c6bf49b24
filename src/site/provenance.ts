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

/**
 * Reader-facing wording of the normaliser's rules (ids from `src/pipeline/normalise/normalise*.ts` and
 * `src/pipeline/data/`), by rule id or by the part before `/` (`scrape-noise/breadcrumb`).
 * Edits that merged several rules carry ids joined with `+`; each counts once.
 */
export const CHANGE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'pinyin-residue': '移除拼音标注',
  'script-glossary': '按词表转换人名地名',
  'scrape-noise': '移除网页杂项',
  'page-chunk-marker': '移除分页标记',
  'page-break-join': '合并断开的段落',
  'html-tag': '移除网页标签',
  'html-entity': '还原网页转义字符',
  'fullwidth-punctuation': '改为全角标点',
  'quotation-marks': '统一引号',
  'cjk-space': '移除汉字间多余空格',
  'doc-number-bracket': '规范发文字号括号',
  nfc: '统一字符编码形式',
  'byte-order-mark': '移除不可见字符',
  'zero-width': '移除不可见字符',
  'soft-hyphen': '移除不可见字符',
  'non-breaking-space': '统一空格',
  'fullwidth-alphanumeric': '改为半角数字字母',
  'line-ending': '统一换行',
});

/** Script conversions are said once ("由繁体转换"), not counted per character. */
const SCRIPT_RULES = new Set(['script']);

export function describeNormalisation(normalise: NormaliseLike | undefined): string | undefined {
  if (!normalise) return undefined;
  const parts: string[] = [];
  const changes = normalise.changes ?? [];
  const rules = changes.map((c) => c.rule.split('+'));
  const converted =
    normalise.sourceScript === 'traditional' ||
    normalise.sourceScript === 'mixed' ||
    rules.some((r) => r.some((id) => SCRIPT_RULES.has(id)));
  if (converted) parts.push(normalise.sourceScript === 'mixed' ? '由繁简混排统一为简体' : '由繁体转换');
  const counts = new Map<string, number>();
  for (const ids of rules) {
    const labels = new Set<string>();
    for (const id of ids) {
      if (SCRIPT_RULES.has(id)) continue;
      const base = id.split('/', 1)[0]!;
      labels.add(CHANGE_LABELS[id] ?? CHANGE_LABELS[base] ?? `规范化（${id}）`);
    }
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  for (const [label, count] of counts) parts.push(`${label} ${count} 处`);
  return parts.length > 0 ? parts.join('；') : undefined;
}
