/**
 * The copy of a built page that Pagefind indexes: without what Pagefind would parse and throw away,
 * and with the Chinese text of its `data-pagefind-body` cut into words joined by spaces
 * (`spaceWords`, the browser's `Intl.Segmenter`), field by field with a `｜` between fields
 * (`FIELD_SEPARATOR`), so that the index can be built under a language
 * Pagefind neither segments nor stems and still match the words the browser cuts queries into.
 *
 *   <main data-pagefind-body><h1>李静</h1><p>获评先进个人</p></main>
 *   →  <main data-pagefind-body><h1>李 静 </h1> ｜ <p>获 评 先进 个人</p></main>
 *
 * Only text inside `data-pagefind-body` changes: tags, attributes (metadata, filters, sort
 * keys), comments and scripts stay as they are. Plain functions, no Node: used by the staging
 * workers (`pagefind-stage-worker.ts`) and by tests.
 */
import { separatorPositions } from '../segment.ts';
import { BLOCK_ELEMENTS } from '../../lib/html-blocks.ts';

/** A tag or comment; quoted attribute values may hold `>`. */
const MARKUP = /<!--[\s\S]*?-->|<\/?[A-Za-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>/g;
const BODY_ATTRIBUTE = /\sdata-pagefind-body(?=[\s=/>])/;
/** Elements whose content is not text: skipped whole. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'template']);
/** Elements without an end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The page as Pagefind should index it: `searchableHtml`, then `segmentPageBody`. */
export function stagedHtml(html: string): string {
  return segmentPageBody(searchableHtml(html));
}

/**
 * Elements that end one field of a page and start the next: blocks (headings, paragraphs, list
 * items, `dt`/`dd`, table cells …) and `br`. Two elements side by side with nothing but
 * whitespace between them (`<a>孙明</a><span class="unit">示例市中医医院</span>`) are two fields too.
 */
const BLOCK = new Set([...BLOCK_ELEMENTS, 'br', 'caption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']);

/**
 * What goes between two fields of the indexed text: a mark Pagefind keeps in the excerpt (it is
 * no word, so it is not indexed) and the browser shows (`主任｜孙明｜事迹`), so that the last word
 * of one field and the first of the next are neither cut as one word (`孙明` + `示例市` →
 * `孙 明示 例 市`) nor shown run together.
 */
export const FIELD_SEPARATOR = ' ｜ ';

/**
 * `html` with the text inside each `data-pagefind-body` element put through `spaceWords`, field
 * by field (`BLOCK`): the text of one field is cut as one, across inline tags (`李<b>静</b>同志`
 * has the words of `李静同志`), and each separator goes into the text node before it; between
 * two fields that hold text goes `fieldSeparator`, as a text node of its own after the tag that
 * ends the first, and the first ends in `separator` (`<h1>李 静 </h1> ｜ <p>…`). Removing the
 * separators gives the page back; applying it twice changes nothing more.
 */
export function segmentPageBody(html: string, separator = ' ', fieldSeparator = FIELD_SEPARATOR): string {
  const out: string[] = [];
  const fieldMark = fieldSeparator.trim();
  /** The body element being read: its tag name, how many of that name are open inside it, the
   * indexes in `out` of the text nodes of its current field, whether that field has text other
   * than whitespace, where a field separator would go (`gap`: an empty slot in `out` after the
   * tag that ended the field), whether one is there already, and whether the last tag since
   * the last text was an end tag. */
  let body:
    | {
        name: string;
        depth: number;
        texts: number[];
        filled: boolean;
        seen: boolean;
        gap?: number;
        marked: boolean;
        closed: boolean;
      }
    | undefined;
  const text = (value: string) => {
    if (body && value) {
      const trimmed = value.trim();
      if (trimmed === fieldMark) {
        body.marked = true;
      } else if (trimmed) {
        // A separator already there (a second run) may share a text node with a field.
        if (trimmed.startsWith(fieldMark)) body.marked = true;
        if (body.gap !== undefined) {
          spaceTexts(out, body.texts, separator);
          // A field that ends in a word gets a word separator at its end: Pagefind ends a block
          // whose text ends in neither punctuation nor a space with a full stop (`主任.｜孙明`).
          const end = body.texts.at(-1);
          if (end !== undefined && !/\s$/u.test(out[end]!)) out[end] += separator;
          if (body.seen && !body.marked) out[body.gap] = fieldSeparator;
          body.texts = [];
          body.gap = undefined;
        }
        body.texts.push(out.length);
        body.marked = trimmed.endsWith(fieldMark);
        body.filled = body.seen = true;
        body.closed = false;
      } else if (body.gap === undefined) {
        body.texts.push(out.length);
      }
    }
    out.push(value);
  };
  /** The field being read ends here: at the end of `out`. */
  const endField = () => {
    if (!body || !body.filled) return;
    body.gap = out.length;
    out.push('');
    body.filled = false;
  };
  let last = 0;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(html); match; match = MARKUP.exec(html)) {
    text(html.slice(last, match.index));
    const tag = match[0];
    const closing = tag[1] === '/';
    const name = tag.startsWith('<!--') ? '' : /^<\/?([A-Za-z][^\s/>]*)/.exec(tag)![1]!.toLowerCase();
    // A field ends after the end tag that closes it (not inside: an `h1` is the page's title),
    // and before the start tag that opens the next.
    const boundary = !!body && !!name && (BLOCK.has(name) || (!closing && body.closed));
    if (boundary && !closing) endField();
    out.push(tag);
    if (boundary && closing) endField();
    last = MARKUP.lastIndex;
    if (!name) continue;
    if (!closing && RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = last;
      const stop = end.exec(html)?.index ?? html.length;
      out.push(html.slice(last, stop));
      last = MARKUP.lastIndex = stop;
      continue;
    }
    if (!body) {
      if (!closing && BODY_ATTRIBUTE.test(tag) && !VOID.has(name) && !tag.endsWith('/>')) {
        body = { name, depth: 1, texts: [], filled: false, seen: false, marked: false, closed: false };
      }
      continue;
    }
    body.closed = closing;
    if (name !== body.name || VOID.has(name) || tag.endsWith('/>')) continue;
    body.depth += closing ? -1 : 1;
    if (body.depth === 0) {
      spaceTexts(out, body.texts, separator);
      body = undefined;
    }
  }
  text(html.slice(last));
  if (body) spaceTexts(out, body.texts, separator);
  return out.join('');
}

/** The text nodes `out[i]` for `i` of `texts` cut into words as one text, the separators put in. */
function spaceTexts(out: string[], texts: number[], separator: string): void {
  const positions = separatorPositions(texts.map((i) => out[i]).join(''));
  let start = 0;
  let next = 0;
  for (const i of texts) {
    const node = out[i]!;
    const end = start + node.length;
    // A separator at a node's end (before a tag) stays with that node: `p` is after `p - 1`.
    const parts: string[] = [];
    let cut = 0;
    for (; next < positions.length && positions[next]! <= end; next++) {
      parts.push(node.slice(cut, positions[next]! - start), separator);
      cut = positions[next]! - start;
    }
    parts.push(node.slice(cut));
    out[i] = parts.join('');
    start = end;
  }
}

/**
 * The page without what Pagefind would parse and throw away: `<head>` (CSP, JSON-LD that lists a
 * roll's every awardee), scripts and styles. Pagefind reads the body and takes the title from `<h1>`.
 */
export function searchableHtml(html: string): string {
  return html.replace(/<head\b[\s\S]*?<\/head>/i, '').replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/gi, '');
}

const FILTER_ATTRIBUTE = /data-pagefind-filter="([^"]*)"/g;

/** The page's filters as `SearchMeta` writes them: one `key:value` per attribute. */
export function readFilters(html: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const match of html.matchAll(FILTER_ATTRIBUTE)) {
    const value = decodeEntities(match[1]!);
    const colon = value.indexOf(':');
    if (colon <= 0) continue;
    const key = value.slice(0, colon).trim();
    (filters[key] ??= []).push(value.slice(colon + 1).trim());
  }
  return filters;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}
