/**
 * Part of the normaliser's scrape-noise work, run first in plain text: leftover HTML from web pages and
 * Word exports (`<p>…</p>` in table cells, `&nbsp;`) becomes text. Runs before the pinyin and noise
 * stages, so that what the tags hid is seen by them. MDX bodies are left alone: there, tags are syntax.
 *
 *   '<p>单位 推荐 意见</p>&nbsp;'  →  '单位 推荐 意见 '
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Edit } from './change-record.ts';
import { HTML_ENTITIES, HTML_ENTITY, HTML_TAG } from './data/scrape-noise.ts';
import { editSegments, normaliseState, type NormaliseRoot } from './tree.ts';

export const stripHtml: Plugin<[], NormaliseRoot> = function () {
  return (tree: NormaliseRoot, file: VFile) => {
    if (normaliseState(file).mode !== 'text') return;
    editSegments(tree, file, htmlEdits);
  };
};

/** Tags go, entities become their characters. */
function htmlEdits(value: string): Edit[] | undefined {
  if (value.indexOf('<') === -1 && value.indexOf('&') === -1) return undefined;
  const edits: Edit[] = [];
  for (const match of value.matchAll(HTML_TAG)) {
    edits.push({ rule: 'html-tag', start: match.index, end: match.index + match[0].length, after: '' });
  }
  for (const match of value.matchAll(HTML_ENTITY)) {
    edits.push({
      rule: 'html-entity',
      start: match.index,
      end: match.index + match[0].length,
      after: HTML_ENTITIES[match[0]]!,
    });
  }
  return edits.sort((a, b) => a.start - b.start);
}
