/**
 * Attachment lines (附件) of an announcement, linked when the attachment is another entry on the
 * site: a decision's 附件 `2022年度…先进集体和先进个人名单` is the roll of that title.
 *
 *   linkAttachments(['1．2022年度示例市…名单', '推荐表'], [{ title: '2022年度示例市…名单', href: '/rolls/2023/x/' }])
 *     →  [{ text: '1．2022年度示例市…名单', href: '/rolls/2023/x/' }, { text: '推荐表' }]
 */

export interface AttachmentTarget {
  title: string;
  /** Site-relative URL, without the base path. */
  href: string;
}

export interface AttachmentLine {
  text: string;
  href?: string;
}

/** A title reduced for comparison: no numbering, book-title marks, quotes, spaces or file extension. */
export function attachmentKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/^\s*(?:附件\s*[:：]?\s*)?(?:\d+|[一二三四五六七八九十]+)\s*[.．、:：]\s*/u, '')
    .replace(/\.(?:docx?|pdf|xlsx?|wps|ofd)$/iu, '')
    .replace(/[\s《》“”‘’「」『』"']/gu, '');
}

/**
 * Each attachment with a link to the first target of the same title. Targets come in order of
 * preference (the entry's own rolls first), so a title shared by two entries links the closer one.
 */
export function linkAttachments(
  attachments: readonly string[],
  targets: readonly AttachmentTarget[],
): AttachmentLine[] {
  const byKey = new Map<string, string>();
  for (const target of targets) {
    const key = attachmentKey(target.title);
    if (key && !byKey.has(key)) byKey.set(key, target.href);
  }
  return attachments.map((text) => {
    const href = byKey.get(attachmentKey(text));
    return href ? { text, href } : { text };
  });
}
