/**
 * HTML (a saved web page, or what mammoth makes of a .docx) to the plain text the normaliser and
 * the extractor read: one line per block, tables as Markdown tables. Parsed with a real HTML
 * parser (rehype-parse); scripts, styles, frames, forms and event handlers never reach the text.
 *
 *   <p>各有关单位：</p><script>…</script><table><tr><td>李静</td><td>示例医院</td></tr></table>
 *     →  '各有关单位：\n\n| 李静 | 示例医院 |\n| --- | --- |'
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { BLOCK_ELEMENTS } from '../../lib/html-blocks.ts';

/** Elements whose content is never text of the document. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'template',
  'svg',
  'math',
  'head',
  'link',
  'meta',
  'button',
  'input',
  'select',
  'textarea',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'nav',
  // The furniture of a saved page: its footer (版权所有, 备案号), side bars and search forms.
  'footer',
  'aside',
  'form',
]);

/**
 * Class names and ids that old sites give their furniture, for pages made before `<nav>` and
 * `<footer>`: `<div class="nav">`, `<div id="footer">`, `<td class="copyright">`.
 */
const FURNITURE_NAME =
  /^(?:nav|navbar|navigation|menu|mainmenu|topmenu|top-nav|footer|foot|bottom|copyright|copy|breadcrumb|crumbs?|position|location|sidebar|side|share|bdsharebuttonbox|toolbar|search|header-nav|friendlink|links)$/i;

function isFurniture(node: Element): boolean {
  const names = [
    ...(Array.isArray(node.properties?.className) ? node.properties.className.map(String) : []),
    String(node.properties?.id ?? ''),
  ];
  return names.some((name) => FURNITURE_NAME.test(name));
}

const parser = unified().use(rehypeParse, { fragment: false });

/** Convert an HTML document or fragment to text lines. */
export function htmlToText(html: string): string {
  const tree = parser.parse(html) as Root;
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: Root | RootContent | ElementContent, inPre: boolean): void => {
    if (node.type === 'text') {
      line += inPre ? node.value.replace(/\n/g, '\u0000') : node.value;
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child, inPre);
      return;
    }
    if (node.type !== 'element') return;
    const name = node.tagName;
    if (DROPPED.has(name) || isFurniture(node)) return;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table') {
      flush();
      blocks.push(tableToMarkdown(node));
      return;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) flush();
    for (const child of node.children) walk(child, inPre || name === 'pre');
    if (block) flush();
  };
  walk(tree, false);
  flush();
  return blocks
    .map((b) => b.replace(/\u0000/g, '\n'))
    .filter(Boolean)
    .join('\n\n');
}

function cellText(cell: Element): string {
  let text = '';
  const walk = (node: ElementContent): void => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && !DROPPED.has(node.tagName)) {
      if (node.tagName === 'br' || BLOCK_ELEMENTS.has(node.tagName)) text += ' ';
      for (const child of node.children) walk(child);
    }
  };
  for (const child of cell.children) walk(child);
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: ElementContent): void => {
    if (node.type !== 'element') return;
    if (node.tagName === 'tr') rows.push(node);
    else if (node.tagName !== 'table') for (const child of node.children) walk(child);
  };
  for (const child of table.children) walk(child);
  return rows;
}

/** A table as a Markdown table; spanning cells are repeated empty so columns stay aligned. */
function tableToMarkdown(table: Element): string {
  const rows = rowsOf(table).map((row) =>
    row.children
      .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
      .flatMap((cell) => {
        const span = Math.min(Number(cell.properties?.colSpan ?? 1) || 1, 20);
        return [cellText(cell), ...Array.from({ length: span - 1 }, () => '')];
      }),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const lines = rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => `| ${[...r, ...Array.from({ length: width - r.length }, () => '')].join(' | ')} |`);
  if (lines.length === 0) return '';
  lines.splice(1, 0, `| ${Array.from({ length: width }, () => '---').join(' | ')} |`);
  return lines.join('\n');
}
