/**
 * An announcement's body as editors paste it holds the whole document: 主送机关 first, then the
 * text, 附件说明, 发文机关署名, 成文日期 and 附注 at the end. The page lays those elements out from
 * the frontmatter in GB/T 9704-2012 order (§7.3), so they are taken off the rendered body here —
 * only where the frontmatter has them, so that no word is lost.
 *
 *   <p>各区卫生健康局：</p><p>正文…</p><p>示例市卫生健康委员会</p><p>2024年12月3日</p><p>（此件公开发布）</p>
 *   → <p>正文…</p>   (recipients, signature, date and annotation come from the frontmatter)
 */

export interface AnnouncementParts {
  issuer: string;
  /** 成文日期, `YYYY-MM-DD`. */
  date: string;
  recipients: readonly string[];
  attachments: readonly string[];
  publicity?: string | undefined;
}

export interface LaidOutBody {
  html: string;
  /** What was taken off (for tests and diagnostics). */
  removed: string[];
}

const LAST_PARAGRAPH = /<p>((?:(?!<p[ >])[\s\S])*?)<\/p>\s*$/;
const FIRST_PARAGRAPH = /^\s*<p>((?:(?!<p[ >])[\s\S])*?)<\/p>\s*/;
const ANNOTATION = /^[（(]\s*此件[^）)]*[）)]$/;
const ARABIC_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const HAN_DATE = /^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日$/;
const ATTACHMENT_HEAD = /^附\s*件\s*[:：]/;
const ATTACHMENT_ITEM = /^\d{1,2}\s*[.．、]/;
const AUTHORITY = /^[\u3400-\u9fff（）()、]{2,40}(?:委员会|局|厅|部|办公室|政府|中心|委|院|会|处|科)$/;

const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

export function layOutAnnouncementBody(html: string, parts: AnnouncementParts): LaidOutBody {
  const removed: string[] = [];
  // Lines at the end, paragraph by paragraph (a paragraph may hold several lines).
  let body = html.trimEnd();
  const taken: { html: string; lines: string[] }[] = []; // last paragraph first
  let tail: { line: string; id: number }[] = []; // in document order
  const takeParagraph = (): boolean => {
    const match = LAST_PARAGRAPH.exec(body);
    if (!match) return false;
    const lines = plain(match[1]!)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const id = taken.push({ html: match[0].trim(), lines }) - 1;
    tail = lines.map((line) => ({ line, id })).concat(tail);
    body = body.slice(0, match.index).trimEnd();
    return true;
  };
  const popped: { line: string; id: number }[] = [];
  const pop = (test: (line: string) => boolean): boolean => {
    while (tail.length === 0) if (!takeParagraph()) return false;
    const last = tail[tail.length - 1]!;
    if (!test(last.line)) return false;
    popped.push(tail.pop()!);
    return true;
  };

  if (parts.publicity) pop((l) => ANNOTATION.test(l));
  if (pop((l) => ARABIC_DATE.test(l) || HAN_DATE.test(l))) {
    while (pop((l) => l === parts.issuer || AUTHORITY.test(l))) {
      /* 联合发文: one line per authority */
    }
  }
  if (parts.attachments.length > 0) {
    const mark = popped.length;
    while (pop((l) => ATTACHMENT_ITEM.test(l) && !ATTACHMENT_HEAD.test(l))) {
      /* numbered attachment lines */
    }
    // Numbered lines without a 附件 head are text: they stay.
    if (!pop((l) => ATTACHMENT_HEAD.test(l))) tail.push(...popped.splice(mark).reverse());
  }
  removed.push(...popped.map((p) => p.line));

  // Paragraphs taken but not wholly removed go back; untouched ones exactly as they were.
  const restored: string[] = [];
  for (let id = taken.length - 1; id >= 0; id--) {
    const left = tail.filter((t) => t.id === id).map((t) => t.line);
    if (left.length === taken[id]!.lines.length) restored.push(taken[id]!.html);
    else if (left.length > 0) restored.push(`<p>${escapeHtml(left.join('\n'))}</p>`);
  }
  body = [body, ...restored].filter(Boolean).join('\n');

  if (parts.recipients.length > 0) {
    const first = FIRST_PARAGRAPH.exec(body);
    if (first) {
      const lines = plain(first[1]!).split('\n');
      const head = lines[0]!.trim();
      if (/[:：]$/.test(head) && !head.includes('。') && head.length <= 120) {
        removed.unshift(head);
        const others = lines.slice(1).filter((l) => l.trim());
        body = (others.length > 0 ? `<p>${escapeHtml(others.join('\n'))}</p>\n` : '') + body.slice(first[0].length);
      }
    }
  }
  return { html: body, removed };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
