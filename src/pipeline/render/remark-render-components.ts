/**
 * Render the allow-listed MDX components to plain HTML elements and drop everything else
 * that MDX would execute (ESM, expressions, unknown components). Content MDX is a document,
 * not code: this stage is what keeps it so at render time, whatever the checks said.
 *
 *   <Note title="编者按">本文…</Note>   →   <aside class="note" data-title="编者按">本文…</aside>
 *   <script>alert(1)</script>          →   (nothing)
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import { ALLOWED_COMPONENTS, type AllowedComponent } from './data/components.ts';

export interface Options {
  /** Components that may be rendered, by name. */
  components?: Readonly<Record<string, AllowedComponent>>;
}

const defaults: Required<Options> = Object.freeze({ components: ALLOWED_COMPONENTS });

/** A prop value that a browser could run as a URL. */
const SCRIPT_URL = /^\s*(?:javascript|data|vbscript):/i;
/** An image address on another origin: a scheme or a protocol-relative `//`. */
const OTHER_ORIGIN = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

const EXECUTABLE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);
/** Every type of node that this stage removes or changes; a tree without any is left as it is. */
const CHANGED = new Set([...EXECUTABLE, 'image', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/**
 * Whether `remarkRenderComponents` would change `tree` (remove or rewrite a node of it). Rendering
 * a tree it would not change leaves the tree as it was, so the caller need not render a copy.
 */
export function changesTree(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (!CHANGED.has(node.type)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

export function remarkRenderComponents(options: Options = {}) {
  const { components } = { ...defaults, ...options };
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      // Pages load nothing from other origins: a protocol-relative image (//host/x.png) is dropped too.
      if (EXECUTABLE.has(node.type) || (node.type === 'image' && OTHER_ORIGIN.test(node.url))) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const allowed = element.name ? components[element.name] : undefined;
      if (!allowed || !Object.hasOwn(components, element.name!)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const properties: Record<string, string | string[]> = {};
      if (allowed.className) properties.className = [allowed.className];
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const target = allowed.props[attribute.name];
        if (!target || typeof attribute.value !== 'string' || SCRIPT_URL.test(attribute.value)) continue;
        properties[target] = attribute.value;
      }
      element.data = { ...element.data, hName: allowed.element, hProperties: properties };
      // A block component written on one line parses as text inside a paragraph: lift it out.
      if (parent.type === 'paragraph' && parent.children.length === 1 && allowed.block) {
        parent.data = { ...parent.data, hName: 'div', hProperties: { className: ['block'] } };
      }
      return undefined;
    });
  };
}
