/**
 * Small fixes to rendered content HTML before it goes on a page.
 *
 *   secureExternalLinks('<a href="https://example.org/">x</a>')
 *     → '<a href="https://example.org/" rel="external noopener noreferrer">x</a>'
 */

const ANCHOR = /<a\b([^>]*)>/gi;
const EXTERNAL = /\bhref="(?:https?:)?\/\//i;

/** Outbound links get `rel="external noopener noreferrer"`, replacing any `rel` they had. */
export function secureExternalLinks(html: string): string {
  return html.replace(ANCHOR, (tag, attributes: string) => {
    if (!EXTERNAL.test(attributes)) return tag;
    const rest = attributes.replace(/\s+rel="[^"]*"/gi, '');
    return `<a${rest} rel="external noopener noreferrer">`;
  });
}
