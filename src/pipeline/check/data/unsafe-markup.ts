/**
 * What content MDX may not contain (rule `mdx-safety`). Content is a document, not code.
 */
import type { TextPattern } from '../../patterns.ts';

/** Elements that run code or load other documents, with what to write instead. */
export const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = Object.freeze({
  script: '正文不能包含脚本',
  style: '样式由网站统一设定，正文不能带样式表',
  iframe: '不能嵌入其他网页；请改为普通链接',
  frame: '不能嵌入其他网页；请改为普通链接',
  object: '不能嵌入插件对象',
  embed: '不能嵌入插件对象',
  applet: '不能嵌入插件对象',
  form: '正文不能包含表单',
  input: '正文不能包含表单',
  button: '正文不能包含按钮',
  svg: 'SVG 可以携带脚本，不能直接写在正文里；请存成图片文件并用 ![说明](./图片.png) 引用',
  math: '不能直接写 MathML',
  link: '不能引入外部资源',
  meta: '不能写页面元数据',
  base: '不能改写页面地址',
  img: '请用 ![说明](./图片.jpg) 插入图片，并写清图片说明',
  a: '请用 [文字](https://…) 写链接',
});

/** URL schemes that run code or smuggle content (checked after removing white space and control characters). */
export const FORBIDDEN_SCHEMES: readonly string[] = Object.freeze([
  'javascript:',
  'vbscript:',
  'data:',
  'file:',
  'blob:',
]);

/** Markup that decodes to script: text such as &lt;script&gt; or javascript: left after entities are decoded. */
export const DECODED_MARKUP: TextPattern = Object.freeze({
  id: 'decoded-markup',
  pattern:
    /<[ \t]{0,3}\/?[ \t]{0,3}(?:script|style|iframe|frame|object|embed|applet|form|svg|math|link|meta|base|img)(?![a-z])|(?:java|vb)[\s\x00-\x1f]{0,8}script[\s\x00-\x1f]{0,8}:|\bon[a-z]{3,20}[ \t]{0,3}=[ \t]{0,3}["'`]/gi,
  example: '<script>alert(1)</script>（由 &lt;script&gt; 解码而来）',
  label: '解码后成为脚本的文字',
});

/** CSS url(), which loads from anywhere. */
export const CSS_URL: TextPattern = Object.freeze({
  id: 'css-url',
  pattern: /url[ \t]{0,3}\(|expression[ \t]{0,3}\(|@import/gi,
  example: 'style="background:url(https://evil.example/x.png)"',
  label: 'CSS 外部资源',
});

/** An event handler attribute: onclick, onerror, onload… */
export function isEventAttribute(name: string): boolean {
  return /^on/i.test(name);
}

/** The scheme of a URL as a browser sees it: white space and control characters dropped, lower case. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\s\x00-\x1f\x7f]+/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]{0,30}):/.exec(cleaned);
  return match ? `${match[1]}:` : undefined;
}

export function isForbiddenUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && FORBIDDEN_SCHEMES.includes(scheme);
}
