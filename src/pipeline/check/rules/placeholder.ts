/**
 * Rule `placeholder`: masked or template text must not be published — what template sites put
 * in place of names and years, and what `deeds new` leaves to be filled in. An error.
 *
 *   **市卫生局被授予…   →   error: 发现星号打码“**”：…请换成真实名称或删去
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { formatPath, frontmatterStrings, placeInText, visitText, type FrontmatterCheck } from '../helpers.ts';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { MASK_AS_EMPHASIS, PLACEHOLDER_PATTERNS } from '../data/placeholders.ts';
import { matchAll, type TextPattern } from '../../patterns.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'placeholder',
  description: '不得有打码或模板文字（**市、20**年、XX省、待填写）',
  fix: '对照原件补全',
  severity: 'default',
  examples: [
    { body: '**市卫生局被授予先进集体称号。\n', message: '星号打码', severity: 'error' },
    { frontmatter: { unit: 'XX省人民医院' }, message: 'unit', severity: 'error' },
    { body: '示例市卫生局被授予先进集体称号。\n' },
  ],
});

export interface Options {
  /** The patterns to look for. */
  patterns?: readonly TextPattern[];
}

const defaults: Required<Options> = Object.freeze({ patterns: PLACEHOLDER_PATTERNS });

/** Frontmatter keys whose values are not shown as text (where masks are not placeholders). */
const NOT_TEXT = new Set(['source', 'src']);

function reason(pattern: TextPattern, found: string, where: string): string {
  return `${where}发现${pattern.label}“${found}”：这是打码或模板文字，不能发布；请换成真实内容，或删去这一处`;
}

export function remarkCheckPlaceholder(options: Options = {}) {
  const { patterns } = { ...defaults, ...options };
  return (tree: Root, file: VFile) => {
    visitText(tree, (node) => {
      for (const pattern of patterns) {
        for (const match of matchAll(pattern.pattern, node.value)) {
          rule.report(file, reason(pattern, match[0], ''), {
            place: placeInText(node, match.index, match.index + match[0].length),
            fatal: true,
          });
        }
      }
    });
    // Paired masks parse as bold: `在**市的20**年` is strong("市的20"), not text with asterisks.
    visit(tree, 'strong', (node, index, parent) => {
      const text = toString(node);
      const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
      const nextText = next && next.type === 'text' ? next.value : '';
      const masked =
        MASK_AS_EMPHASIS.leadingSuffix.test(text) ||
        (MASK_AS_EMPHASIS.trailingYear.test(text) && nextText.startsWith('年'));
      if (!masked || !node.position) return;
      rule.report(
        file,
        `发现星号打码“**${text}**”（两处打码连在一起，被当成了加粗）：这是打码或模板文字，不能发布；请换成真实内容，或删去这一处`,
        { place: node.position, fatal: true },
      );
    });
  };
}

export const checkPlaceholderFrontmatter: FrontmatterCheck = ({ file, data, locate }) => {
  for (const { path, value } of frontmatterStrings(data, NOT_TEXT)) {
    for (const pattern of PLACEHOLDER_PATTERNS) {
      for (const match of matchAll(pattern.pattern, value)) {
        rule.report(file, reason(pattern, match[0], `字段 ${formatPath(path)} 中`), {
          place: locate(path),
          fatal: true,
        });
      }
    }
  }
};
