/**
 * The components an editor may use in content MDX, with the props each accepts and the
 * HTML element it renders to. Anything else is rejected by the `mdx-safety` check and
 * never rendered.
 */
export interface AllowedComponent {
  /** The HTML element it renders to. */
  element: string;
  /** A class put on the element. */
  className?: string;
  /** Props an editor may set, mapped to the HTML attribute they become (`null`: not rendered). */
  props: Readonly<Record<string, string | null>>;
  /** Whether it is a block (rendered outside paragraphs). */
  block: boolean;
  /** What it is for, shown in the editors' guide. */
  description: string;
}

export const ALLOWED_COMPONENTS: Readonly<Record<string, AllowedComponent>> = Object.freeze({
  Note: {
    element: 'aside',
    block: true,
    className: 'note',
    props: { title: 'dataTitle' },
    description: '编者按或说明，如“本文根据××医院推荐材料整理”。',
  },
  Quote: {
    element: 'blockquote',
    block: true,
    className: 'quote',
    props: { by: 'dataBy' },
    description: '人物原话或群众评价，by 写说话人。',
  },
});
