/**
 * Rule `doc-number`: 发文字号 in GB/T 9704-2012 form (§7.2.4): the year in 六角括号 〔〕, the
 * serial number without leading zeros and without 第. A warning with the fix; `deeds check
 * --fix` applies it.
 *
 *   武卫字[2023]第04号   →   warning: 发文字号“武卫字[2023]第04号”不合 GB/T 9704 写法；应写作“武卫字〔2023〕4号”
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { placeInText, visitText, type FrontmatterCheck } from '../helpers.ts';
import { canonicalDocNumber, DOC_NUMBER_FORM, DOC_NUMBER_LOOSE } from '../data/doc-numbers.ts';
import { matchAll } from '../../patterns.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'doc-number',
  description: '发文字号和成文日期符合 GB/T 9704（〔〕括年份，序号无前导零、不加“第”）',
  fix: '按提示改写；`deeds check --fix` 可自动改',
  severity: 'default',
  examples: [
    { body: '根据武卫字[2023]第04号文件要求。\n', message: '应写作“〔2023〕4号”' },
    {
      collection: 'announcements',
      frontmatter: { docNumber: '示卫字(2023)04号' },
      message: '应写作“示卫字〔2023〕4号”',
    },
    { body: '根据武卫字〔2023〕4号文件要求。\n' },
  ],
});

function reason(found: string, canonical: string): string {
  return `发文字号${/^[〔［【（(\[]/.test(found) ? '中的' : ''}“${found}”不合 GB/T 9704 写法（年份用六角括号〔〕，序号不加“第”、不编虚位）；应写作“${canonical}”`;
}

export function remarkCheckDocNumber() {
  return (tree: Root, file: VFile) => {
    visitText(tree, (node) => {
      for (const match of matchAll(DOC_NUMBER_LOOSE.pattern, node.value)) {
        const canonical = canonicalDocNumber(match[0]);
        if (canonical === match[0]) continue;
        rule.report(file, reason(match[0], canonical), {
          place: placeInText(node, match.index, match.index + match[0].length),
          fatal: false,
          actual: match[0],
          expected: [canonical],
        });
      }
    });
  };
}

export const checkDocNumberFrontmatter: FrontmatterCheck = ({ file, data, locate }) => {
  const value = data.docNumber;
  if (typeof value !== 'string' || DOC_NUMBER_FORM.test(value)) return;
  const canonical = canonicalDocNumber(value);
  rule.report(
    file,
    canonical !== value
      ? reason(value, canonical)
      : `发文字号“${value}”不合 GB/T 9704 写法：应为“机关代字〔年份〕序号号”，如“武卫字〔2023〕4号”`,
    {
      place: locate(['docNumber']),
      fatal: false,
      actual: value,
      expected: canonical !== value ? [canonical] : undefined,
    },
  );
};
