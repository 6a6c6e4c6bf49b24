/**
 * Rule `mdx-safety`: content MDX is a document, not code. Errors for `import`/`export`,
 * JavaScript expressions (`{…}`), elements that run code or load other documents (`<script>`,
 * `<style>`, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<svg>`…), `on*` attributes,
 * `javascript:`/`data:` URLs, CSS `url()`, text that decodes to markup (`&lt;script&gt;`), and
 * any component or prop not in the allow-list (`data/components.ts`). The renderer drops all of
 * it anyway (`remark-render-components.ts`); this rule tells the editor, with the position.
 *
 *   <iframe src="https://evil.example"></iframe>   →   error: 不能使用 <iframe>：不能嵌入其他网页…
 */
import type { Root } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { indexTree, placeInText, placeOf, type TextNode } from '../helpers.ts';
import { ALLOWED_COMPONENTS, type AllowedComponent } from '../../render/data/components.ts';
import { matchAll } from '../../patterns.ts';
import {
  CSS_URL,
  DECODED_MARKUP,
  FORBIDDEN_ELEMENTS,
  isEventAttribute,
  isForbiddenUrl,
  urlScheme,
} from '../data/unsafe-markup.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'mdx-safety',
  description: '正文是文档不是代码：不得有 import、表达式、脚本、事件属性、危险链接',
  fix: '删除，或改用 `<Note>`、`<Quote>`',
  severity: 'default',
  required: true,
  examples: [
    { body: '<iframe src="https://evil.example"></iframe>\n', message: '不能使用 <iframe>', severity: 'error' },
    { body: '{alert(1)}\n', message: '表达式', severity: 'error' },
    { body: '<Note>请于月底前报送。</Note>\n' },
  ],
});

export interface Options {
  /** Components an editor may use, with their props. */
  components?: Readonly<Record<string, AllowedComponent>>;
}

const defaults: Required<Options> = Object.freeze({ components: ALLOWED_COMPONENTS });

export function remarkCheckMdxSafety(options: Options = {}) {
  const { components } = { ...defaults, ...options };
  const allowedNames = Object.keys(components).join('、');
  return (tree: Root, file: VFile) => {
    const error = (reason: string, node: { position?: unknown }) =>
      rule.report(file, reason, { place: placeOf(node as Parameters<typeof placeOf>[0]), fatal: true });
    for (const node of indexTree(tree).all) {
      switch (node.type) {
        case 'mdxjsEsm':
          error('正文中有 import/export 语句：内容文件是文档，不能写代码；请删去这一行', node);
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          error(
            `正文中有花括号表达式“{${truncate(node.value)}}”：内容文件不能写代码；要显示花括号请改用全角“｛｝”或在前面加反斜杠“\\{”`,
            node,
          );
          break;
        case 'html':
          error('正文中有 HTML 代码：请改用 Markdown 写法', node);
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkElement(node, components, allowedNames, error);
          break;
        case 'link':
        case 'image':
        case 'definition':
          if (isForbiddenUrl(node.url)) {
            error(
              `链接地址使用了 ${urlScheme(node.url)} 协议，会执行代码或夹带内容；只能用 https:// 链接或本站的相对路径`,
              node,
            );
          }
          break;
        case 'text':
        case 'inlineCode':
        case 'code':
          checkText(node as TextNode, file);
          break;
        default:
          break;
      }
    }
  };
}

function checkElement(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  components: Readonly<Record<string, AllowedComponent>>,
  allowedNames: string,
  error: (reason: string, node: { position?: unknown }) => void,
): void {
  const name = node.name;
  const allowed = name && Object.hasOwn(components, name) ? components[name] : undefined;
  if (!name) {
    error(`正文中有空标签 <>…</>：请删去，只能使用 ${allowedNames}`, node);
  } else if (!allowed) {
    const lower = name.toLowerCase();
    const why = Object.hasOwn(FORBIDDEN_ELEMENTS, lower)
      ? FORBIDDEN_ELEMENTS[lower]
      : '它不在允许使用的组件之列，发布时会被删掉';
    error(`不能使用 <${name}>：${why}；正文中只能使用 ${allowedNames}`, node);
  }
  for (const attribute of node.attributes) checkAttribute(attribute, name ?? '', allowed, error, node);
}

function checkAttribute(
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  element: string,
  allowed: AllowedComponent | undefined,
  error: (reason: string, node: { position?: unknown }) => void,
  node: { position?: unknown },
): void {
  const at = attribute.position ? attribute : node;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    error(`<${element}> 上有展开表达式“{${truncate(attribute.value)}}”：内容文件不能写代码；请删去`, at);
    return;
  }
  const { name, value } = attribute;
  if (isEventAttribute(name)) {
    error(`<${element}> 上有事件属性 ${name}：它会执行脚本；请删去`, at);
    return;
  }
  if (value !== null && typeof value === 'object') {
    error(
      `<${element}> 的 ${name} 属性是表达式“{${truncate(value.value)}}”：属性值只能是引号中的文字，如 ${name}="…"`,
      at,
    );
    return;
  }
  if (allowed && !Object.hasOwn(allowed.props, name)) {
    const props = Object.keys(allowed.props);
    error(
      `<${element}> 不支持属性 ${name}${props.length > 0 ? `；可用的属性：${props.join('、')}` : '；这个组件不接受属性'}`,
      at,
    );
  }
  if (typeof value !== 'string') return;
  if (isForbiddenUrl(value)) {
    error(`<${element}> 的 ${name} 属性使用了 ${urlScheme(value)} 协议，会执行代码或夹带内容；请删去`, at);
  }
  for (const match of matchAll(CSS_URL.pattern, value)) {
    error(`<${element}> 的 ${name} 属性中有 CSS “${match[0]}”，会从外部加载内容；请删去`, at);
    break;
  }
  for (const match of matchAll(DECODED_MARKUP.pattern, value)) {
    error(`<${element}> 的 ${name} 属性中有脚本代码“${truncate(match[0])}”；请删去`, at);
    break;
  }
}

function checkText(node: TextNode, file: VFile): void {
  for (const match of matchAll(DECODED_MARKUP.pattern, node.value)) {
    rule.report(
      file,
      `正文中有（可能经过字符实体编码的）脚本或标签“${truncate(match[0])}”：内容文件不能夹带代码；请删去`,
      {
        place: placeInText(node, match.index, match.index + match[0].length),
        fatal: true,
      },
    );
  }
}

function truncate(value: string, length = 30): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > length ? `${oneLine.slice(0, length)}…` : oneLine;
}
